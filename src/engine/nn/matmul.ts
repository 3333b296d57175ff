/**
 * The three matrix products of a dense layer, on row-major Float64Arrays. They carry almost all of
 * a training step's time (a 64 × 256 net on the lab's 200 points is 2.4 G multiply-adds a step), so
 * each is register-blocked: a small tile of outputs is held in local variables across the inner
 * loop, so every value loaded from memory is used several times and the tile's independent
 * additions keep the floating-point units busy instead of waiting on one another.
 *
 * Exactness: blocking changes which outputs are computed together, never the order in which one
 * output's terms are added. Every output is the same sequence of float64 operations as the plain
 * loops in `matmul.reference.ts` (bias first, then k in order; four-term groups over the batch for
 * the gradients), so results are bitwise equal to them (`matmul.test.ts` checks it), and the
 * buffers are the caller's: nothing is allocated here.
 */

/** Z[s, j] = b[j] + Σ_k A[s, k] W[j, k] for s < m, with W and b read from `params` at wo / bo. */
export function linearForward(
  A: Float64Array,
  m: number,
  inSize: number,
  params: Float64Array,
  wo: number,
  bo: number,
  outSize: number,
  Z: Float64Array,
): void {
  let j = 0;
  // Tiles of 2 samples × 4 outputs: per k, 2 + 4 loads feed 8 multiply-adds.
  for (; j + 4 <= outSize; j += 4) {
    const w0 = wo + j * inSize;
    const w1 = w0 + inSize;
    const w2 = w1 + inSize;
    const w3 = w2 + inSize;
    const b0 = params[bo + j]!;
    const b1 = params[bo + j + 1]!;
    const b2 = params[bo + j + 2]!;
    const b3 = params[bo + j + 3]!;
    let s = 0;
    for (; s + 2 <= m; s += 2) {
      const r0 = s * inSize;
      const r1 = r0 + inSize;
      let a00 = b0;
      let a01 = b1;
      let a02 = b2;
      let a03 = b3;
      let a10 = b0;
      let a11 = b1;
      let a12 = b2;
      let a13 = b3;
      for (let k = 0; k < inSize; k++) {
        const v0 = params[w0 + k]!;
        const v1 = params[w1 + k]!;
        const v2 = params[w2 + k]!;
        const v3 = params[w3 + k]!;
        const x0 = A[r0 + k]!;
        const x1 = A[r1 + k]!;
        a00 += x0 * v0;
        a01 += x0 * v1;
        a02 += x0 * v2;
        a03 += x0 * v3;
        a10 += x1 * v0;
        a11 += x1 * v1;
        a12 += x1 * v2;
        a13 += x1 * v3;
      }
      const z0 = s * outSize + j;
      const z1 = z0 + outSize;
      Z[z0] = a00;
      Z[z0 + 1] = a01;
      Z[z0 + 2] = a02;
      Z[z0 + 3] = a03;
      Z[z1] = a10;
      Z[z1 + 1] = a11;
      Z[z1 + 2] = a12;
      Z[z1 + 3] = a13;
    }
    if (s < m) linearForwardColumns(A, s, m, inSize, params, wo, bo, outSize, Z, j, j + 4);
  }
  linearForwardColumns(A, 0, m, inSize, params, wo, bo, outSize, Z, j, outSize);
}

/** The plain loop of {@link linearForward} for samples [s0, m) and outputs [j0, j1). */
function linearForwardColumns(
  A: Float64Array,
  s0: number,
  m: number,
  inSize: number,
  params: Float64Array,
  wo: number,
  bo: number,
  outSize: number,
  Z: Float64Array,
  j0: number,
  j1: number,
): void {
  for (let j = j0; j < j1; j++) {
    const w = wo + j * inSize;
    const b = params[bo + j]!;
    for (let s = s0; s < m; s++) {
      const aRow = s * inSize;
      let acc = b;
      for (let k = 0; k < inSize; k++) acc += A[aRow + k]! * params[w + k]!;
      Z[s * outSize + j] = acc;
    }
  }
}

/**
 * BP3 and BP4: grad[b_j] = Σ_s δ[s, j] and grad[W_jk] = Σ_s δ[s, j] A[s, k] (overwriting), with the
 * gradient's W and b at wo / bo. The batch is summed in groups of four samples, each group's
 * four products added together first; a group whose four δ are all zero is skipped (dead ReLUs).
 */
export function weightGradient(
  dZ: Float64Array,
  A: Float64Array,
  m: number,
  inSize: number,
  outSize: number,
  grad: Float64Array,
  wo: number,
  bo: number,
): void {
  grad.fill(0, wo, wo + outSize * inSize);
  let j = 0;
  // Tiles of 4 outputs × one group of 4 samples: per k, 4 loads of A feed 16 multiply-adds.
  for (; j + 4 <= outSize; j += 4) {
    const g0 = wo + j * inSize;
    const g1 = g0 + inSize;
    const g2 = g1 + inSize;
    const g3 = g2 + inSize;
    let db0 = 0;
    let db1 = 0;
    let db2 = 0;
    let db3 = 0;
    let s = 0;
    for (; s + 4 <= m; s += 4) {
      const z0 = s * outSize + j;
      const z1 = z0 + outSize;
      const z2 = z1 + outSize;
      const z3 = z2 + outSize;
      // dXY: δ of output j + X for sample s + Y.
      const d00 = dZ[z0]!;
      const d01 = dZ[z1]!;
      const d02 = dZ[z2]!;
      const d03 = dZ[z3]!;
      const d10 = dZ[z0 + 1]!;
      const d11 = dZ[z1 + 1]!;
      const d12 = dZ[z2 + 1]!;
      const d13 = dZ[z3 + 1]!;
      const d20 = dZ[z0 + 2]!;
      const d21 = dZ[z1 + 2]!;
      const d22 = dZ[z2 + 2]!;
      const d23 = dZ[z3 + 2]!;
      const d30 = dZ[z0 + 3]!;
      const d31 = dZ[z1 + 3]!;
      const d32 = dZ[z2 + 3]!;
      const d33 = dZ[z3 + 3]!;
      db0 += d00 + d01 + d02 + d03;
      db1 += d10 + d11 + d12 + d13;
      db2 += d20 + d21 + d22 + d23;
      db3 += d30 + d31 + d32 + d33;
      const live0 = d00 !== 0 || d01 !== 0 || d02 !== 0 || d03 !== 0;
      const live1 = d10 !== 0 || d11 !== 0 || d12 !== 0 || d13 !== 0;
      const live2 = d20 !== 0 || d21 !== 0 || d22 !== 0 || d23 !== 0;
      const live3 = d30 !== 0 || d31 !== 0 || d32 !== 0 || d33 !== 0;
      const a0 = s * inSize;
      const a1 = a0 + inSize;
      const a2 = a1 + inSize;
      const a3 = a2 + inSize;
      if (live0 && live1 && live2 && live3) {
        for (let k = 0; k < inSize; k++) {
          const x0 = A[a0 + k]!;
          const x1 = A[a1 + k]!;
          const x2 = A[a2 + k]!;
          const x3 = A[a3 + k]!;
          grad[g0 + k]! += d00 * x0 + d01 * x1 + d02 * x2 + d03 * x3;
          grad[g1 + k]! += d10 * x0 + d11 * x1 + d12 * x2 + d13 * x3;
          grad[g2 + k]! += d20 * x0 + d21 * x1 + d22 * x2 + d23 * x3;
          grad[g3 + k]! += d30 * x0 + d31 * x1 + d32 * x2 + d33 * x3;
        }
      } else {
        if (live0) addGroup(grad, g0, A, a0, inSize, d00, d01, d02, d03);
        if (live1) addGroup(grad, g1, A, a0, inSize, d10, d11, d12, d13);
        if (live2) addGroup(grad, g2, A, a0, inSize, d20, d21, d22, d23);
        if (live3) addGroup(grad, g3, A, a0, inSize, d30, d31, d32, d33);
      }
    }
    grad[bo + j] = db0;
    grad[bo + j + 1] = db1;
    grad[bo + j + 2] = db2;
    grad[bo + j + 3] = db3;
    if (s < m) weightGradientRows(dZ, A, s, m, inSize, outSize, grad, wo, bo, j, j + 4);
  }
  for (; j < outSize; j++) {
    const g = wo + j * inSize;
    let db = 0;
    let s = 0;
    for (; s + 4 <= m; s += 4) {
      const z = s * outSize + j;
      const d0 = dZ[z]!;
      const d1 = dZ[z + outSize]!;
      const d2 = dZ[z + 2 * outSize]!;
      const d3 = dZ[z + 3 * outSize]!;
      db += d0 + d1 + d2 + d3;
      if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) continue;
      addGroup(grad, g, A, s * inSize, inSize, d0, d1, d2, d3);
    }
    grad[bo + j] = db;
    if (s < m) weightGradientRows(dZ, A, s, m, inSize, outSize, grad, wo, bo, j, j + 1);
  }
}

/** grad[g + k] += d0 A[a, k] + d1 A[a + 1, k] + d2 A[a + 2, k] + d3 A[a + 3, k] (rows of length n). */
function addGroup(
  grad: Float64Array,
  g: number,
  A: Float64Array,
  a0: number,
  n: number,
  d0: number,
  d1: number,
  d2: number,
  d3: number,
): void {
  const a1 = a0 + n;
  const a2 = a1 + n;
  const a3 = a2 + n;
  for (let k = 0; k < n; k++)
    grad[g + k]! += d0 * A[a0 + k]! + d1 * A[a1 + k]! + d2 * A[a2 + k]! + d3 * A[a3 + k]!;
}

/** The batch's last m mod 4 samples, one at a time, for outputs [j0, j1) (bias included). */
function weightGradientRows(
  dZ: Float64Array,
  A: Float64Array,
  s0: number,
  m: number,
  inSize: number,
  outSize: number,
  grad: Float64Array,
  wo: number,
  bo: number,
  j0: number,
  j1: number,
): void {
  for (let j = j0; j < j1; j++) {
    const g = wo + j * inSize;
    let db = grad[bo + j]!;
    for (let s = s0; s < m; s++) {
      const d = dZ[s * outSize + j]!;
      db += d;
      if (d === 0) continue;
      const a = s * inSize;
      for (let k = 0; k < inSize; k++) grad[g + k]! += d * A[a + k]!;
    }
    grad[bo + j] = db;
  }
}

/**
 * The backward signal to the layer below: dPrev[s, k] += Σ_j δ[s, j] W[j, k]. It adds, so a
 * residual's copy of ∂L/∂a placed in dPrev beforehand is kept. Outputs are summed in groups of
 * four, each group's four products added together first; a sample whose group of δ is all zero
 * skips it.
 */
export function inputGradient(
  dZ: Float64Array,
  params: Float64Array,
  wo: number,
  m: number,
  inSize: number,
  outSize: number,
  dPrev: Float64Array,
): void {
  let j = 0;
  // Tiles of 4 samples × one group of 4 outputs: per k, 4 loads of W feed 16 multiply-adds.
  for (; j + 4 <= outSize; j += 4) {
    const w0 = wo + j * inSize;
    const w1 = w0 + inSize;
    const w2 = w1 + inSize;
    const w3 = w2 + inSize;
    let s = 0;
    for (; s + 4 <= m; s += 4) {
      const z0 = s * outSize + j;
      const z1 = z0 + outSize;
      const z2 = z1 + outSize;
      const z3 = z2 + outSize;
      // dXY: δ of sample s + X for output j + Y.
      const d00 = dZ[z0]!;
      const d01 = dZ[z0 + 1]!;
      const d02 = dZ[z0 + 2]!;
      const d03 = dZ[z0 + 3]!;
      const d10 = dZ[z1]!;
      const d11 = dZ[z1 + 1]!;
      const d12 = dZ[z1 + 2]!;
      const d13 = dZ[z1 + 3]!;
      const d20 = dZ[z2]!;
      const d21 = dZ[z2 + 1]!;
      const d22 = dZ[z2 + 2]!;
      const d23 = dZ[z2 + 3]!;
      const d30 = dZ[z3]!;
      const d31 = dZ[z3 + 1]!;
      const d32 = dZ[z3 + 2]!;
      const d33 = dZ[z3 + 3]!;
      const live0 = d00 !== 0 || d01 !== 0 || d02 !== 0 || d03 !== 0;
      const live1 = d10 !== 0 || d11 !== 0 || d12 !== 0 || d13 !== 0;
      const live2 = d20 !== 0 || d21 !== 0 || d22 !== 0 || d23 !== 0;
      const live3 = d30 !== 0 || d31 !== 0 || d32 !== 0 || d33 !== 0;
      const p0 = s * inSize;
      const p1 = p0 + inSize;
      const p2 = p1 + inSize;
      const p3 = p2 + inSize;
      if (live0 && live1 && live2 && live3) {
        for (let k = 0; k < inSize; k++) {
          const v0 = params[w0 + k]!;
          const v1 = params[w1 + k]!;
          const v2 = params[w2 + k]!;
          const v3 = params[w3 + k]!;
          dPrev[p0 + k]! += d00 * v0 + d01 * v1 + d02 * v2 + d03 * v3;
          dPrev[p1 + k]! += d10 * v0 + d11 * v1 + d12 * v2 + d13 * v3;
          dPrev[p2 + k]! += d20 * v0 + d21 * v1 + d22 * v2 + d23 * v3;
          dPrev[p3 + k]! += d30 * v0 + d31 * v1 + d32 * v2 + d33 * v3;
        }
      } else {
        if (live0) addGroup(dPrev, p0, params, w0, inSize, d00, d01, d02, d03);
        if (live1) addGroup(dPrev, p1, params, w0, inSize, d10, d11, d12, d13);
        if (live2) addGroup(dPrev, p2, params, w0, inSize, d20, d21, d22, d23);
        if (live3) addGroup(dPrev, p3, params, w0, inSize, d30, d31, d32, d33);
      }
    }
    for (; s < m; s++) {
      const z = s * outSize + j;
      const d0 = dZ[z]!;
      const d1 = dZ[z + 1]!;
      const d2 = dZ[z + 2]!;
      const d3 = dZ[z + 3]!;
      if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) continue;
      addGroup(dPrev, s * inSize, params, w0, inSize, d0, d1, d2, d3);
    }
  }
  for (; j < outSize; j++) {
    const w = wo + j * inSize;
    for (let s = 0; s < m; s++) {
      const d = dZ[s * outSize + j]!;
      if (d === 0) continue;
      const aRow = s * inSize;
      for (let k = 0; k < inSize; k++) dPrev[aRow + k]! += d * params[w + k]!;
    }
  }
}
