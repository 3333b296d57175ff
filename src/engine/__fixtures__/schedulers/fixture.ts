/** Types for the torch.optim.lr_scheduler fixtures written by scripts/fixtures_schedulers.py. */
import type { Scene } from '../../types';
import data from './cases.json';

/** One optimizer's path under a schedule, as torch ran it. */
export interface TorchScheduledTrajectory {
  readonly points: readonly (readonly [number, number])[];
  readonly losses: readonly number[];
  /** lrs[k]: param_groups[0]['lr'] when the step from point k to k + 1 ran. */
  readonly lrs: readonly number[];
  /** The momentum or betas[0] of each step, when the schedule cycles it. */
  readonly momentums?: readonly number[];
  readonly diverged: boolean;
}

export interface TorchScheduleCase {
  readonly name: string;
  readonly scene: Scene;
  readonly trajectories: readonly TorchScheduledTrajectory[];
}

/** A one-optimizer scene whose schedule torch refuses, with what torch raised. */
export interface TorchScheduleReject {
  readonly name: string;
  readonly scene: Scene;
  readonly torch_error: string;
}

interface Fixture {
  readonly torch: string;
  readonly cases: readonly TorchScheduleCase[];
  readonly rejects: readonly TorchScheduleReject[];
}

export const SCHEDULER_FIXTURE = data as unknown as Fixture;
