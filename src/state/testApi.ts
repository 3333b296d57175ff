/**
 * `window.__descent`: what the canvas hides, for end-to-end tests only (trajectory points per
 * optimizer, the cursor, diverged flags, the scene, how many scenes were painted).
 */
import type { Domain, Scene } from '../engine/types';
import { visibleDomain } from './engine';
import { useDescent } from './store';

/** One optimizer's path as the test API reports it. */
export interface TestTrajectory {
  readonly label: string;
  readonly hidden: boolean;
  readonly diverged: boolean;
  readonly length: number;
  readonly points: [number, number][];
}

/** The test API's shape. */
export interface DescentTestApi {
  scene(): Scene;
  trajectories(): TestTrajectory[];
  cursor(): number;
  playing(): boolean;
  /** Number of 'scene-painted' marks so far. */
  paintCount(): number;
  /** Whether the trajectories on screen belong to the current scene. */
  settled(): boolean;
  /** The domain rectangle the map shows. */
  domain(): Domain;
}

declare global {
  interface Window {
    __descent?: DescentTestApi;
  }
}

/** Installs the test API on `window`. */
export function installTestApi(): void {
  window.__descent = {
    scene: () => useDescent.getState().scene,
    trajectories: () => {
      const s = useDescent.getState();
      return s.trajectories.map((tr, i) => {
        const config = s.scene.optimizers[i];
        const points: [number, number][] = [];
        for (let k = 0; k < tr.length; k++) points.push([tr.points[2 * k]!, tr.points[2 * k + 1]!]);
        return {
          label: config?.label ?? config?.type ?? '',
          hidden: config?.hidden === true,
          diverged: tr.diverged,
          length: tr.length,
          points,
        };
      });
    },
    cursor: () => useDescent.getState().cursor,
    playing: () => useDescent.getState().playing,
    paintCount: () => performance.getEntriesByName('scene-painted').length,
    domain: () => visibleDomain(useDescent.getState()),
    settled: () => {
      const s = useDescent.getState();
      return s.trajectoriesScene === s.scene;
    },
  };
}
