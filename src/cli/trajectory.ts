/** The `trajectory` command: a Scene in, every optimizer's path out, as DESIGN.md's CLI contract says. */
import { parseScene } from '../engine/scene';
import { simulate } from '../engine/simulate';
import { checkStart } from '../engine/start';
import { resolveSurface } from '../engine/surfaces';
import type { FieldError, Scene, Surface } from '../engine/types';

/** The CLI's JSON shape for one optimizer. */
export interface TrajectoryOutput {
  readonly points: number[][];
  readonly losses: number[];
  readonly diverged: boolean;
  /** lrs[k]: the learning rate of the step from point k to point k + 1. */
  readonly lrs: number[];
  /** momentums[k]: that step's momentum or β1, when the schedule cycles it. */
  readonly momentums?: number[];
  /** torch's exception when torch raises inside the step after the last point (see Trajectory). */
  readonly raised?: string;
}

/**
 * A scene the CLI can run: validated strictly, its surface resolved, and f finite at its start
 * (nothing to show is an error: torch's loop would stop before its first step). Shared by the
 * `trajectory` and `pytorch` commands, so a script is written only for a scene that runs.
 */
export function readRunnableScene(
  input: unknown,
):
  | { readonly ok: true; readonly scene: Scene; readonly surface: Surface }
  | { readonly ok: false; readonly errors: readonly FieldError[] } {
  const parsed = parseScene(input);
  if (!parsed.ok) return parsed;
  const resolved = resolveSurface(parsed.scene.surface);
  if (!resolved.ok) return { ok: false, errors: [resolved.error] };
  const outside = checkStart(resolved.surface, parsed.scene.start);
  if (outside) return { ok: false, errors: [outside] };
  return { ok: true, scene: parsed.scene, surface: resolved.surface };
}

/** Validates the scene strictly and simulates it; errors name the field. */
export function runTrajectory(
  input: unknown,
):
  | { readonly ok: true; readonly output: { trajectories: TrajectoryOutput[] } }
  | { readonly ok: false; readonly errors: readonly FieldError[] } {
  const read = readRunnableScene(input);
  if (!read.ok) return read;
  const trajectories = simulate(read.scene, read.surface).map((t) => {
    const points: number[][] = [];
    for (let i = 0; i < t.length; i++) points.push([t.points[2 * i]!, t.points[2 * i + 1]!]);
    return {
      points,
      losses: Array.from(t.losses.subarray(0, t.length)),
      diverged: t.diverged,
      lrs: Array.from(t.lrs ?? []),
      ...(t.momentums ? { momentums: Array.from(t.momentums) } : {}),
      // torch raises in the next step: its own script stops there with this exception.
      ...(t.raised !== undefined ? { raised: t.raised } : {}),
    };
  });
  return { ok: true, output: { trajectories } };
}
