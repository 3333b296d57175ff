/**
 * The shape of a fully connected network and where each layer's parameters live in one flat
 * Float64Array, so a single optimizer instance steps the whole net and the gradient has the same
 * layout. Per layer, in order: W (out × in, row-major), b (out), then γ (out) and β (out) when the
 * layer has batch norm.
 */
import { labFieldError } from './messages';
import type { FieldError } from '../types';
import { isActivation } from './activations';
import type { Activation } from './activations';

/** Largest depth the lab offers. */
export const MAX_LAYERS = 64;
/** Largest width the lab offers (also the largest input and output size). */
export const MAX_WIDTH = 256;
/** torch.nn.BatchNorm1d's default ε. */
export const DEFAULT_BN_EPS = 1e-5;
/** torch.nn.BatchNorm1d's default momentum (the notes' α = 0.9 is 1 − momentum). */
export const DEFAULT_BN_MOMENTUM = 0.1;

/** Batch-norm options of one layer. */
export interface BatchNormSpec {
  /** Added to the variance before the square root (default 1e-5). */
  readonly eps?: number;
  /** Weight of the new batch in the running statistics (default 0.1, as torch). */
  readonly momentum?: number;
}

/** One layer as the user configures it: z = W a + b → batchnorm? → activation → + a_prev? */
export interface LayerSpec {
  /** Output width (1–256). */
  readonly units: number;
  /** Element-wise activation applied after the (optional) batch norm. */
  readonly activation: Activation;
  /** Normalise z over the batch before the activation. */
  readonly batchnorm?: BatchNormSpec;
  /** Add the layer's input to its output (needs equal widths). */
  readonly residual?: boolean;
}

/** A whole network: input width and layers from first to last. */
export interface NetworkSpec {
  /** Width of the input (2 for the toy datasets). */
  readonly inputSize: number;
  /** 1–64 layers; the last one is the output layer. */
  readonly layers: readonly LayerSpec[];
}

/** Batch-norm constants of a layer after defaults are applied. */
export interface BatchNormLayout {
  /** Added to the variance before the square root. */
  readonly eps: number;
  /** Weight of the new batch in the running statistics. */
  readonly momentum: number;
}

/** A layer with its sizes and its offsets into the flat parameter vector. */
export interface LayerLayout {
  /** 0-based position in the network. */
  readonly index: number;
  /** Width of the layer's input a_prev. */
  readonly inSize: number;
  /** Width of the layer's output. */
  readonly outSize: number;
  /** Activation g applied after batch norm. */
  readonly activation: Activation;
  /** True when a_prev is added to the output (widths are then equal). */
  readonly residual: boolean;
  /** Batch-norm constants, or null without batch norm. */
  readonly batchnorm: BatchNormLayout | null;
  /** Offset of W[0][0]; W[j][k] is at wOffset + j·inSize + k. */
  readonly wOffset: number;
  /** Offset of b[0]. */
  readonly bOffset: number;
  /** Offset of γ[0], or −1 without batch norm. */
  readonly gammaOffset: number;
  /** Offset of β[0], or −1 without batch norm. */
  readonly betaOffset: number;
  /** Number of parameters the layer owns (W, b, γ, β). */
  readonly paramCount: number;
}

/** A validated network: its layers' layouts and the flat parameter count. */
export interface Network {
  /** Width of the input rows. */
  readonly inputSize: number;
  /** Width of the last layer. */
  readonly outputSize: number;
  /** Layers from input to output. */
  readonly layers: readonly LayerLayout[];
  /** Length of the flat parameter (and gradient) vector. */
  readonly paramCount: number;
}

function isPositiveInt(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max;
}

/** Every problem with a spec, each naming its field (empty when the spec is valid). */
export function validateNetworkSpec(spec: NetworkSpec): FieldError[] {
  const errors: FieldError[] = [];
  if (!isPositiveInt(spec.inputSize, MAX_WIDTH)) {
    errors.push(labFieldError('inputSize', 'network.width', { max: MAX_WIDTH }));
  }
  if (spec.layers.length < 1 || spec.layers.length > MAX_LAYERS) {
    errors.push(
      labFieldError('layers', 'network.layers', { max: MAX_LAYERS, got: spec.layers.length }),
    );
  }
  let prev = spec.inputSize;
  spec.layers.forEach((layer, i) => {
    const at = `layers[${i}]`;
    if (!isPositiveInt(layer.units, MAX_WIDTH)) {
      errors.push(labFieldError(`${at}.units`, 'network.width', { max: MAX_WIDTH }));
    }
    if (!isActivation(layer.activation)) {
      errors.push(
        labFieldError(`${at}.activation`, 'network.activation', {
          got: JSON.stringify(layer.activation) ?? String(layer.activation),
        }),
      );
    }
    if (layer.residual === true && layer.units !== prev) {
      errors.push(
        labFieldError(`${at}.residual`, 'network.residual', {
          layer: i,
          from: prev,
          to: layer.units,
        }),
      );
    }
    const bn = layer.batchnorm;
    if (bn !== undefined) {
      if (bn.eps !== undefined && !(Number.isFinite(bn.eps) && bn.eps > 0)) {
        errors.push(labFieldError(`${at}.batchnorm.eps`, 'network.bnEps'));
      }
      if (
        bn.momentum !== undefined &&
        !(Number.isFinite(bn.momentum) && bn.momentum >= 0 && bn.momentum <= 1)
      ) {
        errors.push(labFieldError(`${at}.batchnorm.momentum`, 'network.bnMomentum'));
      }
    }
    prev = layer.units;
  });
  return errors;
}

/**
 * Lays out a spec's parameters in one flat vector. Throws on an invalid spec: callers that take
 * user input run {@link validateNetworkSpec} first and show its errors instead.
 */
export function buildNetwork(spec: NetworkSpec): Network {
  const errors = validateNetworkSpec(spec);
  if (errors.length > 0) {
    throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }
  let offset = 0;
  let prev = spec.inputSize;
  const layers = spec.layers.map((layer, index): LayerLayout => {
    const inSize = prev;
    const outSize = layer.units;
    const wOffset = offset;
    const bOffset = wOffset + outSize * inSize;
    const bn = layer.batchnorm;
    const gammaOffset = bn ? bOffset + outSize : -1;
    const betaOffset = bn ? gammaOffset + outSize : -1;
    const paramCount = outSize * inSize + outSize + (bn ? 2 * outSize : 0);
    offset += paramCount;
    prev = outSize;
    return {
      index,
      inSize,
      outSize,
      activation: layer.activation,
      residual: layer.residual === true,
      batchnorm: bn
        ? { eps: bn.eps ?? DEFAULT_BN_EPS, momentum: bn.momentum ?? DEFAULT_BN_MOMENTUM }
        : null,
      wOffset,
      bOffset,
      gammaOffset,
      betaOffset,
      paramCount,
    };
  });
  return { inputSize: spec.inputSize, outputSize: prev, layers, paramCount: offset };
}

/** Views of one layer's parameters (or gradients) inside a flat vector; no copies. */
export interface LayerViews {
  /** W (out × in, row-major). */
  readonly W: Float64Array;
  /** b (out). */
  readonly b: Float64Array;
  /** γ (out), present only with batch norm. */
  readonly gamma: Float64Array | null;
  /** β (out), present only with batch norm. */
  readonly beta: Float64Array | null;
}

/** Slices a flat parameter or gradient vector into one layer's W, b, γ, β. */
export function layerViews(layer: LayerLayout, flat: Float64Array): LayerViews {
  const n = layer.outSize;
  return {
    W: flat.subarray(layer.wOffset, layer.wOffset + n * layer.inSize),
    b: flat.subarray(layer.bOffset, layer.bOffset + n),
    gamma: layer.gammaOffset >= 0 ? flat.subarray(layer.gammaOffset, layer.gammaOffset + n) : null,
    beta: layer.betaOffset >= 0 ? flat.subarray(layer.betaOffset, layer.betaOffset + n) : null,
  };
}
