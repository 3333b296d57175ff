/**
 * The dense layer's three products as plain loops: the definition the blocked kernels of
 * `matmul.ts` must equal bit for bit (they add each output's terms in this very order). Kept for
 * the tests and the bench; the engine itself uses `matmul.ts`.
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
  for (; j + 4 <= outSize; j += 4) {
    const w0 = wo + j * inSize;
    const w1 = w0 + inSize;
    const w2 = w1 + inSize;
    const w3 = w2 + inSize;
    const b0 = params[bo + j]!;
    const b1 = params[bo + j + 1]!;
    const b2 = params[bo + j + 2]!;
    const b3 = params[bo + j + 3]!;
    for (let s = 0; s < m; s++) {
      const aRow = s * inSize;
      let acc0 = b0;
      let acc1 = b1;
      let acc2 = b2;
      let acc3 = b3;
      for (let k = 0; k < inSize; k++) {
        const x = A[aRow + k]!;
        acc0 += x * params[w0 + k]!;
        acc1 += x * params[w1 + k]!;
        acc2 += x * params[w2 + k]!;
        acc3 += x * params[w3 + k]!;
      }
      const zRow = s * outSize + j;
      Z[zRow] = acc0;
      Z[zRow + 1] = acc1;
      Z[zRow + 2] = acc2;
      Z[zRow + 3] = acc3;
    }
  }
  for (; j < outSize; j++) {
    const w = wo + j * inSize;
    const b = params[bo + j]!;
    for (let s = 0; s < m; s++) {
      const aRow = s * inSize;
      let acc = b;
      for (let k = 0; k < inSize; k++) acc += A[aRow + k]! * params[w + k]!;
      Z[s * outSize + j] = acc;
    }
  }
}

/**
 * BP3 and BP4: grad[b_j] = Σ_s δ[s, j] and grad[W_jk] = Σ_s δ[s, j] A[s, k] (overwriting), with the
 * gradient's W and b at wo / bo.
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
  for (let j = 0; j < outSize; j++) {
    const w = wo + j * inSize;
    let db = 0;
    let s = 0;
    for (; s + 4 <= m; s += 4) {
      const d0 = dZ[s * outSize + j]!;
      const d1 = dZ[(s + 1) * outSize + j]!;
      const d2 = dZ[(s + 2) * outSize + j]!;
      const d3 = dZ[(s + 3) * outSize + j]!;
      db += d0 + d1 + d2 + d3;
      if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) continue;
      const a0 = s * inSize;
      const a1 = a0 + inSize;
      const a2 = a1 + inSize;
      const a3 = a2 + inSize;
      for (let k = 0; k < inSize; k++) {
        grad[w + k]! += d0 * A[a0 + k]! + d1 * A[a1 + k]! + d2 * A[a2 + k]! + d3 * A[a3 + k]!;
      }
    }
    for (; s < m; s++) {
      const d = dZ[s * outSize + j]!;
      db += d;
      if (d === 0) continue;
      const a = s * inSize;
      for (let k = 0; k < inSize; k++) grad[w + k]! += d * A[a + k]!;
    }
    grad[bo + j] = db;
  }
}

/**
 * The backward signal to the layer below: dPrev[s, k] += Σ_j δ[s, j] W[j, k]. It adds, so a
 * residual's copy of ∂L/∂a placed in dPrev beforehand is kept.
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
  for (; j + 4 <= outSize; j += 4) {
    const w0 = wo + j * inSize;
    const w1 = w0 + inSize;
    const w2 = w1 + inSize;
    const w3 = w2 + inSize;
    for (let s = 0; s < m; s++) {
      const zRow = s * outSize + j;
      const d0 = dZ[zRow]!;
      const d1 = dZ[zRow + 1]!;
      const d2 = dZ[zRow + 2]!;
      const d3 = dZ[zRow + 3]!;
      if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0) continue;
      const aRow = s * inSize;
      for (let k = 0; k < inSize; k++) {
        dPrev[aRow + k]! +=
          d0 * params[w0 + k]! + d1 * params[w1 + k]! + d2 * params[w2 + k]! + d3 * params[w3 + k]!;
      }
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
