/**
 * The one registration API, used as a new family would use it: a throw-away family registered
 * here, and nowhere else, must appear in every list a user or a script reads: the add menu, the
 * scene validator, the CLI's trajectory and pytorch commands, the map's glyphs, the formula
 * panel's lookup and the lab's trainer. (Its own test file: the registration stays in this file's module graph.)
 */
import { describe, expect, it } from 'vitest';
import { runPyTorch } from '../cli/pytorch';
import { runTrajectory } from '../cli/trajectory';
import { createLabOptimizer } from '../engine/nn/labOptimizer';
import { buildNetwork } from '../engine/nn/network';
import {
  displayName,
  loadOptimizers,
  OPTIMIZER_TYPES,
  OPTIMIZERS,
  optimizerPresets,
  registerOptimizer,
} from '../engine/optimizers';
import { lrSpec } from '../engine/optimizers/common';
import { formulaOf } from '../engine/optimizers/formulas';
import { stateGlyphs } from '../engine/analysis/glyphs';
import { parseScene } from '../engine/scene';
import { resolveSurface } from '../engine/surfaces';
import type { OptimizerType } from '../engine/types';
import { decodeLabUrl } from '../state/lab';

/** Plain gradient descent under a new name, lazily loaded like most built-in families. */
const TYPE = 'plaingd' as OptimizerType;
let loads = 0;
registerOptimizer({
  type: TYPE,
  label: 'PlainGD',
  torchClass: 'SGD',
  presets: [{ id: 'plaingd', label: 'PlainGD', config: { type: TYPE, lr: 0.1 } }],
  params: [lrSpec(0.01)],
  load: () => {
    loads++;
    return Promise.resolve({
      create: (_config, n) => {
        const last = new Float64Array(n);
        return {
          step(params, grad, lr) {
            last.set(grad);
            for (let i = 0; i < n; i++) params[i] = params[i]! - lr * grad[i]!;
          },
          inspect: () => ({ g: Array.from(last) }),
        };
      },
      // Its whole step, drawn as the map's per-coordinate box.
      glyphs: ({ lr, g }) => ({ box: [-lr * g[0], -lr * g[1]] }),
    });
  },
  formula: {
    tex: () => '\\theta_t = \\theta_{t-1} - \\eta\\, g_t',
    stepLines: () => ['\\theta_t &= \\theta_{t-1} - \\eta\\, g_t'],
  },
});

describe('a family registered through registerOptimizer alone', () => {
  it('is listed last among the types and offered by the add menu', () => {
    expect(OPTIMIZER_TYPES.at(-1)).toBe(TYPE);
    expect(optimizerPresets().at(-1)?.config).toEqual({ type: TYPE, lr: 0.1 });
    expect(displayName({ type: TYPE })).toBe('PlainGD');
  });

  it('is not runnable before its code loads, and is once loadOptimizers has run', async () => {
    expect(() => OPTIMIZERS[TYPE].create({ type: TYPE }, 2)).toThrow(/not loaded yet/);
    await loadOptimizers([TYPE]);
    await loadOptimizers();
    expect(loads).toBe(1);
  });

  it('is accepted by the scene validator and run by the CLI as torch.optim.SGD would', async () => {
    await loadOptimizers();
    const scene = {
      surface: { id: 'quadratic' },
      start: [-4, 2],
      steps: 3,
      optimizers: [
        { type: TYPE, lr: 0.1 },
        { type: 'sgd', lr: 0.1 },
      ],
    };
    expect(parseScene(scene).ok).toBe(true);
    const run = runTrajectory(scene);
    if (!run.ok) throw new Error(JSON.stringify(run.errors));
    const [mine, sgd] = run.output.trajectories;
    expect(mine!.points).toEqual(sgd!.points);
    expect(mine!.points).toHaveLength(4);
    const script = runPyTorch(scene);
    expect(script.ok && script.text).toContain('torch.optim.SGD(params, lr=0.1');
    // An unregistered name is still refused, naming the field.
    const refused = parseScene({ ...scene, optimizers: [{ type: 'plaingd2' }] });
    expect(refused.ok).toBe(false);
  });

  it("has its own glyphs drawn on the map's hidden-state layer", async () => {
    await loadOptimizers();
    const resolved = resolveSurface({ id: 'quadratic' });
    if (!resolved.ok) throw new Error('no quadratic');
    const scene = { surface: { id: 'quadratic' }, start: [-4, 2] as const, steps: 3 };
    const glyphs = stateGlyphs(
      resolved.surface,
      { ...scene, optimizers: [{ type: TYPE, lr: 0.1 }] },
      0,
      1,
    );
    // One step of lr 0.1 on x²/10 + y² from (−4, 2) reaches (−3.92, 1.6), where g = (−0.784, 3.2).
    expect(glyphs?.box).toEqual(glyphs?.gradient);
    expect(glyphs?.gradient[0]).toBeCloseTo(0.0784, 12);
  });

  it("has its formula found by the panel's lookup", () => {
    expect(formulaOf(TYPE).stepLines({ type: TYPE }, {} as never)).toEqual([
      '\\theta_t &= \\theta_{t-1} - \\eta\\, g_t',
    ]);
  });

  it("is offered by the lab's trainer, in its URL and on its network", async () => {
    await loadOptimizers();
    const { state, problems } = decodeLabUrl(`opt:${TYPE}`);
    expect(problems).toEqual([]);
    expect(state.a.optimizer).toBe(TYPE);
    const net = buildNetwork({ inputSize: 2, layers: [{ units: 1, activation: 'linear' }] });
    const params = new Float64Array([1, -2, 0.5]);
    createLabOptimizer({ type: TYPE, lr: 0.1 }, net).step(params, new Float64Array([1, 1, 1]), 0.1);
    expect(Array.from(params)).toEqual([0.9, -2.1, 0.4]);
  });
});
