/**
 * The `backprop` command: one batch through a hand-specified network, printing the loss and every
 * layer's gradients (dW, db and, with batch norm, dγ, dβ). Input:
 *   {"input": batch × d0, "target": batch × d_L, "loss": "mse" | "mse_torch" | "bce" | "bce_with_logits",
 *    "layers": [{"W": out × in, "b": [out], "activation": ..., "residual"?: bool,
 *                "batchnorm"?: {"gamma": [out], "beta": [out], "eps"?: number}}]}
 * Per layer: z = W a + b → batch norm (training mode) → activation → + a_prev when residual.
 * Every field is validated and reported by path; nothing here throws.
 */
import { ACTIVATIONS, isActivation } from '../engine/nn/activations';
import type { Activation } from '../engine/nn/activations';
import { LOSSES } from '../engine/nn/losses';
import type { LossKind } from '../engine/nn/losses';
import {
  DEFAULT_BN_EPS,
  MAX_LAYERS,
  MAX_WIDTH,
  buildNetwork,
  layerViews,
} from '../engine/nn/network';
import type { LayerSpec, Network } from '../engine/nn/network';
import { createWorkspace, lossAndGradient } from '../engine/nn/propagate';
import type { FieldError } from '../engine/types';

/** Most samples one CLI batch may hold. */
export const MAX_BATCH = 4096;

/** Gradients of one layer as the CLI prints them. */
export interface BackpropLayerOutput {
  /** ∂L/∂W, out × in. */
  readonly dW: number[][];
  /** ∂L/∂b. */
  readonly db: number[];
  /** ∂L/∂γ (batch-norm layers only). */
  readonly dgamma?: number[];
  /** ∂L/∂β (batch-norm layers only). */
  readonly dbeta?: number[];
}

/** What `backprop` prints. */
export interface BackpropOutput {
  /** The batch loss. */
  readonly loss: number;
  /** Gradients per layer, input side first. */
  readonly layers: BackpropLayerOutput[];
}

interface ParsedLayer {
  readonly W: number[][];
  readonly b: number[];
  readonly activation: Activation;
  readonly residual: boolean;
  readonly batchnorm?: { readonly gamma: number[]; readonly beta: number[]; readonly eps: number };
}

const TOP_KEYS = ['input', 'target', 'loss', 'layers'];
const LAYER_KEYS = ['W', 'b', 'activation', 'residual', 'batchnorm'];
const BN_KEYS = ['gamma', 'beta', 'eps'];

/**
 * A short description of a JSON value for error messages ("a list of 3", "null", "\"abc\"",
 * "nothing (the field is missing)").
 */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

/** True for a plain JSON object (not null, not a list). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Pushes one error per key of `obj` not in `allowed`, each at `at.key`. */
export function unknownKeys(
  obj: Record<string, unknown>,
  allowed: readonly string[],
  at: string,
  errors: FieldError[],
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      errors.push({
        path: at ? `${at}.${key}` : key,
        message: `unknown field (expected one of ${allowed.join(', ')})`,
      });
    }
  }
}

/** A list of finite numbers, optionally of an exact length; pushes one error and returns null otherwise. */
export function parseVector(
  v: unknown,
  path: string,
  errors: FieldError[],
  length?: number,
): number[] | null {
  if (!Array.isArray(v)) {
    errors.push({ path, message: `expected a list of numbers, got ${describe(v)}` });
    return null;
  }
  if (length !== undefined && v.length !== length) {
    errors.push({ path, message: `expected ${length} numbers, got ${v.length}` });
    return null;
  }
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      errors.push({
        path: `${path}[${i}]`,
        message: `expected a finite number, got ${describe(x)}`,
      });
      return null;
    }
  }
  return v as number[];
}

/**
 * A rectangular matrix of finite numbers. With `rows`/`cols` given, the shape must match:
 * "expected 4 rows × 3 columns, got 4 × 2".
 */
export function parseMatrix(
  v: unknown,
  path: string,
  errors: FieldError[],
  shape: { rows?: number; cols?: number; maxRows: number; maxCols: number },
): number[][] | null {
  if (!Array.isArray(v) || v.length === 0) {
    errors.push({ path, message: `expected a non-empty list of rows, got ${describe(v)}` });
    return null;
  }
  const rowsOk = v.every((r) => Array.isArray(r));
  if (!rowsOk) {
    const i = v.findIndex((r) => !Array.isArray(r));
    errors.push({
      path: `${path}[${i}]`,
      message: `expected a row (a list of numbers), got ${describe(v[i])}`,
    });
    return null;
  }
  const rows = v as unknown[][];
  const cols = rows[0]!.length;
  const ragged = rows.findIndex((r) => r.length !== cols);
  // Rows of different lengths, and the width known (what feeds the layer): the first row of
  // another length is the wrong one, even when it is row 0.
  const known = shape.cols;
  const wrong = ragged < 0 || known === undefined ? -1 : rows.findIndex((r) => r.length !== known);
  if (wrong >= 0) {
    errors.push({
      path: `${path}[${wrong}]`,
      message: `expected ${known} number${known === 1 ? '' : 's'} (one per column: the width of what feeds this layer), got ${rows[wrong]!.length}`,
    });
    return null;
  }
  if (ragged >= 0) {
    errors.push({
      path: `${path}[${ragged}]`,
      message: `rows differ in length: row 0 has ${cols}, this row ${rows[ragged]!.length}`,
    });
    return null;
  }
  const wantRows = shape.rows ?? rows.length;
  const wantCols = shape.cols ?? cols;
  if (rows.length !== wantRows || cols !== wantCols) {
    const want = `${wantRows} row${wantRows === 1 ? '' : 's'} × ${wantCols} column${wantCols === 1 ? '' : 's'}`;
    errors.push({ path, message: `expected ${want}, got ${rows.length} × ${cols}` });
    return null;
  }
  if (cols === 0 || cols > shape.maxCols || rows.length > shape.maxRows) {
    errors.push({
      path,
      message: `expected 1 to ${shape.maxRows} rows of 1 to ${shape.maxCols} numbers, got ${rows.length} × ${cols}`,
    });
    return null;
  }
  for (let i = 0; i < rows.length; i++) {
    if (parseVector(rows[i], `${path}[${i}]`, errors) === null) return null;
  }
  return rows as number[][];
}

/**
 * One layer, or (after pushing its errors) its output width when W could be read but another field
 * could not, so later layers can still be checked; null when even W is unreadable.
 */
function parseLayer(
  v: unknown,
  i: number,
  inSize: number,
  errors: FieldError[],
): ParsedLayer | number | null {
  const at = `layers[${i}]`;
  if (!isRecord(v)) {
    errors.push({
      path: at,
      message: `expected an object {W, b, activation, residual?, batchnorm?}, got ${describe(v)}`,
    });
    return null;
  }
  const before = errors.length;
  unknownKeys(v, LAYER_KEYS, at, errors);
  const rows = Array.isArray(v['W']) ? v['W'].length : undefined;
  const W = parseMatrix(v['W'], `${at}.W`, errors, {
    ...(rows !== undefined && rows > 0 ? { rows } : {}),
    cols: inSize,
    maxRows: MAX_WIDTH,
    maxCols: MAX_WIDTH,
  });
  const out = W?.length;
  const b = parseVector(v['b'], `${at}.b`, errors, out);
  const activation = v['activation'];
  if (!isActivation(activation)) {
    errors.push({
      path: `${at}.activation`,
      message: `expected one of ${ACTIVATIONS.join(', ')}, got ${describe(activation)}`,
    });
  }
  const residualRaw = v['residual'];
  if (residualRaw !== undefined && typeof residualRaw !== 'boolean') {
    errors.push({
      path: `${at}.residual`,
      message: `expected true or false, got ${describe(residualRaw)}`,
    });
  }
  const residual = residualRaw === true;
  if (residual && out !== undefined && out !== inSize) {
    errors.push({
      path: `${at}.residual`,
      message: `layer ${i} maps ${inSize} → ${out} units; a residual needs equal widths`,
    });
  }
  let batchnorm: ParsedLayer['batchnorm'];
  const bnRaw = v['batchnorm'];
  if (bnRaw !== undefined) {
    if (!isRecord(bnRaw)) {
      errors.push({
        path: `${at}.batchnorm`,
        message: `expected an object {gamma, beta, eps?}, got ${describe(bnRaw)}`,
      });
    } else {
      unknownKeys(bnRaw, BN_KEYS, `${at}.batchnorm`, errors);
      const gamma = parseVector(bnRaw['gamma'], `${at}.batchnorm.gamma`, errors, out);
      const beta = parseVector(bnRaw['beta'], `${at}.batchnorm.beta`, errors, out);
      const epsRaw = bnRaw['eps'] ?? DEFAULT_BN_EPS;
      const epsOk = typeof epsRaw === 'number' && Number.isFinite(epsRaw) && epsRaw > 0;
      if (!epsOk)
        errors.push({
          path: `${at}.batchnorm.eps`,
          message: `expected a positive number, got ${describe(epsRaw)}`,
        });
      if (gamma && beta && epsOk) batchnorm = { gamma, beta, eps: epsRaw };
    }
  }
  if (errors.length > before || !W || !b || !isActivation(activation)) return W ? W.length : null;
  return { W, b, activation, residual, ...(batchnorm ? { batchnorm } : {}) };
}

/** A validated network request: the engine's network, its flat parameters and one batch. */
export interface NetworkRequest {
  /** Layout of the network (flat parameter offsets per layer). */
  readonly net: Network;
  /** θ in the network's flat layout (W row-major, b, then γ, β per layer). */
  readonly params: Float64Array;
  /** The batch, batch × inputSize, row-major. */
  readonly input: Float64Array;
  /** The targets, batch × outputSize, row-major. */
  readonly target: Float64Array;
  /** Loss kind. */
  readonly loss: LossKind;
  /** Samples in the batch. */
  readonly batch: number;
}

/**
 * Validates `{input, target, loss, layers}` (the backprop command's input, also the landscape
 * command's `network`) into the engine's network, flat parameters and batch; every problem is
 * reported with its path. Shared by `backprop` and `landscape` so both refuse the same inputs alike.
 */
export function parseNetworkRequest(
  input: unknown,
):
  | { readonly ok: true; readonly request: NetworkRequest }
  | { readonly ok: false; readonly errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `expected an object {input, target, loss, layers}, got ${describe(input)}`,
        },
      ],
    };
  }
  unknownKeys(input, TOP_KEYS, '', errors);
  const x = parseMatrix(input['input'], 'input', errors, {
    maxRows: MAX_BATCH,
    maxCols: MAX_WIDTH,
  });
  const batch = x?.length;

  const loss = input['loss'];
  const lossOk = typeof loss === 'string' && (LOSSES as readonly string[]).includes(loss);
  if (!lossOk)
    errors.push({
      path: 'loss',
      message: `expected one of ${LOSSES.join(', ')}, got ${describe(loss)}`,
    });

  const layersRaw = input['layers'];
  const layers: ParsedLayer[] = [];
  let layersOk = false;
  if (!Array.isArray(layersRaw) || layersRaw.length < 1 || layersRaw.length > MAX_LAYERS) {
    errors.push({
      path: 'layers',
      message: `expected a list of 1 to ${MAX_LAYERS} layers, got ${describe(layersRaw)}`,
    });
  } else if (x) {
    // Each layer's expected input width is the previous layer's W row count; once a W cannot be
    // read, later widths are unknown, so checking stops there.
    let width = x[0]!.length;
    layersOk = true;
    for (let i = 0; i < layersRaw.length; i++) {
      const layer = parseLayer(layersRaw[i], i, width, errors);
      if (typeof layer === 'number') {
        layersOk = false;
        width = layer;
        continue;
      }
      if (layer === null) {
        layersOk = false;
        break;
      }
      layers.push(layer);
      width = layer.W.length;
    }
  }
  const last = layers[layers.length - 1];
  const outSize = layersOk ? last?.W.length : undefined;
  const t = parseMatrix(input['target'], 'target', errors, {
    ...(batch !== undefined ? { rows: batch } : {}),
    ...(outSize !== undefined ? { cols: outSize } : {}),
    maxRows: MAX_BATCH,
    maxCols: MAX_WIDTH,
  });

  const binary = loss === 'bce' || loss === 'bce_with_logits';
  if (binary && layersOk && last) {
    if (loss === 'bce' && (last.activation !== 'sigmoid' || last.residual)) {
      errors.push({
        path: `layers[${layers.length - 1}].activation`,
        message:
          "bce takes the last layer's output as a probability: use a sigmoid there, without a residual",
      });
    }
    if (t) {
      t.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v < 0 || v > 1)
            errors.push({
              path: `target[${i}][${j}]`,
              message: `${loss} targets must lie in [0, 1], got ${v}`,
            });
        }),
      );
    }
  }
  if (batch === 1 && layersOk) {
    const bnAt = layers.findIndex((l) => l.batchnorm);
    if (bnAt >= 0) {
      errors.push({
        path: `layers[${bnAt}].batchnorm`,
        message:
          'batch norm in training mode needs at least 2 samples in the batch (the variance of one is 0)',
      });
    }
  }
  if (errors.length > 0 || !x || !t || !layersOk || !lossOk) {
    if (errors.length === 0) errors.push({ path: '', message: 'invalid input' });
    return { ok: false, errors };
  }

  const spec = {
    inputSize: x[0]!.length,
    layers: layers.map((l): LayerSpec => ({
      units: l.W.length,
      activation: l.activation,
      residual: l.residual,
      ...(l.batchnorm ? { batchnorm: { eps: l.batchnorm.eps } } : {}),
    })),
  };
  const net = buildNetwork(spec);
  const params = new Float64Array(net.paramCount);
  net.layers.forEach((layout, i) => {
    const src = layers[i]!;
    const views = layerViews(layout, params);
    views.W.set(src.W.flat());
    views.b.set(src.b);
    if (src.batchnorm) {
      views.gamma!.set(src.batchnorm.gamma);
      views.beta!.set(src.batchnorm.beta);
    }
  });
  return {
    ok: true,
    request: {
      net,
      params,
      input: Float64Array.from(x.flat()),
      target: Float64Array.from(t.flat()),
      loss: loss as LossKind,
      batch: x.length,
    },
  };
}

/** Validates a backprop request and computes the loss and every layer's gradients. */
export function runBackprop(
  input: unknown,
):
  | { readonly ok: true; readonly output: BackpropOutput }
  | { readonly ok: false; readonly errors: FieldError[] } {
  const parsed = parseNetworkRequest(input);
  if (!parsed.ok) return parsed;
  const { net, params, batch } = parsed.request;
  const grad = new Float64Array(net.paramCount);
  const ws = createWorkspace(net, batch);
  const value = lossAndGradient(
    net,
    params,
    parsed.request.input,
    parsed.request.target,
    parsed.request.loss,
    ws,
    grad,
  );
  if (!Number.isFinite(value) || grad.some((g) => !Number.isFinite(g))) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `the loss or a gradient overflowed (loss = ${value}); use smaller weights or inputs`,
        },
      ],
    };
  }
  const output: BackpropOutput = {
    loss: value,
    layers: net.layers.map((layout) => {
      const g = layerViews(layout, grad);
      const dW: number[][] = [];
      for (let j = 0; j < layout.outSize; j++) {
        dW.push(Array.from(g.W.subarray(j * layout.inSize, (j + 1) * layout.inSize)));
      }
      return {
        dW,
        db: Array.from(g.b),
        ...(g.gamma && g.beta ? { dgamma: Array.from(g.gamma), dbeta: Array.from(g.beta) } : {}),
      };
    }),
  };
  return { ok: true, output };
}
