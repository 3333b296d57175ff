/**
 * The analysis drawer's state: which view is open and each view's inputs, plus the basin map being
 * computed (typed arrays, never in the URL). Its URL form (`analysis=`) is read and written by
 * ./analysisUrl, which loads after the first paint: the first screen needs only this store.
 */
import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import type { RegressionKind } from '../engine/analysis/dataset';
import type { Domain, DomainPoint } from '../engine/types';

/** The drawer's views. */
export const ANALYSIS_TABS = ['race', 'sweep', 'stability', 'basins', 'minibatch', 'step'] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];

/** Everything about the drawer a link keeps. */
export interface AnalysisSettings {
  readonly open: boolean;
  readonly tab: AnalysisTab;
  /** Race and sweep criterion: within ε of the minimum's loss. */
  readonly epsilon: number;
  /** Optimizer (scene index) of the sweep, the basin map. */
  readonly sweepIndex: number;
  readonly basinIndex: number;
  /** Basin grid side and step budget. */
  readonly basinSize: number;
  readonly basinSteps: number;
  /** Whether the basin map is drawn over the contour map. */
  readonly basinOverlay: boolean;
  /** Mini-batch playground: data kind, size N, seed, batch size, lr and steps. */
  readonly mbKind: RegressionKind;
  readonly mbN: number;
  readonly mbSeed: number;
  readonly mbBatch: number;
  readonly mbLr: number;
  readonly mbSteps: number;
}

export const DEFAULT_ANALYSIS: AnalysisSettings = {
  open: false,
  tab: 'race',
  epsilon: 1e-3,
  sweepIndex: 0,
  basinIndex: 0,
  basinSize: 128,
  basinSteps: 500,
  basinOverlay: true,
  mbKind: 'linear',
  mbN: 64,
  mbSeed: 1,
  mbBatch: 8,
  mbLr: 0.1,
  mbSteps: 100,
};

/** Limits the URL reader clamps to. */
export const ANALYSIS_LIMITS = {
  basinSize: [8, 256],
  basinSteps: [1, 5000],
  mbN: [2, 1000],
  mbSteps: [1, 2000],
  mbSeed: [0, 2 ** 31 - 1],
  index: [0, 11],
} as const;

/** A basin map as it fills: labels row-major (row 0 at the top), rows filled so far. */
export interface BasinState {
  readonly size: number;
  readonly domain: Domain;
  readonly labels: Int16Array;
  readonly rowsDone: number;
  readonly attractors: readonly DomainPoint[];
  readonly knownCount: number;
  readonly done: boolean;
  /** Bumped on each change so canvases redraw. */
  readonly version: number;
  /** What the map was computed for (surface, domain, grid, budget, optimizer), to skip recomputing it. */
  readonly key: string;
}

interface AnalysisState extends AnalysisSettings {
  basins: BasinState | null;
  set: (patch: Partial<AnalysisSettings>) => void;
  setBasins: (basins: BasinState | null) => void;
}

/** The drawer's store. */
export const useAnalysis = create<AnalysisState>()(
  subscribeWithSelector((set) => ({
    ...DEFAULT_ANALYSIS,
    basins: null,
    set: (patch) => set(patch),
    setBasins: (basins) => set({ basins }),
  })),
);

/** The settings part of the store. */
export function analysisSettings(state: AnalysisSettings): AnalysisSettings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_ANALYSIS)) out[key] = state[key as keyof AnalysisSettings];
  return out as unknown as AnalysisSettings;
}
