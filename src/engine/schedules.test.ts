/** Schedules in the Scene: validation with torch's checks, and the URL text of every type. */
import { describe, expect, it } from 'vitest';
import { SCHEDULE_TYPES } from './optimizers/schedule-spec';
import { scheduleValues } from './optimizers/schedule';
import { parseScene, validateScene } from './scene';
import { decodeSceneParam, encodeSceneParam } from './scene-url';
import type { OptimizerConfig, Scene, Schedule } from './types';

const EVERY: readonly Schedule[] = [
  { type: 'step', step_size: 7 },
  { type: 'multistep', milestones: [30, 80, 80], gamma: 0.5 },
  { type: 'exponential', gamma: 0.97 },
  { type: 'cosine', t_max: 50, eta_min: 1e-4 },
  { type: 'linear', start_factor: 0.25, end_factor: 1, total_iters: 12 },
  { type: 'constant', factor: 0.5, total_iters: 4 },
  { type: 'polynomial', total_iters: 90, power: 2.5 },
  { type: 'cosine_warm_restarts', t_0: 10, t_mult: 2, eta_min: 0.001 },
  {
    type: 'onecycle',
    max_lr: 0.3,
    total_steps: 150,
    pct_start: 0.25,
    anneal_strategy: 'linear',
    cycle_momentum: true,
    base_momentum: 0.8,
    max_momentum: 0.9,
    div_factor: 10,
    final_div_factor: 1000,
    three_phase: true,
  },
  {
    type: 'cyclic',
    base_lr: 0.01,
    max_lr: 0.1,
    step_size_up: 5,
    step_size_down: 9,
    mode: 'exp_range',
    gamma: 0.99,
    scale_mode: 'iterations',
    cycle_momentum: false,
    base_momentum: 0.7,
    max_momentum: 0.95,
  },
  {
    type: 'sequential',
    schedulers: [
      { type: 'linear', start_factor: 0.1, total_iters: 10 },
      { type: 'multistep', milestones: [20, 40] },
      { type: 'cosine', t_max: 90 },
    ],
    milestones: [10, 60],
  },
  {
    type: 'plateau',
    mode: 'max',
    factor: 0.5,
    patience: 3,
    threshold: 0.01,
    threshold_mode: 'abs',
    cooldown: 2,
    min_lr: 1e-5,
    eps: 1e-9,
  },
];

const sceneWith = (config: OptimizerConfig, steps = 150): Scene => ({
  surface: { id: 'rosenbrock' },
  start: [-1, 1],
  steps,
  optimizers: [config],
});

const paths = (input: unknown): string[] => validateScene(input).errors.map((e) => e.path);

describe('schedules in a scene', () => {
  it('covers every schedule type in this file', () => {
    expect(new Set(EVERY.map((s) => s.type))).toEqual(new Set(SCHEDULE_TYPES));
  });

  it('accepts every type with every field, and the URL text reads back as the same scene', () => {
    for (const schedule of EVERY) {
      const scene = sceneWith({ type: 'adam', lr: 0.05, schedule });
      expect(parseScene(scene), schedule.type).toEqual({ ok: true, scene });
      const text = encodeSceneParam(scene);
      const back = decodeSceneParam(text);
      expect(back.errors, text).toEqual([]);
      expect(back.scene, text).toEqual(scene);
    }
  });

  it("reads CyclicLR's step_size_down:none as torch's None, in JSON and in the URL, both ways", () => {
    const schedule = { type: 'cyclic', base_lr: 0.01, max_lr: 0.1, step_size_down: null };
    const json = validateScene(
      sceneWith({ type: 'sgd', momentum: 0.9, schedule } as OptimizerConfig),
    );
    expect(json.errors).toEqual([]);
    const text = encodeSceneParam(json.scene);
    const back = decodeSceneParam(text);
    expect(back.errors, text).toEqual([]);
    expect(back.scene).toEqual(json.scene);
    const typed = decodeSceneParam(
      'f:quadratic;p:-4,2;n:50;o:sgd,momentum=0.9,schedule=cyclic/base_lr:0.01/max_lr:0.1/step_size_down:none',
    );
    expect(typed.errors).toEqual([]);
    expect(typed.scene.optimizers[0]!.schedule).toEqual(json.scene.optimizers[0]!.schedule);
    // Only where torch takes None: elsewhere "none" is still named as a bad number.
    const bad = decodeSceneParam('f:quadratic;p:-4,2;n:50;o:sgd,schedule=step/step_size:none');
    expect(bad.errors.map((e) => e.path)).toEqual(['optimizers[0].schedule.step_size']);
  });

  it('keeps the URL text readable', () => {
    const text = encodeSceneParam(sceneWith({ type: 'adam', schedule: EVERY[10]! }));
    expect(text).toContain(
      'schedule=sequential/0:linear!start_factor:0.1!total_iters:10/1:multistep!milestones:20~40/2:cosine!t_max:90/milestones:10~60',
    );
  });

  it('still reads the positional schedule text of older links', () => {
    const { scene, errors } = decodeSceneParam(
      'f:quadratic;p:-4,2;n:50;o:adam,schedule=step/10/0.5;o:sgd,schedule=cosine/40',
    );
    expect(errors).toEqual([]);
    expect(scene.optimizers.map((o) => o.schedule)).toEqual([
      { type: 'step', step_size: 10, gamma: 0.5 },
      { type: 'cosine', t_max: 40 },
    ]);
  });

  it('names the field of a schedule torch would refuse, and keeps the optimizer without it', () => {
    const { scene, errors } = validateScene(
      sceneWith({ type: 'adagrad', lr: 0.1, schedule: { type: 'onecycle', max_lr: 0.1 } }),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('optimizers[0].schedule.cycle_momentum');
    expect(errors[0]!.message).toMatch(/AdaGrad has neither momentum nor betas/);
    expect(scene.optimizers).toEqual([{ type: 'adagrad', lr: 0.1 }]);
  });

  it("refuses a cycled RMSprop momentum that starts at 0 and rises (torch's KeyError), and only that", () => {
    const rising = validateScene(
      sceneWith({
        type: 'rmsprop',
        schedule: { type: 'onecycle', max_lr: 0.1, max_momentum: 0, base_momentum: 0.85 },
      }),
    );
    expect(rising.errors.map((e) => e.path)).toEqual(['optimizers[0].schedule.max_momentum']);
    expect(rising.errors[0]!.message).toMatch(/momentum_buffer.*max_momentum above 0/);
    expect(rising.errors[0]!.message).toMatch(/step 2\b/);
    const cyclic = validateScene(
      sceneWith({
        type: 'rmsprop',
        schedule: {
          type: 'cyclic',
          base_lr: 0.01,
          max_lr: 0.1,
          max_momentum: 0,
          base_momentum: 0.5,
        },
      }),
    );
    expect(cyclic.errors.map((e) => e.path)).toEqual(['optimizers[0].schedule.max_momentum']);
    // Accepted: a cycle that starts above 0, the same cycle on SGD (its buffer is made lazily),
    // and RMSprop's momentum falling to 0 after starting above it.
    const accepted: [OptimizerConfig['type'], Schedule][] = [
      ['rmsprop', { type: 'onecycle', max_lr: 0.1 }],
      ['sgd', { type: 'onecycle', max_lr: 0.1, max_momentum: 0, base_momentum: 0.85 }],
      ['rmsprop', { type: 'onecycle', max_lr: 0.1, max_momentum: 0.9, base_momentum: 0 }],
    ];
    for (const [type, schedule] of accepted) {
      expect(paths(sceneWith({ type, schedule })), `${type} ${JSON.stringify(schedule)}`).toEqual(
        [],
      );
    }
  });

  it('refuses a one-cycle shorter than the scene, naming total_steps and both counts', () => {
    const { errors } = validateScene(
      sceneWith({ type: 'sgd', schedule: { type: 'onecycle', max_lr: 0.1, total_steps: 99 } }, 100),
    );
    expect(errors.map((e) => e.path)).toEqual(['optimizers[0].schedule.total_steps']);
    expect(errors[0]!.message).toMatch(/99.*100/);
  });

  it('names the fields of a sequential: its milestones, and a field inside one of its schedules', () => {
    expect(
      paths(
        sceneWith({
          type: 'sgd',
          schedule: {
            type: 'sequential',
            schedulers: [{ type: 'exponential', gamma: 0.9 }],
            milestones: [3],
          },
        }),
      ),
    ).toEqual(['optimizers[0].schedule.milestones']);
    expect(
      paths(
        sceneWith({
          type: 'sgd',
          schedule: {
            type: 'sequential',
            schedulers: [{ type: 'linear' }, { type: 'linear', start_factor: 2 }],
            milestones: [3],
          },
        }),
      ),
    ).toEqual(['optimizers[0].schedule.schedulers[1].start_factor']);
    expect(
      paths(
        sceneWith({
          type: 'sgd',
          schedule: {
            type: 'sequential',
            schedulers: [{ type: 'linear' }, { type: 'plateau' }],
            milestones: [3],
          },
        }),
      ),
    ).toEqual(['optimizers[0].schedule.schedulers[1].type']);
  });

  it('names a missing required field, an unknown field and a wrong kind of value', () => {
    expect(
      paths(
        sceneWith({ type: 'sgd', schedule: { type: 'cyclic', max_lr: 1 } as unknown as Schedule }),
      ),
    ).toEqual(['optimizers[0].schedule.base_lr']);
    expect(
      paths(
        sceneWith({
          type: 'sgd',
          schedule: { type: 'step', step_size: 3, gama: 0.5 } as unknown as Schedule,
        }),
      ),
    ).toEqual(['optimizers[0].schedule.gama']);
    // torch checks isinstance(int) for T_0, T_mult and total_steps only.
    const sgdWith = (schedule: unknown): string[] =>
      paths(sceneWith({ type: 'sgd', schedule: schedule as Schedule }));
    expect(sgdWith({ type: 'cosine_warm_restarts', t_0: 2.5 })).toEqual([
      'optimizers[0].schedule.t_0',
    ]);
    expect(sgdWith({ type: 'onecycle', max_lr: 0.1, total_steps: 150.5 })).toEqual([
      'optimizers[0].schedule.total_steps',
    ]);
    expect(sgdWith({ type: 'step', step_size: '3' })).toEqual(['optimizers[0].schedule.step_size']);
    expect(sgdWith({ type: 'plateau', mode: 'lowest' })).toEqual(['optimizers[0].schedule.mode']);
  });
});

describe('schedule values', () => {
  it('one-cycle sets the momentum of an SGD created without any, as torch does', () => {
    const { lrs, momentums } = scheduleValues({ type: 'onecycle', max_lr: 0.1 }, 0.01, 100, {
      momentumKey: 'momentum',
    });
    expect(lrs[0]).toBeCloseTo(0.1 / 25, 15);
    expect(Math.max(...lrs)).toBeCloseTo(0.1, 3);
    expect(momentums[0]).toBe(0.95);
    expect(Math.min(...(momentums as number[]))).toBeCloseTo(0.85, 3);
  });

  it('a sequential with a milestone at 0 or below starts on the later schedule, as torch does', () => {
    // torch 2.13/2.14's SequentialLR runs _initial_step of schedulers[bisect_right(milestones, 0)]:
    // torch 2.13 gives lr 0.1, 0.09, 0.081 for milestones [0] and [-3] (the ConstantLR never
    // applies), and 0.05, 0.1, 0.09 for [1].
    const lrsFor = (milestones: number[]): readonly number[] =>
      scheduleValues(
        {
          type: 'sequential',
          milestones,
          schedulers: [
            { type: 'constant', factor: 0.5 },
            { type: 'exponential', gamma: 0.9 },
          ],
        },
        0.1,
        3,
      ).lrs;
    for (const milestones of [[0], [-3]]) {
      const lrs = lrsFor(milestones);
      expect(lrs[0]).toBeCloseTo(0.1, 15);
      expect(lrs[1]).toBeCloseTo(0.09, 15);
      expect(lrs[2]).toBeCloseTo(0.081, 15);
    }
    const one = lrsFor([1]);
    expect(one[0]).toBeCloseTo(0.05, 15);
    expect(one[1]).toBeCloseTo(0.1, 15);
  });

  it('a schedule without cycling leaves momentum alone', () => {
    const { momentums } = scheduleValues({ type: 'cosine', t_max: 10 }, 0.1, 5, {
      momentumKey: 'momentum',
    });
    expect(momentums).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
