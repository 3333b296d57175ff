import { describe, expect, it } from 'vitest';
import torchDefaults from '../__fixtures__/optim/defaults.json';
import type { OptimizerConfig } from '../types';
import { parseScene } from '../scene';
import { formulaOf, ruleTex } from './formulas';
import { createOptimizer, OPTIMIZER_TYPES, OPTIMIZERS, resolvedLr, resolvedParams } from './index';
import { PARAM_TEX, STATE_TEX } from './symbols';

const TORCH_DEFAULTS = torchDefaults as unknown as Readonly<
  Record<string, Readonly<Record<string, unknown>>>
> & { readonly torch: string };

/** Configs that switch on every optional branch of each family's formula and state. */
const VARIANTS: readonly OptimizerConfig[] = [
  { type: 'sgd' },
  { type: 'sgd', momentum: 0.9 },
  { type: 'sgd', momentum: 0.9, dampening: 0.3, weight_decay: 0.1 },
  { type: 'sgd', momentum: 0.9, nesterov: true },
  { type: 'adagrad', lr_decay: 0.1, initial_accumulator_value: 0.5, weight_decay: 0.1 },
  { type: 'adagrad' },
  { type: 'adadelta', weight_decay: 0.1 },
  { type: 'rmsprop' },
  { type: 'rmsprop', centered: true, momentum: 0.5, weight_decay: 0.1 },
  { type: 'adam' },
  { type: 'adam', amsgrad: true, weight_decay: 0.1 },
  { type: 'adamw' },
  { type: 'adamw', amsgrad: true },
  { type: 'adamax', weight_decay: 0.1 },
  { type: 'nadam', weight_decay: 0.1 },
  { type: 'radam', weight_decay: 0.1 },
];

function stepped(config: OptimizerConfig, steps: number) {
  const optimizer = createOptimizer(config, 2);
  const params = new Float64Array([1.5, -0.5]);
  const grad = new Float64Array(2);
  for (let k = 0; k < steps; k++) {
    grad[0] = params[0]! / 5;
    grad[1] = 2 * params[1]!;
    optimizer.step(params, grad, resolvedLr(config));
  }
  return { optimizer, params };
}

describe('optimizer registry and schemas', () => {
  it('has one definition per torch type, under its own name', () => {
    expect(Object.keys(OPTIMIZERS).sort()).toEqual([...OPTIMIZER_TYPES].sort());
    for (const type of OPTIMIZER_TYPES) expect(OPTIMIZERS[type].type).toBe(type);
  });

  it("names exactly torch 2.x's hyper-parameters with torch's defaults", () => {
    expect(TORCH_DEFAULTS.torch).toMatch(/^2\./);
    for (const type of OPTIMIZER_TYPES) {
      const ours = Object.fromEntries(OPTIMIZERS[type].params.map((p) => [p.name, p.default]));
      expect({ type, ...ours }).toEqual({ type, ...TORCH_DEFAULTS[type] });
    }
  });

  it('gives every default a value its own validator accepts', () => {
    for (const type of OPTIMIZER_TYPES) {
      for (const spec of OPTIMIZERS[type].params) {
        const parsed = parseScene({ optimizers: [{ type, [spec.name]: spec.default }] });
        expect({ type, name: spec.name, errors: parsed.ok ? [] : parsed.errors }).toEqual({
          type,
          name: spec.name,
          errors: [],
        });
      }
    }
  });

  it('resolvedParams reads the schema and knows which names a type lacks', () => {
    expect(resolvedParams({ type: 'adamw' })['weight_decay']).toBe(0.01);
    expect(resolvedParams({ type: 'adam' })['betas']).toEqual([0.9, 0.999]);
    expect(resolvedParams({ type: 'sgd' })['betas']).toBeUndefined();
  });

  it('takes any beta in [0, 1) as torch does, and refuses 1 (a zero bias correction)', () => {
    expect(parseScene({ optimizers: [{ type: 'adam', betas: [0.9, 0.999999] }] }).ok).toBe(true);
    const refused = parseScene({ optimizers: [{ type: 'adam', betas: [0.9, 1] }] });
    expect(refused.ok ? [] : refused.errors.map((e) => e.path)).toEqual(['optimizers[0].betas[1]']);
  });
});

describe('formulas and live state', () => {
  it.each(VARIANTS.map((config) => [JSON.stringify(config), config] as const))(
    '%s: every state key it reports appears in its formula',
    (_, config) => {
      const tex = ruleTex(config);
      const state = stepped(config, 3).optimizer.inspect();
      for (const key of Object.keys(state)) {
        const symbol = STATE_TEX[key];
        expect({ key, symbol }).toEqual({ key, symbol: expect.any(String) });
        expect({ key, inFormula: tex.includes(symbol!) }).toEqual({ key, inFormula: true });
      }
    },
  );

  it('shows a hyper-parameter in the formula once it is set away from its default', () => {
    // The nine families whose formulas name every hyper-parameter (L-BFGS's tolerances, Muon's
    // coefficients and the new switches are described in words).
    for (const type of OPTIMIZER_TYPES.slice(0, 9)) {
      for (const spec of OPTIMIZERS[type].params) {
        if (spec.kind !== 'number' && spec.kind !== 'pair') continue;
        const value =
          spec.kind === 'pair' ? [0.5, 0.6] : (spec.default as number) === 0 ? 0.2 : 0.7;
        const config = {
          type,
          momentum: type === 'sgd' || type === 'rmsprop' ? 0.9 : undefined,
          [spec.name]: value,
        };
        const clean = JSON.parse(JSON.stringify(config)) as OptimizerConfig;
        const tex = ruleTex(clean);
        const symbols = spec.name === 'betas' ? ['\\beta_1', '\\beta_2'] : [PARAM_TEX[spec.name]!];
        for (const symbol of symbols) {
          expect({ type, name: spec.name, inFormula: tex.includes(symbol) }).toEqual({
            type,
            name: spec.name,
            inFormula: true,
          });
        }
      }
    }
  });

  it('writes each formula as one aligned block of KaTeX-safe commands', () => {
    for (const config of VARIANTS) {
      const tex = ruleTex(config);
      expect(tex.startsWith('\\begin{aligned}')).toBe(true);
      expect(tex.trimEnd().endsWith('\\end{aligned}')).toBe(true);
      expect(tex).not.toMatch(/\\(href|url|html|includegraphics|def|newcommand)/);
    }
  });

  it('carries a note on where torch differs from the notes', () => {
    for (const type of OPTIMIZER_TYPES)
      expect(formulaOf(type).note?.length ?? 0).toBeGreaterThan(20);
  });

  it('inspect() returns copies that later steps do not change', () => {
    for (const config of VARIANTS) {
      const optimizer = createOptimizer(config, 2);
      const params = new Float64Array([1, 1]);
      optimizer.step(params, new Float64Array([0.5, -0.5]), 0.1);
      const first = optimizer.inspect();
      const frozen = JSON.stringify(first);
      optimizer.step(params, new Float64Array([2, 3]), 0.1);
      expect(JSON.stringify(first)).toBe(frozen);
      expect(JSON.stringify(optimizer.inspect())).not.toBe(frozen);
    }
  });

  it('counts steps and reports the lr it was given', () => {
    const state = stepped({ type: 'adam', lr: 0.05 }, 4).optimizer.inspect();
    expect(state.step).toBe(4);
    expect(state.lr).toBe(0.05);
  });

  it("RAdam takes plain momentum steps until the 6th, when torch's rectification starts", () => {
    const rects = [1, 2, 3, 4, 5, 6].map(
      (steps) => stepped({ type: 'radam' }, steps).optimizer.inspect().rect,
    );
    expect(rects.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(rects[5]).toBeGreaterThan(0);
  });
});

describe('optimizers over many parameters', () => {
  // Every family here is element-wise, so the neural-net lab's long vectors must behave as many
  // independent 1-parameter copies: no coordinate may leak into another.
  it.each(VARIANTS.map((config) => [JSON.stringify(config), config] as const))(
    '%s: an n-vector steps like n independent scalars',
    (_, config) => {
      const n = 5;
      const vector = createOptimizer(config, n);
      const scalars = Array.from({ length: n }, () => createOptimizer(config, 1));
      const params = Float64Array.from({ length: n }, (_, i) => i - 2.5);
      const single = Array.from(params, (p) => new Float64Array([p]));
      for (let k = 0; k < 12; k++) {
        const grad = Float64Array.from(params, (p, i) => Math.sin(p * (i + 1)) + 0.1 * p);
        const lr = 0.05 * (1 + (k % 3));
        scalars.forEach((opt, i) => opt.step(single[i]!, new Float64Array([grad[i]!]), lr));
        vector.step(params, grad, lr);
      }
      expect(Array.from(params)).toEqual(single.map((s) => s[0]));
    },
  );

  it("steps the lab's 10,000-parameter vectors in place, every coordinate moving alike", () => {
    const n = 10_000;
    for (const type of OPTIMIZER_TYPES) {
      const optimizer = createOptimizer({ type, lr: 1e-3 }, n);
      // L-BFGS needs a closure and Muon treats the vector as one 1×n matrix (not element-wise).
      if (optimizer.needsClosure || type === 'muon') continue;
      const params = new Float64Array(n).fill(1);
      const grad = new Float64Array(n);
      for (let k = 0; k < 50; k++) {
        grad.fill(0.01 * (k + 1));
        optimizer.step(params, grad, 1e-3);
      }
      const first = params[0]!;
      expect({ type, moved: first < 1, alike: params.every((p) => p === first) }).toEqual({
        type,
        moved: true,
        alike: true,
      });
    }
  });
});
