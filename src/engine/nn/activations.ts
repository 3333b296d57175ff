/**
 * Element-wise activations g and their derivatives g', applied to whole typed arrays so that a
 * layer costs one tight loop, not a call per neuron.
 */

/** The activations the lab offers, in display order. */
export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'linear'] as const;
/** One of {@link ACTIVATIONS}. */
export type Activation = (typeof ACTIVATIONS)[number];

/** Negative-side slope of leaky_relu (torch's default). */
export const LEAKY_SLOPE = 0.01;
/** α of elu (torch's default). */
export const ELU_ALPHA = 1;

/** Whether a value names a known activation. */
export function isActivation(value: unknown): value is Activation {
  return typeof value === 'string' && (ACTIVATIONS as readonly string[]).includes(value);
}

/** Writes out[i] = g(u[i]) for i < n. */
export function activate(kind: Activation, u: Float64Array, out: Float64Array, n: number): void {
  switch (kind) {
    case 'sigmoid':
      for (let i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-u[i]!));
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) out[i] = Math.tanh(u[i]!);
      return;
    case 'relu':
      for (let i = 0; i < n; i++) {
        const x = u[i]!;
        out[i] = x > 0 ? x : 0;
      }
      return;
    case 'leaky_relu':
      for (let i = 0; i < n; i++) {
        const x = u[i]!;
        out[i] = x > 0 ? x : LEAKY_SLOPE * x;
      }
      return;
    case 'elu':
      for (let i = 0; i < n; i++) {
        const x = u[i]!;
        out[i] = x > 0 ? x : ELU_ALPHA * Math.expm1(x);
      }
      return;
    case 'linear':
      if (out !== u) out.set(u.subarray(0, n));
      return;
  }
}

/**
 * Writes out[i] = dA[i] · g'(u[i]) — the Hadamard product of BP1/BP2. `h` is g(u), which sigmoid
 * and tanh use (σ' = σ(1 − σ), tanh' = 1 − tanh²). At a kink torch's choice is kept: relu'(0) = 0,
 * leaky_relu'(0) = slope.
 */
export function backActivate(
  kind: Activation,
  u: Float64Array,
  h: Float64Array,
  dA: Float64Array,
  out: Float64Array,
  n: number,
): void {
  switch (kind) {
    case 'sigmoid':
      for (let i = 0; i < n; i++) {
        const s = h[i]!;
        out[i] = dA[i]! * s * (1 - s);
      }
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) {
        const t = h[i]!;
        out[i] = dA[i]! * (1 - t * t);
      }
      return;
    case 'relu':
      for (let i = 0; i < n; i++) out[i] = u[i]! > 0 ? dA[i]! : 0;
      return;
    case 'leaky_relu':
      for (let i = 0; i < n; i++) out[i] = u[i]! > 0 ? dA[i]! : LEAKY_SLOPE * dA[i]!;
      return;
    case 'elu':
      for (let i = 0; i < n; i++) {
        const x = u[i]!;
        out[i] = x > 0 ? dA[i]! : dA[i]! * ELU_ALPHA * Math.exp(x);
      }
      return;
    case 'linear':
      if (out !== dA) out.set(dA.subarray(0, n));
      return;
  }
}

/** The derivative g'(u) of one value (for formula panels and the chain-rule view). */
export function activationDerivative(kind: Activation, u: number): number {
  switch (kind) {
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-u));
      return s * (1 - s);
    }
    case 'tanh': {
      const t = Math.tanh(u);
      return 1 - t * t;
    }
    case 'relu':
      return u > 0 ? 1 : 0;
    case 'leaky_relu':
      return u > 0 ? 1 : LEAKY_SLOPE;
    case 'elu':
      return u > 0 ? 1 : ELU_ALPHA * Math.exp(u);
    case 'linear':
      return 1;
  }
}
