/**
 * The lab worker's work, as plain functions over the engine: one training session per slot,
 * created or replaced when its configuration changes, stepped on request and summarised in a
 * {@link LabSnapshot}. The worker file and the main-thread fallback both call {@link handleLabRequest}.
 */
import { activationStats } from '../../engine/nn/stats';
import type { ActivationStats } from '../../engine/nn/stats';
import { deltaNorms, layerGradientNorms } from '../../engine/nn/stats';
import type { Dataset } from '../../engine/nn/datasets';
import { createWorkspace, lossAndGradient } from '../../engine/nn/propagate';
import type { Workspace } from '../../engine/nn/propagate';
import { predict } from '../../engine/nn/train';
import type { Trainer } from '../../engine/nn/train';
import type { LabConfig, TrainSlot } from '../../engine/nn/labConfig';
import type { CancelFlag } from '../../engine/landscape/progressive';
import { runLandscape, runSharpness } from './landscape';
import { createLabTrainer, LAB_LOSS, labDataset, SATURATED_LOGIT } from './model';
import { pathUpTo, recordStep, startPath } from './path';
import type { SnapshotPath } from './path';
import { BOUNDARY_EXTENT, MAX_HISTORY, MAX_STEPS_PER_REQUEST } from './protocol';
import type {
  LabReply,
  LabRequest,
  LabSnapshot,
  LayerActivation,
  PathRequest,
  RunRequest,
} from './protocol';

/** Grid cells per side of the decision-boundary map (fewer on big nets, see {@link boundarySizeFor}). */
export const BOUNDARY_SIZE = 48;
/** Smallest boundary grid side. */
export const MIN_BOUNDARY_SIZE = 12;
/** Multiply-adds one boundary pass may cost, so a 64 × 256 net still answers in about a second. */
const BOUNDARY_BUDGET = 3e8;

/** Grid side for a net of `paramCount` parameters: full resolution unless the pass would be slow. */
export function boundarySizeFor(paramCount: number): number {
  const side = Math.floor(Math.sqrt(BOUNDARY_BUDGET / Math.max(1, paramCount)));
  return Math.max(MIN_BOUNDARY_SIZE, Math.min(BOUNDARY_SIZE, side));
}
/** Bins of each activation histogram. */
export const HISTOGRAM_BINS = 24;

interface Session {
  readonly key: string;
  readonly config: LabConfig;
  readonly trainer: Trainer;
  /** Weight snapshots kept while training, for the landscape. */
  readonly path: SnapshotPath;
  readonly data: Dataset;
  readonly losses: number[];
  diverged: boolean;
  /** Buffers the snapshots reuse: the full-data gradient and the boundary grid's pass. */
  readonly snapshotGrad: Float64Array;
  boundaryWorkspace: Workspace | null;
}

const sessions = new Map<TrainSlot, Session>();

function startSession(config: LabConfig): Session {
  const data = labDataset(config);
  const trainer = createLabTrainer(config, data);
  return {
    key: JSON.stringify(config),
    config,
    trainer,
    path: startPath(trainer.params),
    data,
    losses: [],
    diverged: false,
    snapshotGrad: new Float64Array(trainer.net.paramCount),
    boundaryWorkspace: null,
  };
}

function finite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

function norms(buffers: readonly Float64Array[]): Float64Array {
  return Float64Array.from(buffers, (v) => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
    return Math.sqrt(s);
  });
}

/** Bounded activations share their natural range; unbounded ones the range over all layers. */
function histogramRange(
  activation: string,
  stats: readonly ActivationStats[],
): readonly [number, number] {
  if (activation === 'sigmoid') return [0, 1];
  if (activation === 'tanh') return [-1, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of stats) {
    if (Number.isFinite(s.min)) lo = Math.min(lo, s.min);
    if (Number.isFinite(s.max)) hi = Math.max(hi, s.max);
  }
  return Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? [lo, hi] : [-1, 1];
}

function boundaryGrid(session: Session, size: number): Float32Array {
  const { trainer } = session;
  const input = new Float64Array(size * size * 2);
  const cell = (2 * BOUNDARY_EXTENT) / size;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const p = 2 * (r * size + c);
      input[p] = -BOUNDARY_EXTENT + (c + 0.5) * cell;
      input[p + 1] = BOUNDARY_EXTENT - (r + 0.5) * cell;
    }
  }
  const count = size * size;
  if (session.boundaryWorkspace?.batch !== count)
    session.boundaryWorkspace = createWorkspace(trainer.net, count);
  const out = predict(
    trainer.net,
    trainer.params,
    input,
    count,
    trainer.stats,
    session.boundaryWorkspace,
  );
  // The network gives logits; the boundary plot shows P(class 1) = σ(z).
  return Float32Array.from(out, (z) => 1 / (1 + Math.exp(-z)));
}

/**
 * Summarises a session at its current parameters: one full-batch forward and backward pass (batch
 * norm on batch statistics, running statistics untouched) for gradient norms, δ and activations,
 * and an inference pass over the boundary grid.
 */
export function snapshotOf(session: Session, ms: number): LabSnapshot {
  const { trainer, data } = session;
  const { net } = trainer;
  const ws = trainer.workspace;
  const grad = session.snapshotGrad;
  const loss = lossAndGradient(
    net,
    trainer.params,
    data.input,
    data.target,
    LAB_LOSS,
    ws,
    grad,
    'train',
  );
  // The output is the logit z of class 1: predicted class 1 where z ≥ 0 (σ(z) ≥ ½).
  const logits = ws.layers[ws.layers.length - 1]!.a;
  let correct = 0;
  let saturated = 0;
  let saturatedWrong = 0;
  for (let i = 0; i < data.count; i++) {
    const right = logits[i]! >= 0 === data.target[i]! >= 0.5;
    if (right) correct++;
    if (Math.abs(logits[i]!) > SATURATED_LOGIT) {
      saturated++;
      if (!right) saturatedWrong++;
    }
  }
  const hidden = net.layers[0]!.activation;
  const raw = activationStats(net, ws, { bins: HISTOGRAM_BINS });
  const range = histogramRange(hidden, raw.slice(0, -1));
  const stats = activationStats(net, ws, { bins: HISTOGRAM_BINS, range });
  const activations: LayerActivation[] = stats.map((s) => ({
    histogram: Array.from(s.histogram),
    lo: s.lo,
    hi: s.hi,
    mean: s.mean,
    std: s.std,
    saturated: s.saturated,
  }));
  const side = boundarySizeFor(net.paramCount);
  const diverged = session.diverged || !Number.isFinite(loss) || !finite(trainer.params);
  return {
    step: trainer.stepCount,
    losses: Float64Array.from(session.losses),
    loss,
    accuracy: correct / data.count,
    outputSaturation: { saturated, wrong: saturatedWrong, count: data.count },
    weightGradNorms: layerGradientNorms(net, grad).weight,
    deltaNorms: deltaNorms(ws),
    activationNorms: norms(ws.layers.map((b) => b.a)),
    inputNorm: norms([data.input])[0]!,
    weightNorms: Float64Array.from(
      net.layers,
      (l) => norms([trainer.params.subarray(l.wOffset, l.bOffset)])[0]!,
    ),
    activations,
    boundary: diverged
      ? new Float32Array(side * side).fill(Number.NaN)
      : boundaryGrid(session, side),
    boundarySize: side,
    diverged,
    ms,
  };
}

/** The path a slot's session kept, ending at its current weights. */
function pathReply(request: PathRequest): LabReply {
  const session = sessions.get(request.slot);
  if (!session) throw new Error(`slot ${request.slot}: nothing has been trained yet`);
  const { trainer } = session;
  const { steps, snapshots } = pathUpTo(session.path, trainer.stepCount, trainer.params);
  const P = trainer.net.paramCount;
  const params = new Float64Array(steps.length * P);
  snapshots.forEach((s, i) => params.set(s, i * P));
  return {
    id: request.id,
    runId: request.runId,
    type: 'path',
    path: { config: session.config, steps: Float64Array.from(steps), params, paramCount: P },
  };
}

/**
 * Answers any request through `post`: 'run' and 'path' at once, 'landscape' streaming progress
 * (see {@link runLandscape}; `signal` and `pause` are its). Never throws.
 */
export async function handleLabMessage(
  request: LabRequest,
  post: (reply: LabReply) => void,
  signal?: CancelFlag,
  pause?: () => Promise<void>,
): Promise<void> {
  if (request.type === 'landscape') return runLandscape(request, post, signal, pause);
  if (request.type === 'sharpness') return runSharpness(request, post, signal, pause);
  post(handleLabRequest(request));
}

/** Answers one 'run' or 'path' request; never throws (an engine error becomes an 'error' reply). */
export function handleLabRequest(
  request: RunRequest | PathRequest,
  now: () => number = () => performance.now(),
): LabReply {
  const t0 = now();
  try {
    if (request.type === 'path') return pathReply(request);
    const key = JSON.stringify(request.config);
    let session = sessions.get(request.slot);
    if (request.reset || !session || session.key !== key) {
      session = startSession(request.config);
      sessions.set(request.slot, session);
    }
    const steps = Math.max(0, Math.min(MAX_STEPS_PER_REQUEST, Math.floor(request.steps)));
    for (let i = 0; i < steps && !session.diverged; i++) {
      const { loss } = session.trainer.step();
      recordStep(session.path, session.trainer.stepCount, session.trainer.params);
      session.losses.push(loss);
      if (session.losses.length > MAX_HISTORY) session.losses.shift();
      if (!Number.isFinite(loss)) session.diverged = true;
    }
    const snapshot = snapshotOf(session, 0);
    return {
      id: request.id,
      runId: request.runId,
      type: 'snapshot',
      snapshot: { ...snapshot, ms: now() - t0 },
    };
  } catch (error) {
    return {
      id: request.id,
      runId: request.runId,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Typed arrays of a reply, to transfer rather than copy. */
export function transferablesOf(reply: LabReply): Transferable[] {
  if (reply.type === 'path')
    return [reply.path.steps.buffer, reply.path.params.buffer] as Transferable[];
  if (reply.type === 'landscape' || reply.type === 'landscape-progress') {
    // Progress replies carry a fresh copy of the grid; the other arrays are small and copied.
    return [reply.result.grid.buffer] as Transferable[];
  }
  if (reply.type === 'sharpness' || reply.type === 'sharpness-progress') return [];
  if (reply.type !== 'snapshot') return [];
  const s = reply.snapshot;
  return [
    s.losses.buffer,
    s.weightGradNorms.buffer,
    s.deltaNorms.buffer,
    s.activationNorms.buffer,
    s.weightNorms.buffer,
    s.boundary.buffer,
  ] as Transferable[];
}
