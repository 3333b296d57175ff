/**
 * Batch normalisation of one layer's z over the batch (note 003), in row-major batch × width
 * arrays. Training mode uses the batch mean and biased variance; inference uses running
 * statistics updated as torch.nn.BatchNorm1d does.
 */
import type { LayerLayout, Network } from './network';

/** Running mean and variance of every batch-norm layer (null for layers without one). */
export interface BatchNormStats {
  /** Per layer: the running mean, or null. */
  readonly mean: readonly (Float64Array | null)[];
  /** Per layer: the running (unbiased) variance, or null. */
  readonly variance: readonly (Float64Array | null)[];
}

/** Fresh running statistics as torch initialises them: mean 0, variance 1. */
export function createBatchNormStats(net: Network): BatchNormStats {
  return {
    mean: net.layers.map((l) => (l.batchnorm ? new Float64Array(l.outSize) : null)),
    variance: net.layers.map((l) => (l.batchnorm ? new Float64Array(l.outSize).fill(1) : null)),
  };
}

/**
 * Training-mode forward: μ_B, σ²_B (biased) per feature; x̂ = (z − μ_B)/√(σ²_B + ε); u = γ x̂ + β.
 * Writes x̂, u, μ_B and 1/√(σ²_B + ε). When `running` is given it moves toward this batch with
 * torch's rule r ← (1 − momentum) r + momentum · stat, using the unbiased variance m/(m − 1) σ²_B
 * (the notes' Var[x] = m/(m − 1) E[σ²_B]).
 */
export function batchNormTrainForward(
  layer: LayerLayout,
  batch: number,
  z: Float64Array,
  gamma: Float64Array,
  beta: Float64Array,
  xhat: Float64Array,
  u: Float64Array,
  mean: Float64Array,
  invStd: Float64Array,
  runningMean: Float64Array | null,
  runningVar: Float64Array | null,
): void {
  const w = layer.outSize;
  const bn = layer.batchnorm!;
  mean.fill(0);
  for (let s = 0; s < batch; s++) {
    const row = s * w;
    for (let j = 0; j < w; j++) mean[j]! += z[row + j]!;
  }
  for (let j = 0; j < w; j++) mean[j]! /= batch;
  // invStd first holds the sum of squared deviations (two-pass variance, as torch computes it).
  invStd.fill(0);
  for (let s = 0; s < batch; s++) {
    const row = s * w;
    for (let j = 0; j < w; j++) {
      const d = z[row + j]! - mean[j]!;
      invStd[j]! += d * d;
    }
  }
  for (let j = 0; j < w; j++) {
    const sq = invStd[j]!;
    if (runningMean && runningVar) {
      const m = bn.momentum;
      runningMean[j] = (1 - m) * runningMean[j]! + m * mean[j]!;
      const unbiased = batch > 1 ? sq / (batch - 1) : sq;
      runningVar[j] = (1 - m) * runningVar[j]! + m * unbiased;
    }
    invStd[j] = 1 / Math.sqrt(sq / batch + bn.eps);
  }
  for (let s = 0; s < batch; s++) {
    const row = s * w;
    for (let j = 0; j < w; j++) {
      const x = (z[row + j]! - mean[j]!) * invStd[j]!;
      xhat[row + j] = x;
      u[row + j] = gamma[j]! * x + beta[j]!;
    }
  }
}

/** Inference-mode forward with running statistics: x̂ = (z − r_μ)/√(r_σ² + ε); u = γ x̂ + β. */
export function batchNormEvalForward(
  layer: LayerLayout,
  batch: number,
  z: Float64Array,
  gamma: Float64Array,
  beta: Float64Array,
  xhat: Float64Array,
  u: Float64Array,
  mean: Float64Array,
  invStd: Float64Array,
  runningMean: Float64Array,
  runningVar: Float64Array,
): void {
  const w = layer.outSize;
  const eps = layer.batchnorm!.eps;
  for (let j = 0; j < w; j++) {
    mean[j] = runningMean[j]!;
    invStd[j] = 1 / Math.sqrt(runningVar[j]! + eps);
  }
  for (let s = 0; s < batch; s++) {
    const row = s * w;
    for (let j = 0; j < w; j++) {
      const x = (z[row + j]! - mean[j]!) * invStd[j]!;
      xhat[row + j] = x;
      u[row + j] = gamma[j]! * x + beta[j]!;
    }
  }
}

/**
 * Backward through batch norm. From δ_u = ∂L/∂u writes ∂L/∂γ = Σ δ_u x̂, ∂L/∂β = Σ δ_u and
 * δ_z = ∂L/∂z. In training mode the mean and variance depend on every z of the batch; the notes'
 * three-path sum (their eq. 13) simplifies to
 *   δ_z = (1/√(σ²+ε)) · (g − mean(g) − x̂ · mean(g x̂)),  g = γ δ_u, means over the batch.
 * In inference mode the statistics are constants, so δ_z = γ δ_u / √(r_σ² + ε).
 * `scratch` needs 2 × width entries.
 */
export function batchNormBackward(
  layer: LayerLayout,
  batch: number,
  training: boolean,
  dU: Float64Array,
  xhat: Float64Array,
  gamma: Float64Array,
  invStd: Float64Array,
  dGamma: Float64Array,
  dBeta: Float64Array,
  dZ: Float64Array,
  scratch: Float64Array,
): void {
  const w = layer.outSize;
  dGamma.fill(0);
  dBeta.fill(0);
  for (let s = 0; s < batch; s++) {
    const row = s * w;
    for (let j = 0; j < w; j++) {
      const d = dU[row + j]!;
      dGamma[j]! += d * xhat[row + j]!;
      dBeta[j]! += d;
    }
  }
  if (!training) {
    for (let s = 0; s < batch; s++) {
      const row = s * w;
      for (let j = 0; j < w; j++) dZ[row + j] = dU[row + j]! * gamma[j]! * invStd[j]!;
    }
    return;
  }
  // mean(g) = γ Σδ_u / m = γ dβ / m and mean(g x̂) = γ dγ / m.
  const meanG = scratch.subarray(0, w);
  const meanGX = scratch.subarray(w, 2 * w);
  for (let j = 0; j < w; j++) {
    meanG[j] = (gamma[j]! * dBeta[j]!) / batch;
    meanGX[j] = (gamma[j]! * dGamma[j]!) / batch;
  }
  for (let s = 0; s < batch; s++) {
    const row = s * w;
    for (let j = 0; j < w; j++) {
      const g = gamma[j]! * dU[row + j]!;
      dZ[row + j] = invStd[j]! * (g - meanG[j]! - xhat[row + j]! * meanGX[j]!);
    }
  }
}
