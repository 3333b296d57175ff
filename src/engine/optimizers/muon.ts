/**
 * Muon: torch.optim.Muon 2.x (Jordan et al., 2024). torch's Muon takes 2-D parameters only, so a
 * surface's point is the 1×2 matrix [[x, y]]. Its Newton–Schulz orthogonalisation runs in
 * bfloat16, as torch's does (`grad.bfloat16()`): emulated here bit for bit (float32 arithmetic,
 * round-to-nearest-even to bfloat16 after every torch op), then the float64 θ takes the update.
 */
import { lerp } from './kernels';
import type {
  OptimizerConfig,
  OptimizerDef,
  OptimizerInspection,
  OptimizerInstance,
} from '../types';
import { booleanParam, choiceParam, numberParam, snapshot, tupleParam } from './common';
import { PARAMS, muonMeta } from './muon.meta';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float64 → float32 → bfloat16 (c10::BFloat16's round-to-nearest-even), returned as a number. */
export function bfloat16(x: number): number {
  f32[0] = x;
  if (Number.isNaN(f32[0])) return Number.NaN;
  const bits = u32[0]!;
  const rounded = ((bits + (((bits >>> 16) & 1) + 0x7fff)) >>> 16) << 16;
  u32[0] = rounded >>> 0;
  return f32[0];
}

const fr = Math.fround;

/**
 * torch's `_zeropower_via_newtonschulz` for a 1×n row (the only shape the map has): X ← X/‖X‖,
 * then `ns_steps` times A = XXᵀ, B = bA + cA², X ← aX + BX. Writes into `out`.
 */
export function newtonSchulzRow(
  row: Float64Array,
  coefficients: readonly number[],
  steps: number,
  eps: number,
  out: Float64Array,
): void {
  const a = fr(coefficients[0]!);
  const b = fr(coefficients[1]!);
  const c = fr(coefficients[2]!);
  const n = row.length;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const x = bfloat16(row[i]!);
    out[i] = x;
    sq = fr(sq + fr(x * x));
  }
  const norm = Math.max(bfloat16(Math.sqrt(sq)), bfloat16(eps));
  for (let i = 0; i < n; i++) out[i] = bfloat16(fr(out[i]! / norm));
  for (let k = 0; k < steps; k++) {
    let gram = 0;
    for (let i = 0; i < n; i++) gram = fr(gram + fr(out[i]! * out[i]!));
    gram = bfloat16(gram);
    const update = bfloat16(fr(fr(b * gram) + fr(c * fr(gram * gram))));
    for (let i = 0; i < n; i++) out[i] = bfloat16(fr(fr(a * out[i]!) + fr(update * out[i]!)));
  }
}

/**
 * torch's `_zeropower_via_newtonschulz` for a rows×cols matrix (row-major in `m`), in emulated
 * bfloat16 with float32 sums (the lab's weight matrices; torch's blocked matrix products may sum
 * in another order, so large matrices can differ from torch in the last bfloat16 bit). A wide or
 * square matrix is used as is, a tall one transposed, as torch does. Writes into `out`.
 */
export function newtonSchulzMatrix(
  m: Float64Array,
  rows: number,
  cols: number,
  coefficients: readonly number[],
  steps: number,
  eps: number,
  out: Float64Array,
): void {
  if (rows === 1) {
    newtonSchulzRow(m, coefficients, steps, eps, out);
    return;
  }
  const a = fr(coefficients[0]!);
  const b = fr(coefficients[1]!);
  const c = fr(coefficients[2]!);
  const tall = rows > cols;
  const r = tall ? cols : rows;
  const k = tall ? rows : cols;
  // X is r×k with r ≤ k.
  let x = new Float64Array(r * k);
  let sq = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < k; j++) {
      const v = bfloat16(tall ? m[j * cols + i]! : m[i * cols + j]!);
      x[i * k + j] = v;
      sq = fr(sq + fr(v * v));
    }
  }
  const norm = Math.max(bfloat16(Math.sqrt(sq)), bfloat16(eps));
  for (let i = 0; i < x.length; i++) x[i] = bfloat16(fr(x[i]! / norm));
  const gram = new Float64Array(r * r);
  const update = new Float64Array(r * r);
  let next = new Float64Array(r * k);
  for (let step = 0; step < steps; step++) {
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        let sum = 0;
        for (let q = 0; q < k; q++) sum = fr(sum + fr(x[i * k + q]! * x[j * k + q]!));
        gram[i * r + j] = bfloat16(sum);
      }
    }
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        let sum = 0;
        for (let q = 0; q < r; q++) sum = fr(sum + fr(gram[i * r + q]! * gram[q * r + j]!));
        update[i * r + j] = bfloat16(fr(fr(b * gram[i * r + j]!) + fr(c * sum)));
      }
    }
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < k; j++) {
        let sum = 0;
        for (let q = 0; q < r; q++) sum = fr(sum + fr(update[i * r + q]! * x[q * k + j]!));
        next[i * k + j] = bfloat16(fr(fr(a * x[i * k + j]!) + sum));
      }
    }
    [x, next] = [next, x];
  }
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < k; j++) {
      if (tall) out[j * cols + i] = x[i * k + j]!;
      else out[i * cols + j] = x[i * k + j]!;
    }
  }
}

/** torch's `_adjust_lr` for an A×B matrix. */
function adjustedLr(lr: number, fn: string | null, rows: number, cols: number): number {
  if (fn === null || fn === 'original') return lr * Math.sqrt(Math.max(1, rows / cols));
  if (fn === 'match_rms_adamw') return lr * 0.2 * Math.sqrt(Math.max(rows, cols));
  // torch 2.14: 'original' without its clamp at 1 (a 1×2 point steps at lr·√½).
  if (fn === 'spectral_unclamped') return lr * Math.sqrt(rows / cols);
  return lr;
}

/** Muon over one rows×cols matrix (a surface's point is 1×2; the lab's are weight matrices). */
export class MuonInstance implements OptimizerInstance {
  private readonly buf: Float64Array;
  private readonly lookahead: Float64Array;
  private readonly ortho: Float64Array;
  private readonly lastGrad: Float64Array;
  private readonly lastParams: Float64Array;
  private stepCount = 0;
  private lastLr = 0;
  private lastAdjusted = 0;

  constructor(
    private readonly weightDecay: number,
    private momentum: number,
    private readonly nesterov: boolean,
    private readonly coefficients: readonly number[],
    private readonly eps: number,
    private readonly nsSteps: number,
    private readonly adjustFn: string | null,
    n: number,
    private readonly rows = 1,
  ) {
    this.buf = new Float64Array(n);
    this.lookahead = new Float64Array(n);
    this.ortho = new Float64Array(n);
    this.lastGrad = new Float64Array(n);
    this.lastParams = new Float64Array(n);
  }

  step(params: Float64Array, grad: Float64Array, lr: number): void {
    const { buf, lookahead, momentum } = this;
    const n = params.length;
    for (let i = 0; i < n; i++) {
      const g = grad[i]!;
      buf[i] = lerp(buf[i]!, g, 1 - momentum);
      lookahead[i] = this.nesterov ? lerp(g, buf[i]!, momentum) : buf[i]!;
      this.lastGrad[i] = g;
    }
    const cols = n / this.rows;
    newtonSchulzMatrix(
      lookahead,
      this.rows,
      cols,
      this.coefficients,
      this.nsSteps,
      this.eps,
      this.ortho,
    );
    const adjusted = adjustedLr(lr, this.adjustFn, this.rows, cols);
    const shrink = 1 - lr * this.weightDecay;
    for (let i = 0; i < n; i++) {
      const next = params[i]! * shrink + -adjusted * this.ortho[i]!;
      params[i] = next;
      this.lastParams[i] = next;
    }
    this.stepCount++;
    this.lastLr = lr;
    this.lastAdjusted = adjusted;
  }

  /**
   * A cycling schedule sets torch's param_group['momentum'] between steps: OneCycleLR and CyclicLR
   * look for 'momentum' in `optimizer.defaults`, which Muon has, so they cycle μ (β1 is not used).
   */
  setMomentum(value: number): void {
    this.momentum = value;
  }

  inspect(): OptimizerInspection {
    return {
      step: this.stepCount,
      lr: this.lastLr,
      g: snapshot(this.lastGrad),
      b: snapshot(this.buf),
      b_tilde: snapshot(this.lookahead),
      o: snapshot(this.ortho),
      lr_adj: this.lastAdjusted,
      theta: snapshot(this.lastParams),
    };
  }
}

/** torch.optim.Muon: momentum, then an orthogonalised (Newton–Schulz) update of a weight matrix. */
export const muon: OptimizerDef = {
  ...muonMeta,
  create: (config, n) => createMuon(config, n, 1),
};

/** Muon for `config` over a rows×(n/rows) matrix, defaults from torch. */
export function createMuon(config: OptimizerConfig, n: number, rows: number): MuonInstance {
  return new MuonInstance(
    numberParam(PARAMS, config, 'weight_decay'),
    numberParam(PARAMS, config, 'momentum'),
    booleanParam(PARAMS, config, 'nesterov'),
    tupleParam(PARAMS, config, 'ns_coefficients') as readonly number[],
    numberParam(PARAMS, config, 'eps'),
    numberParam(PARAMS, config, 'ns_steps'),
    choiceParam(PARAMS, config, 'adjust_lr_fn'),
    n,
    rows,
  );
}
