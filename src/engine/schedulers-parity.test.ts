/**
 * Every schedule against torch.optim.lr_scheduler (scripts/fixtures_schedulers.py, float64): the
 * points, losses, the lr of every step and the cycled momentum or β1 match to 1e-9 relative; the
 * schedules torch refuses are refused by the validator, naming a field of the schedule.
 */
import { describe, expect, it } from 'vitest';
import { closeToTorch } from './__fixtures__/optim/fixture';
import { SCHEDULER_FIXTURE } from './__fixtures__/schedulers/fixture';
import { parseScene } from './scene';
import { simulate } from './simulate';
import { resolveSurface } from './surfaces';

function mismatches(label: string, ours: ArrayLike<number>, torch: readonly number[]): string[] {
  const out: string[] = [];
  if (ours.length !== torch.length)
    out.push(`${label}: ${ours.length} values, torch ${torch.length}`);
  for (let k = 0; k < Math.min(ours.length, torch.length); k++) {
    if (!closeToTorch(ours[k]!, torch[k]!))
      out.push(`${label}[${k}]: ours ${ours[k]}, torch ${torch[k]}`);
  }
  return out;
}

describe(`schedules match torch ${SCHEDULER_FIXTURE.torch}`, () => {
  it('the fixture comes from torch 2.x', () => {
    expect(SCHEDULER_FIXTURE.torch).toMatch(/^2\./);
  });

  for (const c of SCHEDULER_FIXTURE.cases) {
    it(`${c.name}: points, losses, lrs and momentums`, () => {
      const parsed = parseScene(c.scene);
      if (!parsed.ok) expect.fail(JSON.stringify(parsed.errors));
      const resolved = resolveSurface(c.scene.surface);
      if (!resolved.ok) expect.fail(resolved.error.message);
      const trajectories = simulate(parsed.scene, resolved.surface);
      const problems: string[] = [];
      trajectories.forEach((ours, i) => {
        const torch = c.trajectories[i]!;
        const which = `#${i} ${JSON.stringify(c.scene.optimizers[i]!.schedule)}`;
        if (ours.length !== torch.points.length || ours.diverged !== torch.diverged) {
          problems.push(
            `${which}: ${ours.length} points (diverged ${ours.diverged}), torch ${torch.points.length} (${torch.diverged})`,
          );
        }
        const xs = Array.from({ length: ours.length }, (_, k) => ours.points[2 * k]!);
        const ys = Array.from({ length: ours.length }, (_, k) => ours.points[2 * k + 1]!);
        problems.push(
          ...mismatches(
            `${which} x`,
            xs,
            torch.points.map((p) => p[0]),
          ),
        );
        problems.push(
          ...mismatches(
            `${which} y`,
            ys,
            torch.points.map((p) => p[1]),
          ),
        );
        problems.push(
          ...mismatches(`${which} loss`, ours.losses.subarray(0, ours.length), torch.losses),
        );
        problems.push(...mismatches(`${which} lr`, ours.lrs ?? [], torch.lrs));
        if (torch.momentums)
          problems.push(...mismatches(`${which} momentum`, ours.momentums ?? [], torch.momentums));
        else if (ours.momentums) problems.push(`${which}: we cycle momentum, torch does not`);
      });
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }

  for (const r of SCHEDULER_FIXTURE.rejects) {
    it(`refuses what torch refuses: ${r.name}`, () => {
      const parsed = parseScene(r.scene);
      expect(parsed.ok, `torch: ${r.torch_error}`).toBe(false);
      if (parsed.ok) return;
      expect(parsed.errors.map((e) => e.path).join(' ')).toMatch(
        /^optimizers\[0\]\.schedule\.[a-z_]/,
      );
    });
  }
});
