import { describe, expect, it } from 'vitest';
import { createLabOptimizer, muonBlocks, parameterTensors } from './labOptimizer';
import { buildNetwork } from './network';
import { createOptimizer, OPTIMIZERS } from '../optimizers';

// 2 → 4 (tanh) → 3 (tanh) → 1: two hidden weight matrices (4×2 and 3×4), one output layer.
const NET = buildNetwork({
  inputSize: 2,
  layers: [
    { units: 4, activation: 'tanh' },
    { units: 3, activation: 'tanh' },
    { units: 1, activation: 'linear' },
  ],
});

/** Singular values of a rows×cols row-major matrix, from the eigenvalues of MᵀM (Jacobi). */
function singularValues(m: Float64Array, rows: number, cols: number): number[] {
  const a = Array.from({ length: cols }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      let s = 0;
      for (let r = 0; r < rows; r++) s += m[r * cols + i]! * m[r * cols + j]!;
      return s;
    }),
  );
  for (let sweep = 0; sweep < 50; sweep++) {
    for (let p = 0; p < cols; p++) {
      for (let q = p + 1; q < cols; q++) {
        if (Math.abs(a[p]![q]!) < 1e-15) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < cols; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < cols; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
      }
    }
  }
  return a.map((row, i) => Math.sqrt(Math.max(0, row[i]!))).sort((x, y) => y - x);
}

describe("the lab's Muon: hidden weight matrices orthogonalised, AdamW for the rest", () => {
  it('gives Muon exactly the hidden layers’ W, not the output layer', () => {
    expect(muonBlocks(NET)).toEqual([
      { from: NET.layers[0]!.wOffset, rows: 4, cols: 2 },
      { from: NET.layers[1]!.wOffset, rows: 3, cols: 4 },
    ]);
  });

  it('evens out the singular values of a hidden layer’s step, which plain SGD does not', () => {
    const params = new Float64Array(NET.paramCount);
    // A gradient whose hidden 3×4 block is badly conditioned: singular values 10, 1, 0.01.
    const grad = new Float64Array(NET.paramCount).map((_, i) => Math.sin(i + 1) * 0.01);
    const { from } = muonBlocks(NET)[1]!;
    const block = [
      [10, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0.01, 0],
    ];
    block.forEach((row, r) => row.forEach((v, c) => (grad[from + r * 4 + c] = v)));
    const lr = 0.1;
    // Muon's default weight decay shrinks θ = 0 to 0, so the step is −lr·O·(adjusted) alone.
    createLabOptimizer({ type: 'muon', lr, momentum: 0, nesterov: false }, NET).step(
      params,
      grad.slice(),
      lr,
    );
    const step = params.subarray(from, from + 12).map((v) => -v / lr);
    const muonValues = singularValues(step, 3, 4).slice(0, 3);
    const gradValues = singularValues(grad.subarray(from, from + 12), 3, 4).slice(0, 3);
    expect(gradValues[0]! / gradValues[2]!).toBeGreaterThan(100);
    // Newton–Schulz with torch's coefficients leaves singular values roughly in [0.5, 1.5].
    for (const s of muonValues) {
      expect(s).toBeGreaterThan(0.3);
      expect(s).toBeLessThan(1.6);
    }
  });

  it('steps the biases and the output layer exactly as torch.optim.AdamW at its defaults', () => {
    const params = new Float64Array(NET.paramCount).map((_, i) => Math.cos(i));
    const grad = new Float64Array(NET.paramCount).map((_, i) => Math.sin(2 * i + 1));
    const blocks = muonBlocks(NET);
    const inMuon = (i: number) => blocks.some((b) => i >= b.from && i < b.from + b.rows * b.cols);
    const restIndex = [...params.keys()].filter((i) => !inMuon(i));
    const restParams = Float64Array.from(restIndex, (i) => params[i]!);
    const restGrad = Float64Array.from(restIndex, (i) => grad[i]!);
    const lab = createLabOptimizer({ type: 'muon' }, NET);
    const adamw = createOptimizer({ type: 'adamw' }, restIndex.length);
    for (let k = 0; k < 3; k++) {
      lab.step(params, grad.slice(), 0.02);
      adamw.step(restParams, restGrad.slice(), 0.02);
    }
    expect(restIndex.map((i) => params[i])).toEqual(Array.from(restParams));
  });
});

describe("the lab's Adafactor: one instance per parameter tensor, as torch steps each apart", () => {
  // From a float64 transcription of torch 2.x's _single_tensor_adafactor (torch/optim/_adafactor.py):
  // W (2 × 3) and b (2) stepped three times at lr 0.05, weight_decay 0.1.
  const W0 = [1, 2, -0.5, 3, 4, 0.25];
  const B0 = [0.5, -0.5];
  const GRADS: [number[], number[]][] = [
    [
      [0.1, -0.2, 0.3, 0.3, 0.05, -1.0],
      [1, -1],
    ],
    [
      [-0.4, 0.2, 0.1, 0.0, 0.5, 0.2],
      [0.3, 0.7],
    ],
    [
      [0.2, 0.2, -0.3, -0.1, 0.1, 0.9],
      [-2, 0.1],
    ],
  ];
  const TORCH_W = [
    0.9752562591639096, 1.964910190339795, -0.49739728873460787, 2.914834888739184,
    3.760267998138255, 0.15999818956775555,
  ];
  const TORCH_B = [0.4909793955622993, -0.4909547539195346];
  const CONFIG = { type: 'adafactor', lr: 0.05, weight_decay: 0.1 } as const;

  it('factors a weight matrix’s second moment into row and column moments, as torch does', () => {
    const w = Float64Array.from(W0);
    const b = Float64Array.from(B0);
    const ow = OPTIMIZERS.adafactor.create(CONFIG, 6, [2, 3]);
    const ob = OPTIMIZERS.adafactor.create(CONFIG, 2, [2]);
    for (const [gw, gb] of GRADS) {
      ow.step(w, Float64Array.from(gw), 0.05);
      ob.step(b, Float64Array.from(gb), 0.05);
    }
    Array.from(w).forEach((v, i) => expect(v).toBeCloseTo(TORCH_W[i]!, 13));
    Array.from(b).forEach((v, i) => expect(v).toBeCloseTo(TORCH_B[i]!, 13));
  });

  it('the trainer steps every W, b of the network with its own Adafactor, not the flat vector with one', () => {
    const params = Float64Array.from({ length: NET.paramCount }, (_, i) => Math.sin(i + 1));
    const grad = Float64Array.from({ length: NET.paramCount }, (_, i) => Math.cos(3 * i));
    const lab = params.slice();
    createLabOptimizer(CONFIG, NET).step(lab, grad.slice(), 0.05);
    const expected = params.slice();
    for (const { from, shape } of parameterTensors(NET)) {
      const size = shape.reduce((a, b) => a * b, 1);
      const p = expected.slice(from, from + size);
      OPTIMIZERS.adafactor.create(CONFIG, size, shape).step(p, grad.slice(from, from + size), 0.05);
      expected.set(p, from);
    }
    expect(Array.from(lab)).toEqual(Array.from(expected));
    // The tensors cover every parameter once.
    const covered = parameterTensors(NET).reduce(
      (n, t) => n + t.shape.reduce((a, b) => a * b, 1),
      0,
    );
    expect(covered).toBe(NET.paramCount);
    // One Adafactor over the flat vector gives another step.
    const flat = params.slice();
    createOptimizer(CONFIG, NET.paramCount).step(flat, grad.slice(), 0.05);
    expect(Array.from(flat)).not.toEqual(Array.from(lab));
  });
});
