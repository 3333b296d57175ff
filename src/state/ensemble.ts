/**
 * Ensemble mode (issue 14): whether the map also draws N seeds of the noisy scene. A display
 * setting beside the scene, not part of it (the Scene, its URL and the CLI are one run).
 */
import { create } from 'zustand';

/** Seeds an ensemble draws: enough for a fraction in steps of 5 %, few enough to stay readable. */
export const ENSEMBLE_SIZE = 20;

export interface EnsembleState {
  /** Runs drawn besides the scene's own (0: ensemble mode off). */
  readonly count: number;
  setCount(count: number): void;
}

export const useEnsemble = create<EnsembleState>()((set) => ({
  count: 0,
  setCount: (count) => set({ count }),
}));
