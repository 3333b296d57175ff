import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Runs the real command the README documents, through the same runner npm uses.
function cli(
  args: string[],
  stdin: string,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    input: stdin,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test spawns node with tsx; on a loaded machine that alone can take seconds.
describe('cli trajectory', { timeout: 60_000 }, () => {
  it('prints one trajectory per optimizer, start first, in the scene order', () => {
    const scene = {
      surface: { expr: 'x^2/10 + y^2' },
      start: [-4, 2],
      steps: 3,
      optimizers: [
        { type: 'sgd', lr: 0.1 },
        { type: 'adam', lr: 0.1 },
      ],
    };
    const { status, stdout, stderr } = cli(['trajectory', '-'], JSON.stringify(scene));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as {
      trajectories: { points: number[][]; losses: number[]; diverged: boolean }[];
    };
    expect(out.trajectories).toHaveLength(2);
    const sgd = out.trajectories[0]!;
    expect(sgd.points).toHaveLength(4);
    expect(sgd.points[0]).toEqual([-4, 2]);
    // By hand: ∇f(-4, 2) = (-0.8, 4), so one SGD step of 0.1 lands at (-3.92, 1.6).
    expect(sgd.points[1]![0]).toBeCloseTo(-3.92, 12);
    expect(sgd.points[1]![1]).toBeCloseTo(1.6, 12);
    expect(sgd.losses[0]).toBeCloseTo(1.6 + 4, 12);
    expect(sgd.diverged).toBe(false);
    // Adam's first step moves every coordinate by lr (bias-corrected m/√v = sign g).
    const adam = out.trajectories[1]!;
    expect(adam.points[1]![0]).toBeCloseTo(-3.9, 6);
    expect(adam.points[1]![1]).toBeCloseTo(1.9, 6);
  });

  it('marks a too-large learning rate as diverged and keeps the finite prefix', () => {
    const scene = {
      start: [-4, 2],
      steps: 2000,
      optimizers: [
        { type: 'sgd', lr: 1.5 },
        { type: 'sgd', lr: 0.1 },
      ],
    };
    const out = JSON.parse(cli(['trajectory', '-'], JSON.stringify(scene)).stdout) as {
      trajectories: { points: number[][]; losses: number[]; diverged: boolean }[];
    };
    const [wild, calm] = out.trajectories;
    expect(wild!.diverged).toBe(true);
    expect(wild!.points.length).toBeLessThan(2001);
    expect(wild!.points.length).toBe(wild!.losses.length);
    expect(wild!.losses.every(Number.isFinite)).toBe(true);
    expect(calm!.diverged).toBe(false);
    expect(calm!.points).toHaveLength(2001);
  });

  it('names the bad field on stderr and exits non-zero', () => {
    const { status, stdout, stderr } = cli(
      ['trajectory', '-'],
      JSON.stringify({ optimizers: [{ type: 'adam', lr: -1 }] }),
    );
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('optimizers[0].lr');
  });

  it('refuses a start where f is not finite, naming start and the value f takes there', () => {
    // log(x) at x = 0 is -inf and sqrt(x) at x < 0 is nan: torch would stop before any step.
    for (const [expr, start, value] of [
      ['log(x)', [0, 0], '-inf'],
      ['sqrt(x) + y', [-1, 2], 'nan'],
      ['1/(x^2 + y^2)', [0, 0], 'inf'],
    ] as const) {
      const scene = { surface: { expr }, start, steps: 1, optimizers: [{ type: 'sgd' }] };
      const { status, stdout, stderr } = cli(['trajectory', '-'], JSON.stringify(scene));
      expect(status, expr).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(new RegExp(`^start: f\\(${start[0]}, ${start[1]}\\) = ${value}:`));
      expect(stderr).toContain('outside where f is defined');
    }
  });

  it('prints the lr every step used, and the momentum a one-cycle schedule cycles', () => {
    const scene = {
      surface: { id: 'quadratic' },
      start: [-4, 2],
      steps: 4,
      optimizers: [
        { type: 'sgd', lr: 0.1, schedule: { type: 'step', step_size: 2, gamma: 0.5 } },
        { type: 'sgd', lr: 0.1, schedule: { type: 'onecycle', max_lr: 0.5 } },
      ],
    };
    const out = JSON.parse(cli(['trajectory', '-'], JSON.stringify(scene)).stdout) as {
      trajectories: { points: number[][]; lrs: number[]; momentums?: number[] }[];
    };
    const [stepped, cycled] = out.trajectories;
    expect(stepped!.lrs).toEqual([0.1, 0.1, 0.05, 0.05]);
    expect(stepped!.momentums).toBeUndefined();
    expect(cycled!.lrs).toHaveLength(4);
    expect(cycled!.lrs[0]).toBeCloseTo(0.5 / 25, 15);
    expect(cycled!.momentums?.[0]).toBe(0.95);
  });

  it('prints the Copy as PyTorch script for a scene, and refuses a bad scene like trajectory', () => {
    const scene = {
      steps: 3,
      optimizers: [{ type: 'adam', lr: 0.1, schedule: { type: 'cosine', t_max: 3 } }],
    };
    const { status, stdout } = cli(['pytorch', '-'], JSON.stringify(scene));
    expect(status).toBe(0);
    expect(stdout).toContain('torch.optim.Adam(params, lr=0.1)');
    expect(stdout).toContain('torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=3)');
    expect(stdout).toContain('--json');
    const bad = cli(['pytorch', '-'], JSON.stringify({ steps: 0 }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('steps');
    // A start where f is not finite: refused as trajectory refuses it, no script that runs nothing.
    const nowhere = {
      surface: { expr: 'log(x)' },
      start: [0, 0],
      steps: 1,
      optimizers: [{ type: 'sgd' }],
    };
    for (const command of ['pytorch', 'trajectory']) {
      const refused = cli([command, '-'], JSON.stringify(nowhere));
      expect(refused.status, command).toBe(1);
      expect(refused.stderr, command).toContain('start');
      expect(refused.stdout, command).toBe('');
    }
  });

  it('says when the input is not JSON, or the command is unknown', () => {
    const bad = cli(['trajectory', '-'], '{"start": [1,');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/not valid JSON/);
    const usage = cli(['fly', '-'], '{}');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage/);
  });
});

describe('cli trajectory with gradient noise', { timeout: 60_000 }, () => {
  const noisy = (noise: unknown) => ({
    surface: { id: 'bumps' },
    start: [3, -3],
    steps: 40,
    optimizers: [
      { type: 'sgd', lr: 0.5 },
      { type: 'sgd', lr: 0.5, momentum: 0.9 },
    ],
    noise,
  });
  const run = (scene: unknown): number[][][] => {
    const { status, stdout, stderr } = cli(['trajectory', '-'], JSON.stringify(scene));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    return (JSON.parse(stdout) as { trajectories: { points: number[][] }[] }).trajectories.map(
      (t) => t.points,
    );
  };

  it('prints the same points for the same seed and other points for another seed', () => {
    for (const noise of [
      { type: 'gaussian', scale: 0.3, seed: 11 },
      { type: 'minibatch', batch_size: 3, seed: 11 },
    ]) {
      const a = run(noisy(noise));
      expect(run(noisy(noise))).toEqual(a);
      const b = run(noisy({ ...noise, seed: 12 }));
      expect(b[0]![0]).toEqual(a[0]![0]);
      expect(b[0]![5]).not.toEqual(a[0]![5]);
      expect(a[1]![5]).not.toEqual(run(noisy(undefined))[1]![5]);
    }
  });

  it('names the noise field of a bad scene on stderr and exits 1', () => {
    const bad = cli(
      ['trajectory', '-'],
      JSON.stringify({
        ...noisy({ type: 'minibatch', batch_size: 2, seed: 1 }),
        surface: { id: 'quadratic' },
      }),
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^noise\.type: minibatch noise needs a sum over data/);
  });
});
