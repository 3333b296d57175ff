/**
 * The scenes scripts/fixtures_pytorch_export.py exports with `cli pytorch` and runs under torch:
 * every optimizer the engine has (at its defaults, and with options), every schedule type (the
 * editor's preset, on an SGD created without momentum and on Adam), with clipping. Prints JSON
 * [{name, scene}] built from the registries, so a new optimizer or schedule is covered by
 * regenerating the fixtures.
 */
// Typed-expression surfaces are validated too: their compiler loads on demand in the app.
import '../src/engine/surfaces/expressions';
import { OPTIMIZER_TYPES, OPTIMIZERS } from '../src/engine/optimizers';
import { SCHEDULE_TYPES } from '../src/engine/optimizers/schedule-spec';
import { parseScene } from '../src/engine/scene';
import type { OptimizerConfig, Scene } from '../src/engine/types';
import { schedulePreset } from '../src/views/controls/schedulePresets';

const STEPS = 40;

function scene(
  surface: Scene['surface'],
  start: [number, number],
  optimizers: OptimizerConfig[],
): Scene {
  return { surface, start, steps: STEPS, optimizers };
}

/** Every boolean switched on and lr set, for each type: the options beyond the defaults. */
function withOptions(type: (typeof OPTIMIZER_TYPES)[number]): OptimizerConfig {
  const config: Record<string, unknown> = { type, lr: 0.01, clip_grad_norm: 5 };
  for (const spec of OPTIMIZERS[type].params) {
    if (spec.kind === 'boolean') config[spec.name] = true;
  }
  if (config.nesterov === true) config.momentum = 0.9;
  return config as unknown as OptimizerConfig;
}

/** A scene holds at most 12 optimizers: the registry goes in two halves. */
function halves<T>(items: readonly T[]): T[][] {
  const mid = Math.ceil(items.length / 2);
  return [items.slice(0, mid), items.slice(mid)];
}

const cases: { name: string; scene: Scene }[] = [
  ...halves(OPTIMIZER_TYPES).flatMap((types, h) => [
    {
      name: `every optimizer at torch defaults on a typed expression (${h + 1} of 2)`,
      scene: scene(
        { expr: 'sin(x)*cos(y) + 0.1*(x^2+y^2)' },
        [1.3, -0.7],
        types.map((type) => ({ type })),
      ),
    },
    {
      name: `every optimizer with its switches on and clipping, on the six-hump camel (${h + 1} of 2)`,
      scene: scene({ id: 'six-hump-camel' }, [-1.1, 0.6], types.map(withOptions)),
    },
  ]),
  // Whole numbers where torch wants floats (Adam refuses `betas=(0, 0.999)` written as ints).
  ...halves(OPTIMIZER_TYPES).map((types, h) => ({
    name: `every optimizer with whole-number settings: lr 1, a beta of 0 (${h + 1} of 2)`,
    scene: scene(
      { id: 'quadratic' },
      [-2, 1],
      types.map((type) => {
        const config: Record<string, unknown> = { type, lr: 1 };
        if (OPTIMIZERS[type].params.some((p) => p.name === 'betas')) config.betas = [0, 0.5];
        return config as unknown as OptimizerConfig;
      }),
    ),
  })),
  {
    name: 'every schedule on an SGD created without momentum',
    scene: scene(
      { id: 'himmelblau' },
      [0.5, -2.5],
      SCHEDULE_TYPES.map((type) => {
        const config: OptimizerConfig = { type: 'sgd', lr: 0.005 };
        return { ...config, schedule: schedulePreset(type, config, STEPS) };
      }),
    ),
  },
  {
    name: 'every schedule on Adam',
    scene: scene(
      { id: 'rosenbrock' },
      [-1.2, 1.5],
      SCHEDULE_TYPES.map((type) => {
        const config: OptimizerConfig = { type: 'adam', lr: 0.05 };
        return { ...config, schedule: schedulePreset(type, config, STEPS) };
      }),
    ),
  },
  {
    // Muon has 'momentum' in its defaults, so torch's OneCycleLR and CyclicLR cycle it; maximize
    // must keep the cycled momentum or β1 too.
    name: 'one-cycle and cyclic momentum on Muon and on maximizing SGD and Adam',
    scene: scene(
      { expr: 'sin(x)*cos(y) + 0.1*(x^2+y^2)' },
      [1.3, -0.7],
      (['onecycle', 'cyclic'] as const).flatMap((type) =>
        (
          [
            { type: 'muon', lr: 0.05 },
            { type: 'sgd', lr: 0.01, momentum: 0.9, maximize: true },
            { type: 'adam', lr: 0.05, maximize: true },
          ] as OptimizerConfig[]
        ).map((config) => ({ ...config, schedule: schedulePreset(type, config, STEPS) })),
      ),
    ),
  },
  // Gradient noise (issue 14): the script adds the perturbations the app drew to p.grad.
  {
    name: 'gaussian noise on the notes bowl: SGD, momentum, clipped Adam with a schedule, Muon, Rprop',
    scene: {
      ...scene(
        { id: 'quadratic' },
        [-4, 2],
        [
          { type: 'sgd', lr: 0.1 },
          { type: 'sgd', lr: 0.1, momentum: 0.9 },
          {
            type: 'adam',
            lr: 0.1,
            clip_grad_norm: 1,
            schedule: { type: 'exponential', gamma: 0.97 },
          },
          { type: 'muon', lr: 0.05 },
          { type: 'rprop' },
        ],
      ),
      noise: { type: 'gaussian', scale: 0.7, seed: 20261201 },
    },
  },
  {
    name: 'heavy-tailed noise with a batch size on a typed expression',
    scene: {
      ...scene(
        { expr: 'sin(x)*cos(y) + 0.1*(x^2+y^2)' },
        [1.3, -0.7],
        [
          { type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true },
          { type: 'rmsprop', lr: 0.01 },
        ],
      ),
      noise: { type: 'heavy_tail', scale: 0.5, df: 2.5, seed: 4, batch_size: 4 },
    },
  },
  {
    name: 'Hessian-shaped noise on Rosenbrock (each optimizer draws at its own points)',
    scene: {
      ...scene(
        { id: 'rosenbrock' },
        [-1.2, 1.5],
        [
          { type: 'sgd', lr: 0.0005, momentum: 0.9 },
          { type: 'adam', lr: 0.05 },
        ],
      ),
      noise: { type: 'hessian', scale: 0.2, seed: 99 },
    },
  },
  {
    name: 'mini-batch noise on the sum of bumps: SGD, momentum, Adam',
    scene: {
      ...scene(
        { id: 'bumps' },
        [3, -3],
        [
          { type: 'sgd', lr: 0.5 },
          { type: 'sgd', lr: 0.5, momentum: 0.9 },
          { type: 'adam', lr: 0.1 },
        ],
      ),
      noise: { type: 'minibatch', batch_size: 3, seed: 7 },
    },
  },
];

for (const c of cases) {
  const parsed = parseScene(c.scene);
  if (!parsed.ok) throw new Error(`${c.name}: ${JSON.stringify(parsed.errors)}`);
}
process.stdout.write(`${JSON.stringify(cases)}\n`);
