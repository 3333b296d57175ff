/**
 * The analysis drawer's regression data sets as SumSurfaces: their loss is the mean over N
 * examples, so mini-batch noise is the gradient of a subset of examples (dataset.ts batchGradient).
 */
import { batchGradient, datasetSurface } from '../analysis/dataset';
import type { RegressionDataset } from '../analysis/dataset';
import type { SumSurface } from '../surfaces/bumps';

/** datasetSurface(data) plus per-example gradients; `terms` = N. */
export function datasetSumSurface(data: RegressionDataset): SumSurface {
  return {
    ...datasetSurface(data),
    terms: data.n,
    batchGrad: (indices, from, to, w, b, out) => batchGradient(data, indices, from, to, w, b, out),
  };
}
