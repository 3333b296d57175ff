/**
 * Toy 2-D classification sets for the lab, generated from a seed so a shared link shows the same
 * points. Labels are 0/1 (one sigmoid output with bce, or mse on the same target). Points lie
 * roughly in [−1.5, 1.5]².
 */
import { createRng } from './rng';
import type { Rng } from './rng';

/** The dataset names, in display order. */
export const DATASETS = ['spiral', 'moons', 'circles', 'xor'] as const;
/** One of {@link DATASETS}. */
export type DatasetKind = (typeof DATASETS)[number];

/** A labelled point set in the row-major layout the network takes. */
export interface Dataset {
  /** Which generator made it. */
  readonly kind: DatasetKind;
  /** Number of points. */
  readonly count: number;
  /** count × 2: [x0, y0, x1, y1, ...]. */
  readonly input: Float64Array;
  /** count × 1: each 0 or 1. */
  readonly target: Float64Array;
}

/** What to generate. */
export interface DatasetOptions {
  /** Which shape to draw. */
  readonly kind: DatasetKind;
  /** Total points (split evenly between the classes; default 200). */
  readonly count?: number;
  /** Standard deviation of the Gaussian jitter added to each coordinate (default 0.1). */
  readonly noise?: number;
  /** Same seed, same points. */
  readonly seed: number;
}

type PointMaker = (
  rng: Rng,
  label: 0 | 1,
  i: number,
  perClass: number,
) => readonly [number, number];

/** Two interleaved arms r ∝ t, the second rotated by π (tensorflow/playground's spiral). */
const spiral: PointMaker = (_rng, label, i, perClass) => {
  const r = (i / perClass) * 1.4;
  const t = ((1.75 * i) / perClass) * 2 * Math.PI + label * Math.PI;
  return [r * Math.sin(t), r * Math.cos(t)];
};

/** sklearn's make_moons, centred: an upper half circle and a lower one shifted right. */
const moons: PointMaker = (_rng, label, i, perClass) => {
  const t = (Math.PI * i) / Math.max(1, perClass - 1);
  return label === 0
    ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25]
    : [0.5 - Math.cos(t), 0.25 - Math.sin(t)];
};

/** sklearn's make_circles with factor 0.5: class 1 on the inner circle. */
const circles: PointMaker = (_rng, label, i, perClass) => {
  const t = (2 * Math.PI * i) / perClass;
  const r = label === 0 ? 1 : 0.5;
  return [r * Math.cos(t), r * Math.sin(t)];
};

/** Uniform in the four quadrants; class 1 where x and y share a sign. Kept off the axes by 0.05. */
const xor: PointMaker = (rng, label) => {
  const mag = (): number => rng.uniform(0.05, 1);
  const sx = rng.next() < 0.5 ? -1 : 1;
  const sy = label === 1 ? sx : -sx;
  return [sx * mag(), sy * mag()];
};

const MAKERS: Readonly<Record<DatasetKind, PointMaker>> = { spiral, moons, circles, xor };

/** Generates a dataset; the same options give the same arrays. Classes alternate 0, 1, 0, 1, … */
export function generateDataset(options: DatasetOptions): Dataset {
  const count = Math.max(2, Math.floor(options.count ?? 200));
  const noise = options.noise ?? 0.1;
  const rng = createRng(options.seed);
  const input = new Float64Array(count * 2);
  const target = new Float64Array(count);
  const perClass = Math.ceil(count / 2);
  const make = MAKERS[options.kind];
  for (let p = 0; p < count; p++) {
    const label = (p % 2) as 0 | 1;
    const [x, y] = make(rng, label, Math.floor(p / 2), perClass);
    input[2 * p] = x + noise * rng.normal();
    input[2 * p + 1] = y + noise * rng.normal();
    target[p] = label;
  }
  return { kind: options.kind, count, input, target };
}
