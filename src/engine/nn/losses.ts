/**
 * The two losses of the lab, each with its gradient with respect to the network's output.
 */

/** Loss names as the CLI and the lab use them. */
export const LOSSES = ['mse', 'bce'] as const;
/** One of {@link LOSSES}. */
export type LossKind = (typeof LOSSES)[number];

/** torch clamps each log term of binary_cross_entropy at −100 so a saturated output stays finite. */
const BCE_LOG_FLOOR = -100;
/** torch's EPSILON in binary_cross_entropy_backward, guarding y(1 − y) = 0. */
const BCE_GRAD_EPS = 1e-12;

/**
 * Loss of a batch and, if `dOut` is given, ∂L/∂y written into it (same row-major batch × width
 * layout as `output`).
 *
 * - `mse`: mean over the batch of ½‖y − t‖² (the notes' convention, so ∂L/∂y = (y − t)/m).
 * - `bce`: torch.nn.functional.binary_cross_entropy(y, t) — the mean over every element of
 *   −[t log y + (1 − t) log(1 − y)] with each log clamped at −100. `y` is the last layer's
 *   activation output taken as a probability, so that layer should be a sigmoid.
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
  const scale = 1 / n;
  for (let i = 0; i < n; i++) {
    const y = output[i]!;
    const t = target[i]!;
    const logY = Math.max(Math.log(y), BCE_LOG_FLOOR);
    const log1mY = Math.max(Math.log(1 - y), BCE_LOG_FLOOR);
    sum += (t - 1) * log1mY - t * logY;
    if (dOut) dOut[i] = ((y - t) / Math.max((1 - y) * y, BCE_GRAD_EPS)) * scale;
  }
  return sum / n;
}
