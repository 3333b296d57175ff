/**
 * Neural-net engine throughput: one training step (forward + backward + Adam) of a 20-layer ×
 * 64-wide tanh net on a batch of 64, against a hand-written Float64Array baseline doing only the
 * same matrix multiplies (forward Z = A Wᵀ, backward dW = δᵀ A and dA = δ W for every layer) in the
 * same process. The ratio says how much the activations, batch bookkeeping and optimizer add.
 */
import { randomDirection } from '../src/engine/landscape/directions';
import { createPlaneEvaluator } from '../src/engine/landscape/plane';
import { progressiveGrid } from '../src/engine/landscape/progressive';
import { loadavg } from 'node:os';
import { DEFAULT_LAB_CONFIG } from '../src/engine/nn/labConfig';
import { MAX_LAYERS, MAX_WIDTH } from '../src/engine/nn/network';
import { generateDataset } from '../src/engine/nn/datasets';
import { initParams } from '../src/engine/nn/init';
import { buildNetwork } from '../src/engine/nn/network';
import { createRng } from '../src/engine/nn/rng';
import { createTrainer } from '../src/engine/nn/train';
import { handleLabRequest } from '../src/worker/lab/handlers';
import { runLandscape } from '../src/worker/lab/landscape';
import { createLabTrainer } from '../src/worker/lab/model';
import type { LabReply } from '../src/worker/lab/protocol';
import type { BenchRow, BenchSuite } from './types';

const DEPTH = 20;
const WIDTH = 64;
const BATCH = 64;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median ms per call of `a` and of `b`, timed in alternating rounds of `inner` calls after a
 * warm-up, so a burst of load from other processes hits both sides alike.
 */
function timePair(a: () => void, b: () => void, rounds = 41, inner = 3): [number, number] {
  for (let i = 0; i < 20; i++) {
    a();
    b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    for (let i = 0; i < inner; i++) a();
    sa.push((performance.now() - t0) / inner);
    t0 = performance.now();
    for (let i = 0; i < inner; i++) b();
    sb.push((performance.now() - t0) / inner);
  }
  return [median(sa), median(sb)];
}

/** The baseline: the forward and backward matrix multiplies of the same shapes, nothing else. */
function matmulBaseline(): () => void {
  const ws = Array.from({ length: DEPTH }, (_, l) =>
    Float64Array.from({ length: WIDTH * WIDTH }, (_, i) => Math.sin(i + l) * 0.1),
  );
  const acts = Array.from({ length: DEPTH + 1 }, () =>
    Float64Array.from({ length: BATCH * WIDTH }, (_, i) => Math.cos(i)),
  );
  const deltas = Array.from({ length: DEPTH }, () =>
    Float64Array.from({ length: BATCH * WIDTH }, (_, i) => Math.sin(i) * 0.01),
  );
  const dWs = Array.from({ length: DEPTH }, () => new Float64Array(WIDTH * WIDTH));
  const dA = new Float64Array(BATCH * WIDTH);
  return () => {
    for (let l = 0; l < DEPTH; l++) {
      const W = ws[l]!;
      const a = acts[l]!;
      const z = acts[l + 1]!;
      for (let s = 0; s < BATCH; s++) {
        for (let j = 0; j < WIDTH; j++) {
          let acc = 0;
          for (let k = 0; k < WIDTH; k++) acc += a[s * WIDTH + k]! * W[j * WIDTH + k]!;
          z[s * WIDTH + j] = acc;
        }
      }
    }
    for (let l = DEPTH - 1; l >= 0; l--) {
      const W = ws[l]!;
      const a = acts[l]!;
      const d = deltas[l]!;
      const dW = dWs[l]!;
      dW.fill(0);
      dA.fill(0);
      for (let s = 0; s < BATCH; s++) {
        for (let j = 0; j < WIDTH; j++) {
          const c = d[s * WIDTH + j]!;
          for (let k = 0; k < WIDTH; k++) {
            dW[j * WIDTH + k]! += c * a[s * WIDTH + k]!;
            dA[s * WIDTH + k]! += c * W[j * WIDTH + k]!;
          }
        }
      }
    }
  };
}

/**
 * Median ms of the whole request the lab's Landscape tab sends, as its worker runs it
 * (src/worker/lab/landscape.ts): a depth-6 × width-16 tanh lab net on the 200-point spiral trained
 * 300 steps with Adam, then the PCA of its kept path, every snapshot's plane and true loss, the
 * 1-D interpolation and the 41 × 41 slice coarse to fine.
 */
function landscapeRequestMs(runs = 3): {
  wallMs: number;
  cpuMs: number;
  params: number;
  snapshots: number;
} {
  const config = { ...DEFAULT_LAB_CONFIG, depth: 6, width: 16, dataset: 'spiral' as const };
  handleLabRequest({ id: 1, runId: 1, type: 'run', slot: 'a', config, steps: 300, reset: true });
  const reply = handleLabRequest({ id: 2, runId: 2, type: 'path', slot: 'a' });
  if (reply.type !== 'path') throw new Error('no path');
  const { path } = reply;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs + 1; r++) {
    let last: LabReply | null = null;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    void runLandscape(
      {
        id: 3,
        runId: 3,
        type: 'landscape',
        paths: [path],
        directions: 'pca',
        seed: 1,
        side: SLICE_SIDE,
      },
      (out) => {
        last = out;
      },
    );
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if ((last as LabReply | null)?.type !== 'landscape') throw new Error('the landscape failed');
    if (r === 0) continue; // the first run warms the JIT
    wall.push(t);
    cpu.push((c.user + c.system) / 1000);
  }
  return {
    wallMs: median(wall),
    cpuMs: median(cpu),
    params: path.paramCount,
    snapshots: path.steps.length,
  };
}

/** DESIGN.md's landscape budget: a 41 × 41 slice of a 6 × 16 net on 200 points within 2 s. */
const SLICE_SIDE = 41;
const SLICE_BUDGET_MS = 2000;

/**
 * Median ms of one whole 41 × 41 slice as the worker will compute it (progressive passes, filter-
 * normalised random directions) of the lab's depth-6 × width-16 tanh net (5 hidden layers of 16,
 * one sigmoid output, bce) on the 200-point spiral: wall-clock, and this process's CPU time, which
 * is what the slice would take on an idle core (the shared machine's load stretches the wall time).
 */
function landscapeSliceMs(runs = 5): { wallMs: number; cpuMs: number; params: number } {
  const data = generateDataset({ kind: 'spiral', seed: 1, count: 200 });
  const net = buildNetwork({
    inputSize: 2,
    layers: [
      ...Array.from({ length: 5 }, () => ({ units: 16, activation: 'tanh' as const })),
      { units: 1, activation: 'sigmoid' as const },
    ],
  });
  const theta = initParams(net, { type: 'xavier' }, 1);
  const rng = createRng(2);
  const plane = createPlaneEvaluator(
    { net, input: data.input, target: data.target, loss: 'bce', batch: data.count },
    theta,
    randomDirection(net, theta, rng, 'filter'),
    randomDirection(net, theta, rng, 'filter'),
  );
  const axis = Array.from({ length: SLICE_SIDE }, (_, i) => -1 + (2 * i) / (SLICE_SIDE - 1));
  const grid = new Float64Array(SLICE_SIDE * SLICE_SIDE);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const update of progressiveGrid(plane, axis, axis, { grid })) void update;
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (r === 0) continue; // the first run warms the JIT
    wall.push(t);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), params: net.paramCount };
}

/** Budget for one training step of the largest net the lab offers (issue 11). */
const LARGEST_STEP_BUDGET_MS = 1000;

/**
 * Median wall and CPU ms of one training step of the lab's largest net (64 layers × 256 wide, the
 * lab's 200 points as one batch, Adam), after two warm-up steps. CPU time is given beside the wall
 * time because on a shared machine the wall time mostly measures the other processes.
 */
function largestStep(): { wallMs: number; cpuMs: number; params: number } {
  const trainer = createLabTrainer({ ...DEFAULT_LAB_CONFIG, depth: MAX_LAYERS, width: MAX_WIDTH });
  trainer.step();
  trainer.step();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    trainer.step();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), params: trainer.net.paramCount };
}

/** The nn suite: engine step time, baseline time and their ratio. */
export const nnBench: BenchSuite = async () => {
  const data = generateDataset({ kind: 'spiral', seed: 1, count: BATCH });
  const trainer = createTrainer({
    spec: {
      inputSize: 2,
      layers: Array.from({ length: DEPTH }, (_, i) => ({
        units: i === DEPTH - 1 ? 1 : WIDTH,
        activation: i === DEPTH - 1 ? ('sigmoid' as const) : ('tanh' as const),
      })),
    },
    init: { type: 'xavier' },
    seed: 1,
    data,
    loss: 'bce',
    optimizer: { type: 'adam', lr: 1e-3 },
  });
  // The engine net maps 2 → 64 → … → 64 → 1; the baseline uses 64 × 64 everywhere, a slightly
  // larger job, so the ratio errs against the engine.
  const [engineMs, baselineMs] = timePair(() => trainer.step(), matmulBaseline());
  const ratio = engineMs / baselineMs;
  const rows: BenchRow[] = [
    {
      name: `nn: training step, ${DEPTH} layers × ${WIDTH} wide, batch ${BATCH} (fwd + bwd + Adam)`,
      value: engineMs,
      unit: 'ms',
      detail: `median; ${trainer.net.paramCount} parameters`,
    },
    {
      name: 'nn: same-shape Float64Array matmuls alone (baseline)',
      value: baselineMs,
      unit: 'ms',
      detail: 'forward Z = A Wᵀ, backward dW = δᵀA and dA = δW, hand-written',
    },
    {
      name: 'nn: training step vs matmul baseline',
      value: ratio,
      unit: 'x',
      detail: `${engineMs.toFixed(3)} ms vs ${baselineMs.toFixed(3)} ms`,
    },
  ];
  const slice = landscapeSliceMs();
  const what = `${slice.params} parameters, ${SLICE_SIDE ** 2} forward passes, progressive`;
  rows.push(
    {
      name: `nn: landscape slice ${SLICE_SIDE} × ${SLICE_SIDE}, 6 × 16 tanh net, 200 points (wall)`,
      value: slice.wallMs,
      unit: 'ms',
      budget: `<= ${SLICE_BUDGET_MS} ms`,
      pass: slice.wallMs <= SLICE_BUDGET_MS,
      detail: `median of 5; ${what}`,
    },
    {
      name: 'nn: landscape slice, CPU time of this process',
      value: slice.cpuMs,
      unit: 'ms',
      budget: `<= ${SLICE_BUDGET_MS} ms`,
      pass: slice.cpuMs <= SLICE_BUDGET_MS,
      detail: 'median of 5; the wall time on an idle core (load stretches the row above)',
    },
  );
  const request = landscapeRequestMs();
  rows.push({
    name: `nn: lab Landscape tab, PCA request (path PCA, ${SLICE_SIDE} × ${SLICE_SIDE} slice, 1-D interpolation), 6 × 16 net`,
    value: request.wallMs,
    unit: 'ms',
    budget: `<= ${SLICE_BUDGET_MS} ms`,
    pass: request.wallMs <= SLICE_BUDGET_MS,
    detail:
      `median of 3; CPU ${request.cpuMs.toFixed(0)} ms; ${request.snapshots} snapshots of ` +
      `${request.params} parameters; load ${loadavg()[0]!.toFixed(2)}`,
  });
  const largest = largestStep();
  rows.push({
    name: `nn: training step of the lab's largest net, ${MAX_LAYERS} layers × ${MAX_WIDTH} wide, batch 200`,
    value: largest.wallMs,
    unit: 'ms',
    budget: `<= ${LARGEST_STEP_BUDGET_MS} ms`,
    pass: largest.wallMs <= LARGEST_STEP_BUDGET_MS,
    detail:
      `median of 5; CPU ${largest.cpuMs.toFixed(0)} ms; ${largest.params} parameters; ` +
      `load ${loadavg()[0]!.toFixed(2)}`,
  });
  return rows;
};
