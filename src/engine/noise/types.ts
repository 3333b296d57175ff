/**
 * The shapes of a scene's `noise` field (see ./spec for what each kind means and how it is
 * validated). Apart from ./spec so engine/types.ts can name them without an import cycle.
 */
/** Isotropic Gaussian noise of standard deviation σ per coordinate (before the 1/√B factor). */
export interface GaussianNoise {
  readonly type: 'gaussian';
  readonly scale: number;
  readonly seed: number;
  readonly batch_size?: number;
}

/** Student-t noise with ν degrees of freedom, scale σ per coordinate (variance σ²ν/(ν − 2) for ν > 2). */
export interface HeavyTailNoise {
  readonly type: 'heavy_tail';
  readonly scale: number;
  readonly df: number;
  readonly seed: number;
  readonly batch_size?: number;
}

/** Gaussian noise with covariance σ²·|H(θ)| at the current point θ. */
export interface HessianNoise {
  readonly type: 'hessian';
  readonly scale: number;
  readonly seed: number;
  readonly batch_size?: number;
}

/** The gradient of B of the surface's N terms, drawn without replacement at each step. */
export interface MiniBatchNoise {
  readonly type: 'minibatch';
  readonly batch_size: number;
  readonly seed: number;
}

/** The value of a scene's `noise` field. */
export type NoiseSpec = GaussianNoise | HeavyTailNoise | HessianNoise | MiniBatchNoise;
export type NoiseType = NoiseSpec['type'];
