/**
 * The backprop calculator's model: a net of up to 4 layers × 4 units on one sample with
 * L = ½‖y − t‖², every intermediate of BP1–BP4 read from the engine's own passes, and the
 * engine's finite-difference gradient beside it.
 */
import { activationDerivative } from '../../engine/nn/activations';
import type { Activation } from '../../engine/nn/activations';
import { finiteDifferenceGradient, relativeErrors } from '../../engine/nn/gradcheck';
import { initParams } from '../../engine/nn/init';
import { buildNetwork } from '../../engine/nn/network';
import type { Network } from '../../engine/nn/network';
import { createWorkspace, lossAndGradient } from '../../engine/nn/propagate';

/** Most layers with weights, and most units in any layer (input included). */
export const CALC_MAX_LAYERS = 4;
export const CALC_MAX_UNITS = 4;

/** What the calculator computes on: sizes [inputs, layer 1, …, output], flat params, one sample. */
export interface CalcState {
  readonly sizes: readonly number[];
  readonly activation: Activation;
  /** Flat parameters in the engine's layout (per layer W row-major, then b). */
  readonly params: readonly number[];
  readonly input: readonly number[];
  readonly target: readonly number[];
}

/** The network of a calculator state. */
export function calcNetwork(sizes: readonly number[], activation: Activation): Network {
  return buildNetwork({
    inputSize: sizes[0]!,
    layers: sizes.slice(1).map((units) => ({ units, activation })),
  });
}

/** Clamps layer sizes to the calculator's limits: 2–5 entries, each 1–4. */
export function clampSizes(sizes: readonly number[]): number[] {
  const out = sizes
    .slice(0, CALC_MAX_LAYERS + 1)
    .map((n) => Math.max(1, Math.min(CALC_MAX_UNITS, Math.round(n) || 1)));
  while (out.length < 2) out.push(1);
  return out;
}

/** A fresh state with Xavier weights from `seed`, biases 0.1, inputs 0.5, −0.3, … and target 1. */
export function freshCalc(
  sizes: readonly number[],
  activation: Activation,
  seed: number,
): CalcState {
  const clamped = clampSizes(sizes);
  const net = calcNetwork(clamped, activation);
  const params = Array.from(initParams(net, { type: 'xavier' }, seed));
  for (const l of net.layers) params.fill(0.1, l.bOffset, l.bOffset + l.outSize);
  const round = (v: number): number => Math.round(v * 100) / 100;
  return {
    sizes: clamped,
    activation,
    params: params.map(round),
    input: Array.from({ length: clamped[0]! }, (_, i) => [0.5, -0.3, 0.8, 0.1][i] ?? 0.5),
    target: Array.from({ length: clamped[clamped.length - 1]! }, () => 1),
  };
}

/** Every number of one layer for one sample (vectors by unit, matrices by [row][column]). */
export interface CalcLayer {
  readonly W: readonly (readonly number[])[];
  readonly b: readonly number[];
  readonly z: readonly number[];
  readonly a: readonly number[];
  /** g′(z). */
  readonly gPrime: readonly number[];
  /** δ = ∂L/∂z. */
  readonly delta: readonly number[];
  readonly dW: readonly (readonly number[])[];
  readonly db: readonly number[];
  readonly dWNumeric: readonly (readonly number[])[];
  readonly dbNumeric: readonly number[];
  /** Offset of W[0][0] in the flat parameters (b follows W). */
  readonly wOffset: number;
  readonly bOffset: number;
}

/** The whole calculation. */
export interface CalcResult {
  readonly loss: number;
  readonly layers: readonly CalcLayer[];
  /** Largest relative difference between backprop and finite differences over all parameters. */
  readonly maxRelError: number;
}

function rows(flat: Float64Array, offset: number, out: number, inSize: number): number[][] {
  return Array.from({ length: out }, (_, j) =>
    Array.from(flat.subarray(offset + j * inSize, offset + (j + 1) * inSize)),
  );
}

/** Runs the forward pass, backprop and the finite-difference check for a state. */
export function computeCalc(state: CalcState): CalcResult {
  const net = calcNetwork(state.sizes, state.activation);
  const params = Float64Array.from(state.params);
  const input = Float64Array.from(state.input);
  const target = Float64Array.from(state.target);
  const ws = createWorkspace(net, 1);
  const grad = new Float64Array(net.paramCount);
  const loss = lossAndGradient(net, params, input, target, 'mse', ws, grad);
  // Copy what the passes left before the checker's forward passes overwrite the workspace.
  const layers = net.layers.map((l, li) => {
    const buf = ws.layers[li]!;
    const z = Array.from(buf.z.subarray(0, l.outSize));
    const delta = Array.from(buf.dZ.subarray(0, l.outSize));
    return {
      W: rows(params, l.wOffset, l.outSize, l.inSize),
      b: Array.from(params.subarray(l.bOffset, l.bOffset + l.outSize)),
      z,
      a: Array.from(buf.a.subarray(0, l.outSize)),
      gPrime: z.map((v) => activationDerivative(l.activation, v)),
      delta,
      dW: rows(grad, l.wOffset, l.outSize, l.inSize),
      db: Array.from(grad.subarray(l.bOffset, l.bOffset + l.outSize)),
      wOffset: l.wOffset,
      bOffset: l.bOffset,
    };
  });
  const numeric = finiteDifferenceGradient(net, params, input, target, 'mse', ws);
  const errors = relativeErrors(grad, numeric);
  let maxRelError = 0;
  for (const e of errors) if (e > maxRelError) maxRelError = e;
  return {
    loss,
    maxRelError,
    layers: layers.map((l, li) => {
      const layout = net.layers[li]!;
      return {
        ...l,
        dWNumeric: rows(numeric, layout.wOffset, layout.outSize, layout.inSize),
        dbNumeric: Array.from(numeric.subarray(layout.bOffset, layout.bOffset + layout.outSize)),
      };
    }),
  };
}

/** One stop of the step-through. */
export type CalcStage =
  | { readonly kind: 'forward' }
  | { readonly kind: 'bp1'; readonly layer: number }
  | { readonly kind: 'bp2'; readonly layer: number }
  | { readonly kind: 'bp3' }
  | { readonly kind: 'bp4' };

/** The stages in order: forward, BP1 at the output, BP2 down to layer 1, then BP3 and BP4. */
export function calcStages(layerCount: number): CalcStage[] {
  const stages: CalcStage[] = [{ kind: 'forward' }, { kind: 'bp1', layer: layerCount - 1 }];
  for (let l = layerCount - 2; l >= 0; l--) stages.push({ kind: 'bp2', layer: l });
  stages.push({ kind: 'bp3' }, { kind: 'bp4' });
  return stages;
}

/** What a stage reveals: whether layer `layer`'s δ, db and dW (with their checks) are shown yet. */
export function revealed(
  stages: readonly CalcStage[],
  stage: number,
  layer: number,
): { delta: boolean; db: boolean; dW: boolean } {
  const upTo = stages.slice(0, stage + 1);
  return {
    delta: upTo.some((s) => (s.kind === 'bp1' || s.kind === 'bp2') && s.layer === layer),
    db: upTo.some((s) => s.kind === 'bp3'),
    dW: upTo.some((s) => s.kind === 'bp4'),
  };
}

/** The state with one parameter, input or target replaced (non-finite text keeps the old value). */
export function editCalc(
  state: CalcState,
  field: 'params' | 'input' | 'target',
  index: number,
  value: number,
): CalcState {
  if (!Number.isFinite(value)) return state;
  const next = state[field].slice();
  if (index < 0 || index >= next.length) return state;
  next[index] = value;
  return { ...state, [field]: next };
}
