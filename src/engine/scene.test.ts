import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEDULE_TYPES } from './optimizers/schedule-spec';
import { DEFAULT_SCENE, MAX_OPTIMIZERS, MAX_STEPS, parseScene, validateScene } from './scene';
import { decodeSceneParam, encodeSceneParam, rawQueryParam } from './scene-url';
import type { FieldError, Scene } from './types';

function paths(errors: readonly FieldError[]): string[] {
  return errors.map((e) => e.path);
}

describe('scene validation', () => {
  it('accepts the design example unchanged', () => {
    const input = {
      surface: { id: 'quadratic' },
      start: [-4, 2],
      steps: 200,
      optimizers: [
        { type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true },
        {
          type: 'adam',
          lr: 0.1,
          betas: [0.9, 0.999],
          eps: 1e-8,
          schedule: { type: 'exponential', gamma: 0.99 },
          clip_grad_norm: 5,
        },
      ],
    };
    const result = parseScene(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scene).toEqual(input);
  });

  it('names the field and the reason for a negative learning rate', () => {
    const { errors, scene } = validateScene({ optimizers: [{ type: 'adam', lr: -1 }] });
    expect(paths(errors)).toEqual(['optimizers[0].lr']);
    expect(errors[0]!.message).toMatch(/-1/);
    // The bad field falls back to the default: the optimizer stays, without the bad lr.
    expect(scene.optimizers).toEqual([{ type: 'adam' }]);
  });

  it('says a start beyond the limit is outside ±1e9, written as the view message writes it', () => {
    const { errors } = validateScene({ ...DEFAULT_SCENE, start: [1e10, 0] });
    const error = errors.find((e) => e.path === 'start[0]')!;
    expect(error.message).toContain('±1e9');
    expect(error.message).not.toContain('1000000000,');
  });

  it('rejects unknown optimizer types and lists the valid ones', () => {
    const { errors, scene } = validateScene({
      optimizers: [{ type: 'sparse_adam' }, { type: 'sgd' }],
    });
    expect(paths(errors)).toEqual(['optimizers[0].type']);
    expect(errors[0]!.message).toContain('adam');
    expect(scene.optimizers).toEqual([{ type: 'sgd' }]);
  });

  it('runs the default optimizers, and says so, when every listed one is refused', () => {
    // A link with only a misspelt optimizer must not open on a figure with no path at all.
    for (const list of [[{ type: 'adamm' }], [{ type: 'adamm' }, 3, { lr: 0.1 }]]) {
      const { errors, scene } = validateScene({ optimizers: list });
      expect(scene.optimizers).toEqual(DEFAULT_SCENE.optimizers);
      expect(paths(errors)).toContain('optimizers');
      expect(paths(errors)).toContain('optimizers[0].type');
    }
    const fromLink = decodeSceneParam('f:rosenbrock;p:-1,2;n:50;o:adamm,lr=0.1');
    expect(fromLink.scene.optimizers).toEqual(DEFAULT_SCENE.optimizers);
    expect(fromLink.scene.surface).toEqual({ id: 'rosenbrock' });
    // An empty list is a wish (the surface alone), and stays empty.
    expect(validateScene({ optimizers: [] })).toEqual({
      scene: expect.objectContaining({ optimizers: [] }),
      errors: [],
    });
  });

  it("refuses an ASGD whose step-size decay torch's Python arithmetic cannot compute", () => {
    // lr / ((1 + lambd·lr·t) ** alpha): torch raises at the step where the power is 0 or overflows.
    const cases: [Record<string, number>, string, RegExp][] = [
      [{ lr: 1, lambd: -1 }, 'optimizers[0].lambd', /ZeroDivisionError at step 1/],
      [{ lr: 0.5, lambd: -1 }, 'optimizers[0].lambd', /ZeroDivisionError at step 2/],
      [{ lr: 1, lambd: 1, alpha: -1100 }, 'optimizers[0].alpha', /ZeroDivisionError at step 1/],
      [{ lr: 1, lambd: 1, alpha: 1100 }, 'optimizers[0].alpha', /OverflowError at step 1/],
    ];
    for (const [params, path, message] of cases) {
      const { errors, scene } = validateScene({
        steps: 5,
        optimizers: [{ type: 'asgd', ...params }],
      });
      expect(paths(errors), JSON.stringify(params)).toEqual([path]);
      expect(errors[0]!.message).toMatch(message);
      // The field named falls back to torch's default; the rest is kept.
      const field = path.split('.').at(-1)!;
      expect(scene.optimizers[0]).not.toHaveProperty(field);
      expect(scene.optimizers[0]!.lr).toBe(params.lr);
    }
    // What torch computes (a negative base to a fractional power is complex in Python) runs.
    expect(
      validateScene({ steps: 5, optimizers: [{ type: 'asgd', lr: 1, lambd: -2 }] }).errors,
    ).toEqual([]);
    // Both refused: lambd first (a zero base at step 1), then, at torch's lambd, alpha's overflow.
    const both = validateScene({
      steps: 5,
      optimizers: [{ type: 'asgd', lr: 1, lambd: -1, alpha: 1e7 }],
    });
    expect(paths(both.errors)).toEqual(['optimizers[0].lambd', 'optimizers[0].alpha']);
    expect(both.scene.optimizers[0]).toEqual({ type: 'asgd', lr: 1 });
    // A scene too short to reach the step is fine too.
    expect(
      validateScene({ steps: 1, optimizers: [{ type: 'asgd', lr: 0.5, lambd: -1 }] }).errors,
    ).toEqual([]);
  });

  it('refuses L-BFGS with lr 0 and strong_wolfe, whose line search torch divides by zero in', () => {
    const refused = validateScene({
      optimizers: [{ type: 'lbfgs', lr: 0, line_search_fn: 'strong_wolfe' }],
    });
    expect(paths(refused.errors)).toEqual(['optimizers[0].lr']);
    expect(refused.errors[0]!.message).toMatch(/ZeroDivisionError/);
    // Without the line search, lr 0 is a step of 0, which torch takes.
    expect(validateScene({ optimizers: [{ type: 'lbfgs', lr: 0 }] }).errors).toEqual([]);
  });

  it("keeps a longer Adam betas' first two, as torch.optim.Adam stores it; NAdam refuses it", () => {
    const parsed = parseScene({
      steps: 5,
      optimizers: [
        { type: 'adam', lr: 0.1, betas: [0.8, 0.99, 0.5] },
        { type: 'adamw', betas: [0.7, 0.9, 0.1, 0.2] },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scene.optimizers[0]).toMatchObject({ betas: [0.8, 0.99] });
    expect(parsed.scene.optimizers[1]).toMatchObject({ betas: [0.7, 0.9] });
    // torch unpacks NAdam's (and Adamax's, RAdam's) betas into two names at the first step.
    const nadam = parseScene({ optimizers: [{ type: 'nadam', betas: [0.8, 0.99, 0.5] }] });
    expect(nadam.ok).toBe(false);
    if (!nadam.ok) expect(nadam.errors[0]!.path).toBe('optimizers[0].betas');
  });

  it('rejects a hyper-parameter that belongs to another optimizer', () => {
    const { errors } = validateScene({ optimizers: [{ type: 'adam', momentum: 0.9 }] });
    expect(paths(errors)).toEqual(['optimizers[0].momentum']);
  });

  it('refuses nesterov without momentum, as torch does', () => {
    const { errors } = validateScene({ optimizers: [{ type: 'sgd', nesterov: true }] });
    expect(paths(errors)).toEqual(['optimizers[0].nesterov']);
  });

  it('bounds steps and the optimizer count', () => {
    expect(paths(validateScene({ steps: 0 }).errors)).toEqual(['steps']);
    expect(paths(validateScene({ steps: 2.5 }).errors)).toEqual(['steps']);
    expect(paths(validateScene({ steps: MAX_STEPS + 1 }).errors)).toEqual(['steps']);
    const many = Array.from({ length: MAX_OPTIMIZERS + 3 }, () => ({ type: 'sgd' }));
    const { scene, errors } = validateScene({ optimizers: many });
    expect(scene.optimizers).toHaveLength(MAX_OPTIMIZERS);
    expect(paths(errors)).toEqual(['optimizers']);
  });

  it('reports a bad expression with its column and keeps the default surface', () => {
    const { scene, errors } = validateScene({ surface: { expr: 'x^2 + * y' } });
    expect(paths(errors)).toEqual(['surface.expr']);
    expect(errors[0]!.message).toMatch(/column \d+/);
    expect(scene.surface).toEqual(DEFAULT_SCENE.surface);
  });

  it('reads -0 as 0, so a scene equals what its link or JSON reads back as', () => {
    const { scene, errors } = validateScene({
      start: [-0, 2],
      optimizers: [{ type: 'adam', weight_decay: -0, betas: [-0, 0.9] }],
    });
    expect(errors).toEqual([]);
    expect(Object.is(scene.start[0], 0)).toBe(true);
    expect(Object.is(scene.optimizers[0]!.weight_decay, 0)).toBe(true);
    expect(Object.is(scene.optimizers[0]!.betas![0], 0)).toBe(true);
    expect(decodeSceneParam(encodeSceneParam(scene)).scene).toEqual(scene);
  });

  it('reads a scene text a link builder percent-encoded whole (URLSearchParams, encodeURIComponent)', () => {
    const scenes: Scene[] = [
      {
        surface: { id: 'himmelblau' },
        start: [-1, 1],
        steps: 100,
        optimizers: [{ type: 'adam', lr: 0.05, label: 'Adam; the fast one' }],
      },
      {
        surface: { expr: 'x^2/10 + y^2 + 0.1*sin(3*x)' },
        start: [-4, 2],
        steps: 50,
        optimizers: [
          {
            type: 'sgd',
            lr: 0.1,
            momentum: 0.9,
            schedule: { type: 'step', step_size: 10, gamma: 0.5 },
          },
        ],
      },
    ];
    for (const scene of scenes) {
      const text = encodeSceneParam(scene);
      const viaParams = new URLSearchParams({ scene: text }).toString().slice('scene='.length);
      for (const encoded of [encodeURIComponent(text), viaParams]) {
        const back = decodeSceneParam(encoded);
        expect(back.errors).toEqual([]);
        expect(back.scene).toEqual(decodeSceneParam(text).scene);
      }
    }
  });

  it('rejects an unknown surface id and lists the named ones', () => {
    const { errors } = validateScene({ surface: { id: 'everest' } });
    expect(paths(errors)).toEqual(['surface.id']);
    expect(errors[0]!.message).toContain('rosenbrock');
  });

  it('ignores prototype keys instead of acting on them', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "optimizers": [{"type": "sgd", "__proto__": {"lr": 5}}]}',
    ) as unknown;
    const { scene, errors } = validateScene(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(scene.optimizers[0]!.lr).toBeUndefined();
    expect(paths(errors)).toContain('__proto__');
  });

  it('never throws and always names a field, whatever the input', () => {
    const hostileNumber = fc.oneof(
      fc.double(),
      fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -0, 1e-320),
    );
    const anyValue = fc.oneof(fc.anything(), hostileNumber, fc.string({ maxLength: 200 }));
    const sceneLike = fc.record(
      {
        surface: fc.oneof(
          anyValue,
          fc.record({
            id: fc.oneof(fc.constantFrom('quadratic', 'ackley', '__proto__'), anyValue),
          }),
          fc.record({ expr: fc.oneof(fc.string({ maxLength: 80 }), anyValue) }),
        ),
        start: fc.oneof(anyValue, fc.tuple(hostileNumber, hostileNumber)),
        steps: fc.oneof(anyValue, fc.integer({ min: -5, max: 20_000 })),
        optimizers: fc.oneof(
          anyValue,
          fc.array(
            fc.oneof(
              anyValue,
              fc.record(
                {
                  type: fc.oneof(fc.constantFrom('sgd', 'adam', 'rmsprop', 'radam', 'x'), anyValue),
                  lr: fc.oneof(hostileNumber, anyValue),
                  momentum: hostileNumber,
                  betas: fc.oneof(fc.tuple(hostileNumber, hostileNumber), anyValue),
                  schedule: fc.oneof(
                    anyValue,
                    fc.record({
                      type: fc.constantFrom('step', 'cosine', 'exponential'),
                      gamma: hostileNumber,
                    }),
                    fc.record(
                      {
                        type: fc.constantFrom(...SCHEDULE_TYPES),
                        gamma: hostileNumber,
                        step_size: fc.oneof(hostileNumber, fc.integer({ min: -3, max: 50 })),
                        t_max: fc.integer({ min: -3, max: 50 }),
                        max_lr: hostileNumber,
                        base_lr: hostileNumber,
                        total_steps: fc.oneof(hostileNumber, fc.integer({ min: 0, max: 300 })),
                        milestones: fc.oneof(anyValue, fc.array(fc.integer({ min: -5, max: 300 }))),
                        schedulers: fc.oneof(
                          anyValue,
                          fc.array(
                            fc.record({
                              type: fc.constantFrom(...SCHEDULE_TYPES),
                              gamma: hostileNumber,
                              t_max: fc.integer({ min: -3, max: 50 }),
                            }),
                            { maxLength: 4 },
                          ),
                        ),
                      },
                      { requiredKeys: ['type'] },
                    ),
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
            { maxLength: 15 },
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(sceneLike, anyValue), (input) => {
        const { scene, errors } = validateScene(input);
        // The result is always a valid scene: validating it again finds nothing.
        expect(parseScene(scene).ok).toBe(true);
        for (const e of errors) {
          expect(typeof e.message).toBe('string');
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scene URL form', () => {
  it('round-trips the default scene and a scene with every kind of field', () => {
    const rich: Scene = {
      surface: { expr: 'sin(x)*cos(y) + 0.1*(x^2 + y^2)' },
      start: [-1.5e-3, 2],
      steps: 321,
      optimizers: [
        {
          type: 'sgd',
          lr: 0.05,
          momentum: 0.9,
          nesterov: true,
          label: 'NAG; fast, or not?',
          color: '#0072b2',
        },
        {
          type: 'adam',
          lr: 0.1,
          betas: [0.8, 0.99],
          amsgrad: true,
          hidden: true,
          schedule: { type: 'step', step_size: 30, gamma: 0.5 },
          clip_grad_norm: 5,
        },
        {
          type: 'rmsprop',
          centered: false,
          schedule: { type: 'cosine', t_max: 100, eta_min: 0.001 },
        },
      ],
    };
    for (const scene of [DEFAULT_SCENE, rich]) {
      const text = encodeSceneParam(scene);
      const back = decodeSceneParam(text);
      expect(back.errors).toEqual([]);
      expect(back.scene).toEqual(scene);
    }
  });

  it('is short and readable for the default scene', () => {
    const text = encodeSceneParam(DEFAULT_SCENE);
    expect(text.startsWith('f:quadratic;p:-4,2;n:200;o:sgd,lr=0.1')).toBe(true);
    expect(text.length).toBeLessThan(300);
  });

  it('survives being read back out of a real query string', () => {
    const scene: Scene = { ...DEFAULT_SCENE, surface: { expr: 'x^2 + y^2/(1+x)' } };
    const url = new URL(`https://example.org/app/?lang=en&s=${encodeSceneParam(scene)}&embed=1`);
    const raw = rawQueryParam(url.search, 's');
    expect(raw).toBeDefined();
    expect(decodeSceneParam(raw!).scene).toEqual(scene);
  });

  it('names the bad part of a hand-edited URL and keeps the rest', () => {
    const { scene, errors } = decodeSceneParam(
      'f:quadratic;p:-4,oops;n:50;o:adam,lr=-3;o:sgd,lr=0.2',
    );
    expect(paths(errors).sort()).toEqual(['optimizers[0].lr', 'start[1]']);
    expect(scene.steps).toBe(50);
    expect(scene.start).toEqual(DEFAULT_SCENE.start);
    expect(scene.optimizers).toEqual([{ type: 'adam' }, { type: 'sgd', lr: 0.2 }]);
  });

  it('never throws on arbitrary or oversized text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { scene } = decodeSceneParam(text);
        expect(parseScene(scene).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
    const huge = decodeSceneParam('o:sgd;'.repeat(5000));
    expect(paths(huge.errors)).toEqual(['scene']);
  });

  it('echoes a bad part as the reader wrote it, percent-escapes undone (not "{bad%20json")', () => {
    expect(decodeSceneParam('{bad%20json').errors[0]!.message).toBe(
      '"{bad json" is not a scene part (f, e, p, n, o, noise)',
    );
    expect(decodeSceneParam('f:quadratic;o:sgd,l%20r=1').errors[0]!.message).toBe(
      '"l r" is not a known field',
    );
    // Text that is not valid percent-encoding is echoed as it is.
    expect(decodeSceneParam('f:quadratic;o:sgd,lr%E0').errors[0]!.message).toBe(
      '"lr%E0" is not key=value',
    );
  });
});
