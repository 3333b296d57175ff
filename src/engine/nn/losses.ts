/**
 * The losses of the lab and the backprop command, each with its gradient with respect to the
 * network's output, computed as torch 2.x's CPU kernels compute them (same guards, same order).
 */

/**
 * Loss names as the CLI and the lab use them: `mse` is the notes' ½‖y − t‖² averaged over the
 * batch; `mse_torch` is torch.nn.MSELoss (the mean over every element, a factor 2/width apart);
 * `bce` is torch's binary_cross_entropy on probabilities, `bce_with_logits` torch's
 * BCEWithLogitsLoss on the logits (the last layer's output before any sigmoid).
 */
export const LOSSES = ['mse', 'mse_torch', 'bce', 'bce_with_logits'] as const;
/** One of {@link LOSSES}. */
export type LossKind = (typeof LOSSES)[number];

/** torch clamps each log term of binary_cross_entropy at −100 so a saturated output stays finite. */
const BCE_LOG_FLOOR = -100;
/**
 * torch's EPSILON in binary_cross_entropy_backward, guarding y(1 − y) = 0. ATen declares it a
 * `float` (aten/src/ATen/native/Loss.cpp), so even in float64 the guard is float32(1e-12) =
 * 9.999999960041972e-13, not 1e-12: a saturated sigmoid's gradient differs by 4e-9 otherwise.
 */
export const BCE_GRAD_EPS = Math.fround(1e-12);

/**
 * Loss of a batch and, if `dOut` is given, ∂L/∂y written into it (same row-major batch × width
 * layout as `output`).
 *
 * - `mse`: mean over the batch of ½‖y − t‖² (the notes' convention, so ∂L/∂y = (y − t)/m).
 * - `mse_torch`: torch.nn.MSELoss(), mean over all m·width elements of (y − t)², so
 *   ∂L/∂y = (y − t)·2/(m·width) (ATen's mse_loss_backward order).
 * - `bce`: torch.nn.functional.binary_cross_entropy(y, t) — the mean over every element of
 *   −[t log y + (1 − t) log1p(−y)] with each log clamped at −100 (ATen's CPU kernel). `y` is the
 *   last layer's activation output taken as a probability, so that layer should be a sigmoid.
 * - `bce_with_logits`: torch.nn.functional.binary_cross_entropy_with_logits(z, t), the mean of
 *   (1 − t)·z − log σ(z), with log σ(z) = min(z, 0) − log1p(e^−|z|) as ATen's log_sigmoid computes
 *   it, so no logit overflows or saturates; ∂L/∂z = (σ(z) − t)/n (ATen's backward), which never
 *   vanishes while an example is wrong, however sure the network is.
 */
export function computeLoss(
  kind: LossKind,
  output: Float64Array,
  target: Float64Array,
  batch: number,
  width: number,
  dOut?: Float64Array,
): number {
  const n = batch * width;
  let sum = 0;
  if (kind === 'mse') {
    const scale = 1 / batch;
    for (let i = 0; i < n; i++) {
      const e = output[i]! - target[i]!;
      sum += e * e;
      if (dOut) dOut[i] = e * scale;
    }
    return (0.5 * sum) / batch;
  }
  if (kind === 'mse_torch') {
    const norm = 2 / n;
    for (let i = 0; i < n; i++) {
      const e = output[i]! - target[i]!;
      sum += e * e;
      if (dOut) dOut[i] = e * norm;
    }
    return sum / n;
  }
  if (kind === 'bce_with_logits') {
    for (let i = 0; i < n; i++) {
      const z = output[i]!;
      const t = target[i]!;
      const logSigmoid = Math.min(z, 0) - Math.log1p(Math.exp(-Math.abs(z)));
      sum += (1 - t) * z - logSigmoid;
      if (dOut) dOut[i] = (1 / (1 + Math.exp(-z)) - t) / n;
    }
    return sum / n;
  }
  for (let i = 0; i < n; i++) {
    const y = output[i]!;
    const t = target[i]!;
    const logY = Math.max(Math.log(y), BCE_LOG_FLOOR);
    const log1mY = Math.max(Math.log1p(-y), BCE_LOG_FLOOR);
    sum += (t - 1) * log1mY - t * logY;
    // ATen: grad·(y − t) / max((1 − y)·y, EPSILON), then divided by numel for the mean.
    if (dOut) dOut[i] = (y - t) / Math.max((1 - y) * y, BCE_GRAD_EPS) / n;
  }
  return sum / n;
}
