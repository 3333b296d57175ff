/**
 * The validator's bounds are torch's own. scripts/fixtures_bounds.py tried every edge value of
 * every field of every optimizer (and clip_grad_norm's max_norm) on torch 2.x, constructing the
 * optimizer and taking two steps; each row says whether torch accepted it. Our validator, given a
 * scene of two steps, must agree on every row (ASGD's step-size decay, which fails only at some
 * step, included), and say why when it refuses.
 */
import { describe, expect, it } from 'vitest';
import bounds from './__fixtures__/optim/bounds.json';
import { OPTIMIZERS } from './optimizers';
import { parseScene } from './scene';
import type { OptimizerType } from './types';

interface BoundsRow {
  readonly type: OptimizerType | null;
  readonly field: string;
  readonly index: number | null;
  readonly value: number | string | null;
  readonly accepted: boolean;
  readonly torch_error: string | null;
}

const ROWS = bounds.rows as readonly BoundsRow[];
const NON_FINITE: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  '-inf': Number.NEGATIVE_INFINITY,
};

/** The row's value as a scene would hold it (non-finite numbers decoded). */
function valueOf(row: BoundsRow): number | string | null {
  const v = row.value;
  return typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v]! : v;
}

/** The optimizer entry that sets only the row's field (other tuple elements at torch's default). */
function entryOf(row: BoundsRow): Record<string, unknown> {
  const value = valueOf(row);
  if (row.type === null) return { type: 'sgd', [row.field]: value };
  if (row.index === null) return { type: row.type, [row.field]: value };
  const fallback = OPTIMIZERS[row.type].params.find((p) => p.name === row.field)?.default;
  const tuple = Array.isArray(fallback) ? [...(fallback as readonly unknown[])] : [];
  tuple[row.index] = value;
  return { type: row.type, [row.field]: tuple };
}

describe("the validator's bounds are torch 2.x's", () => {
  it('come from a torch 2.x table that covers every optimizer and clip_grad_norm', () => {
    expect(bounds.torch).toMatch(/^2\./);
    const types = new Set(ROWS.map((r) => r.type));
    expect(types.size).toBe(15);
    expect(ROWS.length).toBeGreaterThan(1000);
  });

  it('accepts every finite value torch accepts and refuses every value torch refuses', () => {
    const disagreements: string[] = [];
    for (const row of ROWS) {
      const value = valueOf(row);
      if (typeof value === 'number' && !Number.isFinite(value)) continue;
      const parsed = parseScene({ steps: 2, optimizers: [entryOf(row)] });
      if (parsed.ok !== row.accepted) {
        const ours = parsed.ok ? 'accepted' : parsed.errors.map((e) => e.message).join('; ');
        disagreements.push(
          `${row.type ?? 'clip'}.${row.field}${row.index === null ? '' : `[${row.index}]`} = ${String(row.value)}: torch ${row.accepted ? 'accepts' : `refuses (${row.torch_error})`}, ours ${ours}`,
        );
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('names the field and says why when it refuses', () => {
    for (const row of ROWS) {
      const value = valueOf(row);
      if (row.accepted || typeof value !== 'number' || !Number.isFinite(value)) continue;
      const parsed = parseScene({ steps: 2, optimizers: [entryOf(row)] });
      const error = parsed.ok ? undefined : parsed.errors[0];
      // An element of a pair or tuple is named by its index (`betas[1]`).
      expect(error?.path.replace(/\[\d+\]$/, '')).toBe(`optimizers[0].${row.field}`);
      // Every refusal of a value says which bound it broke and, for torch's own checks, why.
      expect(error?.message).toMatch(/must be|torch/);
    }
  });

  it('refuses NaN and infinities even where torch takes them: JSON cannot carry them', () => {
    for (const row of ROWS) {
      const value = valueOf(row);
      if (typeof value !== 'number' || Number.isFinite(value)) continue;
      const parsed = parseScene({ steps: 2, optimizers: [entryOf(row)] });
      expect({ row: `${row.type}.${row.field}`, ok: parsed.ok }).toEqual({
        row: `${row.type}.${row.field}`,
        ok: false,
      });
      if (!parsed.ok) expect(parsed.errors[0]?.message).toMatch(/finite/);
    }
  });
});
