/**
 * The typed message protocol between the UI and the engine worker. Every request carries an `id`
 * (to match its reply) and a `runId` (so the client can drop replies of a superseded run).
 */
import type { SurfaceLayer, SurfaceLayerRequest } from '../engine/contours/types';
import type { Scene, Trajectory } from '../engine/types';

// The layer types live in the engine (pure data); re-exported for callers that import them here.
export type {
  ContourPath,
  LevelSpacing,
  SurfaceLayer,
  SurfaceLayerRequest,
} from '../engine/contours/types';

/** UI → worker. */
export type WorkerRequest =
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'simulate';
      readonly scene: Scene;
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'surface';
      readonly request: SurfaceLayerRequest;
    };

/** Worker → UI. */
export type WorkerReply =
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'simulate';
      readonly trajectories: readonly Trajectory[];
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'surface';
      readonly layer: SurfaceLayer;
    }
  | {
      readonly id: number;
      readonly runId: number;
      readonly type: 'error';
      readonly message: string;
    };

/** The request types, which are also the reply types of a success. */
export type RequestType = WorkerRequest['type'];
