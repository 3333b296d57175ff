/**
 * Engine throughput: `simulate` on the quadratic x²/10 + y² for each optimizer type, against a
 * hand-written monomorphic Float64 Adam loop (same arithmetic as torch's Adam, gradient inlined,
 * writing the same points and losses arrays) in the same process. Each figure is a median of
 * interleaved samples after warm-up; every type runs before any is timed, so the optimizer call
 * site inside simulate is as polymorphic as in the app, which runs several optimizers at once.
 * Budget (DESIGN.md): Adam through the engine ≥ 0.5 × the hand-written loop; other rows are
 * informational.
 */
// Every family, the lazily loaded torch 2.x ones included (as the worker and the CLI register them).
import '../src/engine/optimizers/all';
import { OPTIMIZER_TYPES } from '../src/engine/optimizers';
import type { OptimizerConfig, OptimizerType, Scene, Surface } from '../src/engine/types';
import { simulate } from '../src/engine/simulate';
import { resolveSurface } from '../src/engine/surfaces';
import type { BenchRow, BenchSuite } from './types';

const STEPS = 10_000;
const START: readonly [number, number] = [-4, 2];
const SAMPLES = 21;
const LR = 0.05;

/** Learning rates that keep every type on the quadratic for all STEPS (no early divergence). */
function configFor(type: OptimizerType): OptimizerConfig {
  return { type, lr: type === 'adadelta' ? 1 : LR };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** torch's Adam (defaults but lr) on x²/10 + y², written out by hand: the baseline. */
function handWrittenAdam(steps: number, lr: number): Float64Array {
  const points = new Float64Array(2 * (steps + 1));
  const losses = new Float64Array(steps + 1);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  let x = START[0];
  let y = START[1];
  let mx = 0;
  let my = 0;
  let vx = 0;
  let vy = 0;
  let gx = x / 5;
  let gy = 2 * y;
  points[0] = x;
  points[1] = y;
  losses[0] = (x * x) / 10 + y * y;
  for (let t = 1; t <= steps; t++) {
    const bc1 = 1 - Math.pow(beta1, t);
    const bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    const negStep = -(lr / bc1);
    mx = mx * beta1 + (1 - beta1) * gx;
    my = my * beta1 + (1 - beta1) * gy;
    vx = vx * beta2 + (1 - beta2) * gx * gx;
    vy = vy * beta2 + (1 - beta2) * gy * gy;
    x = x + (negStep * mx) / (Math.sqrt(vx) / bc2Sqrt + eps);
    y = y + (negStep * my) / (Math.sqrt(vy) / bc2Sqrt + eps);
    gx = x / 5;
    gy = 2 * y;
    const loss = (x * x) / 10 + y * y;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(loss)) break;
    points[2 * t] = x;
    points[2 * t + 1] = y;
    losses[t] = loss;
  }
  return points;
}

function sceneOf(config: OptimizerConfig, steps: number): Scene {
  return { surface: { id: 'quadratic' }, start: START, steps, optimizers: [config] };
}

/** Milliseconds one call of `fn` takes. */
function timeOnce(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

let sink = 0;

export const engineBench: BenchSuite = async () => {
  const resolved = resolveSurface({ id: 'quadratic' });
  if (!resolved.ok) throw new Error(resolved.error.message);
  const surface: Surface = resolved.surface;

  const runEngine = (type: OptimizerType): void => {
    const [trajectory] = simulate(sceneOf(configFor(type), STEPS), surface);
    if (trajectory === undefined || trajectory.length !== STEPS + 1) {
      throw new Error(`${type} stopped early on the quadratic`);
    }
    sink += trajectory.points[2 * STEPS]!;
  };
  const runBaseline = (): void => {
    sink += handWrittenAdam(STEPS, LR)[2 * STEPS]!;
  };

  // Warm-up: every type, then the baseline, so V8 has seen the engine's real (polymorphic) use.
  for (let round = 0; round < 5; round++) {
    for (const type of OPTIMIZER_TYPES) runEngine(type);
    runBaseline();
  }

  const baselineSamples: number[] = [];
  const engineSamples = new Map<OptimizerType, number[]>(OPTIMIZER_TYPES.map((t) => [t, []]));
  for (let s = 0; s < SAMPLES; s++) {
    baselineSamples.push(timeOnce(runBaseline));
    for (const type of OPTIMIZER_TYPES)
      engineSamples.get(type)!.push(timeOnce(() => runEngine(type)));
  }

  const baselineStepsPerSecond = STEPS / (median(baselineSamples) / 1000);
  const rows: BenchRow[] = OPTIMIZER_TYPES.map((type) => {
    const stepsPerSecond = STEPS / (median(engineSamples.get(type)!) / 1000);
    const ratio = stepsPerSecond / baselineStepsPerSecond;
    const detail =
      `${(stepsPerSecond / 1e6).toFixed(2)} M steps/s through simulate vs ` +
      `${(baselineStepsPerSecond / 1e6).toFixed(2)} M steps/s hand-written Adam`;
    const row: BenchRow = {
      name: `engine: ${type} on the quadratic, simulate / hand-written Adam loop`,
      value: ratio,
      unit: 'x',
      detail,
    };
    return type === 'adam' ? { ...row, budget: '>= 0.5x', pass: ratio >= 0.5 } : row;
  });

  // The slider budget's engine share: the notes' seven optimizers × 1,000 steps in one simulate.
  const notesScene: Scene = {
    surface: { id: 'quadratic' },
    start: START,
    steps: 1000,
    optimizers: [
      { type: 'sgd', lr: 0.1 },
      { type: 'sgd', lr: 0.1, momentum: 0.9 },
      { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true },
      { type: 'adagrad', lr: 0.5 },
      { type: 'adadelta', lr: 1 },
      { type: 'rmsprop', lr: 0.01 },
      { type: 'adam', lr: 0.1 },
    ],
  };
  for (let i = 0; i < 20; i++) sink += simulate(notesScene, surface).length;
  const sceneSamples: number[] = [];
  for (let s = 0; s < 51; s++)
    sceneSamples.push(timeOnce(() => (sink += simulate(notesScene, surface).length)));
  rows.push({
    name: 'engine: simulate the notes scene (7 optimizers × 1,000 steps)',
    value: median(sceneSamples),
    unit: 'ms',
    detail: `median of ${sceneSamples.length}; the engine's part of the 16.7 ms slider-to-repaint budget`,
  });

  if (sink === 42) console.error('unreachable');
  return rows;
};
