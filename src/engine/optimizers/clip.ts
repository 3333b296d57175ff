/** Gradient clipping with torch.nn.utils.clip_grad_norm_ semantics (L2 norm over the whole vector). */

/**
 * Scales `grad` in place so its L2 norm is at most `maxNorm`, as torch.nn.utils.clip_grad_norm_:
 * coefficient maxNorm / (norm + 1e-6) clamped at 1, applied even when it is 1 (a multiply by 1).
 * Returns the total norm before clipping. A non-finite norm is not an error here (torch's
 * default error_if_nonfinite=False): the gradient becomes non-finite and the run stops there.
 */
export function clipGradNorm(grad: Float64Array, maxNorm: number): number {
  let sumOfSquares = 0;
  for (let i = 0; i < grad.length; i++) {
    const g = grad[i]!;
    sumOfSquares += g * g;
  }
  const totalNorm = Math.sqrt(sumOfSquares);
  const coefficient = Math.min(maxNorm / (totalNorm + 1e-6), 1);
  for (let i = 0; i < grad.length; i++) grad[i] = grad[i]! * coefficient;
  return totalNorm;
}
