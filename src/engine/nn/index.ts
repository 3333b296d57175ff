/**
 * The neural-net engine of the gradient-flow lab: a fully connected network of any depth and
 * width with batch norm and residuals, backprop in the notes' BP1–BP4 form, a finite-difference
 * checker, seeded inits and datasets, and training with any optimizer of the engine.
 */
export * from './activations';
export * from './batchnorm';
export * from './chain';
export * from './datasets';
export * from './gradcheck';
export * from './init';
export * from './losses';
export * from './network';
export * from './propagate';
export * from './rng';
export * from './stats';
export * from './train';
