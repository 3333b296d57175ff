/**
 * "Copy as PyTorch" against torch: scripts/fixtures_pytorch_export.py exported a scene per case
 * with `cli pytorch`, ran the script with --json under torch 2.x and committed the output. The
 * exporter must still write that script, and the CLI's trajectory must equal torch's run of it
 * (to 1e-9 relative, lrs and momentums included), for every optimizer and every schedule, and for
 * noisy scenes, whose script adds the app's recorded gradient perturbations to p.grad.
 */
import { describe, expect, it } from 'vitest';
import data from '../engine/__fixtures__/pytorch_export/cases.json';
import { closeToTorch } from '../engine/__fixtures__/optim/fixture';
import { NOISE_TYPES } from '../engine/noise/spec';
import { SCHEDULE_TYPES } from '../engine/optimizers/schedule-spec';
import { OPTIMIZER_TYPES } from '../engine/optimizers';
import type { Scene } from '../engine/types';
import { runTrajectory } from '../cli/trajectory';
import type { TrajectoryOutput } from '../cli/trajectory';
import { sceneToPyTorch } from './pytorch';

interface ExportCase {
  readonly name: string;
  readonly scene: Scene;
  readonly script: string;
  readonly output: { readonly trajectories: readonly TrajectoryOutput[] };
}
const fixture = data as unknown as {
  readonly torch: string;
  readonly cases: readonly ExportCase[];
};

function differences(ours: TrajectoryOutput, torch: TrajectoryOutput, which: string): string[] {
  const out: string[] = [];
  const compare = (
    label: string,
    a: readonly number[] | undefined,
    b: readonly number[] | undefined,
  ) => {
    if ((a === undefined) !== (b === undefined) || (a ?? []).length !== (b ?? []).length) {
      out.push(`${which} ${label}: ${a?.length} values, torch ${b?.length}`);
      return;
    }
    (a ?? []).forEach((v, k) => {
      if (!closeToTorch(v, b![k]!)) out.push(`${which} ${label}[${k}]: ours ${v}, torch ${b![k]}`);
    });
  };
  if (ours.diverged !== torch.diverged)
    out.push(`${which}: diverged ${ours.diverged}, torch ${torch.diverged}`);
  compare(
    'x',
    ours.points.map((p) => p[0]!),
    torch.points.map((p) => p[0]!),
  );
  compare(
    'y',
    ours.points.map((p) => p[1]!),
    torch.points.map((p) => p[1]!),
  );
  compare('loss', ours.losses, torch.losses);
  compare('lr', ours.lrs, torch.lrs);
  compare('momentum', ours.momentums, torch.momentums);
  return out;
}

describe(`Copy as PyTorch, run under torch ${fixture.torch}`, () => {
  it('covers every optimizer and every schedule the engine has', () => {
    const optimizers = new Set(fixture.cases.flatMap((c) => c.scene.optimizers.map((o) => o.type)));
    const schedules = new Set(
      fixture.cases.flatMap((c) =>
        c.scene.optimizers.flatMap((o) => (o.schedule ? [o.schedule.type] : [])),
      ),
    );
    expect([...OPTIMIZER_TYPES].filter((t) => !optimizers.has(t))).toEqual([]);
    expect([...SCHEDULE_TYPES].filter((t) => !schedules.has(t))).toEqual([]);
  });

  it('covers every kind of gradient noise, and the noise moved each noisy path off the exact one', () => {
    const noisy = fixture.cases.filter((c) => c.scene.noise !== undefined);
    expect(NOISE_TYPES.filter((t) => !noisy.some((c) => c.scene.noise!.type === t))).toEqual([]);
    for (const c of noisy) {
      const exact: Record<string, unknown> = { ...c.scene };
      delete exact.noise;
      const result = runTrajectory(exact);
      if (!result.ok) expect.fail(JSON.stringify(result.errors));
      c.output.trajectories.forEach((torch, i) => {
        const last = torch.points.length - 1;
        expect(torch.points[last], `${c.name} #${i}`).not.toEqual(
          result.output.trajectories[i]!.points[last],
        );
      });
      // The script carries the recorded perturbations and adds them before the step.
      expect(c.script).toContain('NOISE = [');
      expect(c.script).toContain('p.grad += torch.tensor(deltas[k]');
    }
  });

  for (const c of fixture.cases) {
    describe(c.name, () => {
      it('is the script the exporter writes today', () => {
        expect(sceneToPyTorch(c.scene)).toBe(c.script);
      });

      it("prints, with --json, the CLI's trajectories", () => {
        const result = runTrajectory(c.scene);
        if (!result.ok) expect.fail(JSON.stringify(result.errors));
        const ours = result.output.trajectories;
        expect(ours).toHaveLength(c.output.trajectories.length);
        const problems: string[] = [];
        ours.forEach((t, i) => {
          const which = `#${i} ${JSON.stringify(c.scene.optimizers[i])}`;
          problems.push(...differences(t, c.output.trajectories[i]!, which));
        });
        expect(problems.slice(0, 5)).toEqual([]);
      });
    });
  }
});
