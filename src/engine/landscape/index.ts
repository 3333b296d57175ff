/**
 * Loss-landscape tools for a real network (Li et al. 2018; Cohen et al. 2021): planes through the
 * weights, filter-normalised random directions, PCA of a training path, sharpness, and a
 * progressive, cancellable grid for the worker.
 */
export * from './directions';
export * from './pca';
export * from './plane';
export * from './problem';
export * from './progressive';
export * from './sharpness';
