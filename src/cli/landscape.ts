/**
 * The `landscape` command: the loss of a hand-specified network on a plane through its weights,
 * L(θ + αᵢ·d₁ + βⱼ·d₂) (Li et al. 2018, "Visualizing the Loss Landscape of Neural Nets"). Input:
 *   {"network": <the backprop command's input: input, target, loss, layers>,
 *    "directions": [D1, D2], each one {"W", "b", "gamma"?, "beta"?} per layer in its own shapes,
 *    "normalize": "filter" | "none", "alphas": [...], "betas": [...]}
 * prints {"loss": [[...]]} with loss[i][j] at (alphas[i], betas[j]); forward pass as backprop's
 * (batch norm in training mode). Every field is validated and reported by path; nothing throws.
 */
import { filterNormalize } from '../engine/landscape/directions';
import { createPlaneEvaluator } from '../engine/landscape/plane';
import { layerViews } from '../engine/nn/network';
import type { Network } from '../engine/nn/network';
import type { FieldError } from '../engine/types';
import {
  describe,
  isRecord,
  parseMatrix,
  parseNetworkRequest,
  parseVector,
  unknownKeys,
} from './backprop';

/** Largest number of alphas (and of betas) one request may hold: grids up to 201 × 201. */
export const MAX_GRID_SIDE = 201;

/** What `landscape` prints: loss[i][j] = L(θ + alphas[i]·d₁ + betas[j]·d₂). */
export interface LandscapeOutput {
  readonly loss: number[][];
}

const TOP_KEYS = ['network', 'directions', 'normalize', 'alphas', 'betas'];
const NORMALIZATIONS = ['filter', 'none'] as const;

/** One direction read into the flat layout, or null after pushing its errors. */
function parseDirection(
  v: unknown,
  at: string,
  net: Network,
  errors: FieldError[],
): Float64Array | null {
  const n = net.layers.length;
  if (!Array.isArray(v) || v.length !== n) {
    errors.push({
      path: at,
      message: `expected a list of ${n} layer${n === 1 ? '' : 's'} ({W, b${
        net.layers.some((l) => l.batchnorm) ? ', gamma, beta' : ''
      }} each, as the network's), got ${describe(v)}`,
    });
    return null;
  }
  const before = errors.length;
  const d = new Float64Array(net.paramCount);
  net.layers.forEach((layout, li) => {
    const lat = `${at}[${li}]`;
    const raw: unknown = v[li];
    const bn = layout.batchnorm !== null;
    if (!isRecord(raw)) {
      errors.push({
        path: lat,
        message: `expected an object {W, b${bn ? ', gamma, beta' : ''}}, got ${describe(raw)}`,
      });
      return;
    }
    unknownKeys(raw, bn ? ['W', 'b', 'gamma', 'beta'] : ['W', 'b'], lat, errors);
    const views = layerViews(layout, d);
    const W = parseMatrix(raw['W'], `${lat}.W`, errors, {
      rows: layout.outSize,
      cols: layout.inSize,
      maxRows: layout.outSize,
      maxCols: layout.inSize,
    });
    if (W) views.W.set(W.flat());
    const b = parseVector(raw['b'], `${lat}.b`, errors, layout.outSize);
    if (b) views.b.set(b);
    if (bn) {
      const gamma = parseVector(raw['gamma'], `${lat}.gamma`, errors, layout.outSize);
      if (gamma) views.gamma!.set(gamma);
      const beta = parseVector(raw['beta'], `${lat}.beta`, errors, layout.outSize);
      if (beta) views.beta!.set(beta);
    }
  });
  return errors.length > before ? null : d;
}

function parseAxis(v: unknown, path: string, errors: FieldError[]): number[] | null {
  if (Array.isArray(v) && (v.length === 0 || v.length > MAX_GRID_SIDE)) {
    errors.push({
      path,
      message: `expected 1 to ${MAX_GRID_SIDE} numbers (grids up to ${MAX_GRID_SIDE} × ${MAX_GRID_SIDE}), got ${v.length}`,
    });
    return null;
  }
  return parseVector(v, path, errors);
}

/** Validates a landscape request and computes its loss grid. */
export function runLandscape(
  input: unknown,
):
  | { readonly ok: true; readonly output: LandscapeOutput }
  | { readonly ok: false; readonly errors: FieldError[] } {
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [
        {
          path: '',
          message: `expected an object {network, directions, normalize, alphas, betas}, got ${describe(input)}`,
        },
      ],
    };
  }
  const errors: FieldError[] = [];
  unknownKeys(input, TOP_KEYS, '', errors);
  let request = null;
  if (input['network'] === undefined) {
    errors.push({ path: 'network', message: 'missing: expected {input, target, loss, layers}' });
  } else {
    const parsed = parseNetworkRequest(input['network']);
    if (parsed.ok) request = parsed.request;
    else {
      for (const e of parsed.errors)
        errors.push({ path: e.path ? `network.${e.path}` : 'network', message: e.message });
    }
  }
  const normalize = input['normalize'];
  const normalizeOk =
    typeof normalize === 'string' && (NORMALIZATIONS as readonly string[]).includes(normalize);
  if (!normalizeOk) {
    errors.push({
      path: 'normalize',
      message: `expected one of ${NORMALIZATIONS.join(', ')}, got ${describe(normalize)}`,
    });
  }
  const alphas = parseAxis(input['alphas'], 'alphas', errors);
  const betas = parseAxis(input['betas'], 'betas', errors);

  const dirsRaw = input['directions'];
  let d1: Float64Array | null = null;
  let d2: Float64Array | null = null;
  if (!Array.isArray(dirsRaw) || dirsRaw.length !== 2) {
    errors.push({
      path: 'directions',
      message: `expected a list of 2 directions [d1, d2], got ${describe(dirsRaw)}`,
    });
  } else if (request) {
    d1 = parseDirection(dirsRaw[0], 'directions[0]', request.net, errors);
    d2 = parseDirection(dirsRaw[1], 'directions[1]', request.net, errors);
  }
  if (errors.length > 0 || !request || !d1 || !d2 || !alphas || !betas) {
    if (errors.length === 0) errors.push({ path: '', message: 'invalid input' });
    return { ok: false, errors };
  }
  if (normalize === 'filter') {
    filterNormalize(request.net, request.params, d1);
    filterNormalize(request.net, request.params, d2);
  }
  const plane = createPlaneEvaluator(request, request.params, d1, d2);
  const loss: number[][] = [];
  for (let i = 0; i < alphas.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < betas.length; j++) {
      const value = plane.lossAt(alphas[i]!, betas[j]!);
      if (!Number.isFinite(value)) {
        return {
          ok: false,
          errors: [
            {
              path: `alphas[${i}]`,
              message: `the loss at alphas[${i}] = ${alphas[i]}, betas[${j}] = ${betas[j]} overflowed (${value}); use a smaller range or smaller directions`,
            },
          ],
        };
      }
      row.push(value);
    }
    loss.push(row);
  }
  return { ok: true, output: { loss } };
}
