/**
 * The scene's `noise` field end to end in the engine: validation (field-naming, coded messages
 * the catalogues translate: src/i18n/catalogues.test.ts), simulate/inspectStep with the noise,
 * and the URL round trip. The main thread's re-simulation: src/state/incremental.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE, parseScene, validateScene } from '../scene';
import { decodeSceneParam, encodeSceneParam } from '../scene-url';
import { inspectStep } from '../inspectStep';
import { simulate } from '../simulate';
import { NAMED_SURFACES } from '../surfaces';
import type { Scene, Trajectory } from '../types';
import type { NoiseSpec } from './spec';

const quadratic = NAMED_SURFACES.quadratic!;
const bumps = NAMED_SURFACES.bumps!;

const SGD_SCENE: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 50,
  optimizers: [
    { type: 'sgd', lr: 0.1 },
    { type: 'sgd', lr: 0.1, momentum: 0.9 },
  ],
};

const KINDS: readonly NoiseSpec[] = [
  { type: 'gaussian', scale: 0.5, seed: 7 },
  { type: 'heavy_tail', scale: 0.3, df: 3, seed: 4294967295, batch_size: 4 },
  { type: 'hessian', scale: 0.8, seed: 0 },
];

function points(t: Trajectory): number[] {
  return Array.from(t.points.subarray(0, 2 * t.length));
}

describe('validateScene: the noise field', () => {
  it('keeps a valid noise of every kind, and a scene without noise has no noise key', () => {
    for (const noise of KINDS) {
      const { scene, errors } = validateScene({ ...SGD_SCENE, noise });
      expect(errors).toEqual([]);
      expect(scene.noise).toEqual(noise);
    }
    const minibatch = { type: 'minibatch', batch_size: 3, seed: 1 } as const;
    const { scene, errors } = validateScene({
      ...SGD_SCENE,
      surface: { id: 'bumps' },
      noise: minibatch,
    });
    expect(errors).toEqual([]);
    expect(scene.noise).toEqual(minibatch);
    expect('noise' in validateScene(SGD_SCENE).scene).toBe(false);
  });

  it('names the noise field and the value, with a code, and falls back to exact gradients', () => {
    const cases: [unknown, string, RegExp][] = [
      ['loud', 'noise', /object with a type, got "loud"/],
      [
        { type: 'pink', seed: 1 },
        'noise.type',
        /one of gaussian, heavy_tail, hessian, minibatch, got "pink"/,
      ],
      [{ type: 'gaussian', scale: -1, seed: 1 }, 'noise.scale', /from 0 to .*got -1/],
      [
        { type: 'gaussian', scale: 1, seed: 1.5 },
        'noise.seed',
        /whole number from 0 to 4294967295, got 1.5/,
      ],
      [{ type: 'gaussian', scale: 1, seed: 1, df: 3 }, 'noise.df', /not a field of gaussian noise/],
      [{ type: 'heavy_tail', scale: 1, df: 1, seed: 1 }, 'noise.df', /> 1 .*got 1$/],
      [{ type: 'minibatch', batch_size: 2, seed: 1 }, 'noise.type', /sum over data .*"quadratic"/],
      [{ type: 'minibatch', batch_size: 0, seed: 1 }, 'noise.batch_size', /from 1 to .*got 0/],
    ];
    for (const [noise, path, message] of cases) {
      const { scene, errors } = validateScene({ ...SGD_SCENE, noise });
      expect(errors, JSON.stringify(noise)).toHaveLength(1);
      expect(errors[0]!.path).toBe(path);
      expect(errors[0]!.message).toMatch(message);
      expect(errors[0]!.code, path).toBeDefined();
      expect(scene.noise).toBeUndefined();
      expect(parseScene({ ...SGD_SCENE, noise }).ok).toBe(false);
    }
  });

  it('refuses a mini-batch larger than the surface has terms, and noise beside L-BFGS', () => {
    const big = validateScene({
      ...SGD_SCENE,
      surface: { id: 'bumps' },
      noise: { type: 'minibatch', batch_size: 13, seed: 1 },
    });
    expect(big.errors.map((e) => [e.path, e.code])).toEqual([
      ['noise.batch_size', 'noise.batchTooLarge'],
    ]);
    expect(big.errors[0]!.message).toMatch(/at most 12 .*bumps.*got 13/);
    const lbfgs = validateScene({
      ...SGD_SCENE,
      optimizers: [{ type: 'sgd' }, { type: 'lbfgs' }],
      noise: KINDS[0]!,
    });
    expect(lbfgs.errors.map((e) => [e.path, e.code])).toEqual([['noise', 'noise.closure']]);
    expect(lbfgs.errors[0]!.message).toMatch(/L-BFGS \(optimizers\[1\]\)/);
  });
});

describe('simulate with noise', () => {
  it('is seeded: the same scene gives the same paths, another seed other paths, no noise the exact ones', () => {
    for (const noise of KINDS) {
      const scene = { ...SGD_SCENE, noise };
      const a = simulate(scene, quadratic).map(points);
      const b = simulate(scene, quadratic).map(points);
      const other = simulate(
        { ...scene, noise: { ...noise, seed: noise.seed ^ 1 } },
        quadratic,
      ).map(points);
      const exact = simulate(SGD_SCENE, quadratic).map(points);
      expect(a).toEqual(b);
      expect(a[0]).not.toEqual(other[0]);
      expect(a[0]).not.toEqual(exact[0]);
      expect(a[0]![0]).toBe(-4);
    }
  });

  it("takes plain SGD's step with the perturbed gradient, and inspectStep reports that gradient and δ", () => {
    const scene: Scene = { ...SGD_SCENE, noise: KINDS[0]! };
    const [run] = simulate(scene, quadratic);
    for (const k of [0, 1, 17]) {
      const step = inspectStep(quadratic, scene, 0, k)!;
      const [x, y] = step.point;
      expect([x, y]).toEqual([run!.points[2 * k], run!.points[2 * k + 1]]);
      // The exact gradient of x²/10 + y² is (x/5, 2y); the noise is what the optimizer added.
      expect(step.grad[0]).toBeCloseTo(x / 5 + step.noise![0], 14);
      expect(step.grad[1]).toBeCloseTo(2 * y + step.noise![1], 14);
      expect(step.noise![0]).not.toBe(0);
      expect(run!.points[2 * k + 2]).toBeCloseTo(x - 0.1 * step.grad[0], 14);
      expect(run!.points[2 * k + 3]).toBeCloseTo(y - 0.1 * step.grad[1], 14);
    }
    expect(inspectStep(quadratic, SGD_SCENE, 0, 0)!.noise).toBeUndefined();
  });

  it('mini-batch noise on the bumps surface moves the path off the full-batch one; B = N does not', () => {
    const scene: Scene = { ...SGD_SCENE, surface: { id: 'bumps' }, start: [3, -3] };
    const exact = simulate(scene, bumps).map(points);
    const half = simulate(
      { ...scene, noise: { type: 'minibatch', batch_size: 4, seed: 3 } },
      bumps,
    );
    const full = simulate(
      { ...scene, noise: { type: 'minibatch', batch_size: 12, seed: 3 } },
      bumps,
    );
    expect(half.map(points)[0]).not.toEqual(exact[0]);
    full
      .map(points)
      .forEach((p, i) => p.forEach((v, j) => expect(v).toBeCloseTo(exact[i]![j]!, 12)));
  });
});

describe('scene URL form with noise', () => {
  it('round-trips every kind of noise and reads back the same paths', () => {
    const kinds: [Scene['surface'], NoiseSpec][] = [
      ...KINDS.map((k): [Scene['surface'], NoiseSpec] => [{ id: 'quadratic' }, k]),
      [{ id: 'bumps' }, { type: 'minibatch', batch_size: 5, seed: 123456 }],
    ];
    for (const [surface, noise] of kinds) {
      const scene: Scene = { ...SGD_SCENE, surface, noise };
      const text = encodeSceneParam(scene);
      expect(text).toMatch(new RegExp(`;noise:${noise.type},`));
      const back = decodeSceneParam(text);
      expect(back.errors).toEqual([]);
      expect(back.scene).toEqual(scene);
    }
    expect(encodeSceneParam(DEFAULT_SCENE)).not.toContain('noise');
  });

  it('names a bad noise field of a hand-edited link and keeps the rest of the scene', () => {
    const base = encodeSceneParam(SGD_SCENE);
    const bad = decodeSceneParam(`${base};noise:gaussian,scale=loud,seed=1`);
    expect(bad.errors.map((e) => e.path)).toEqual(['noise.scale']);
    expect(bad.errors[0]!.message).toMatch(/got "loud"/);
    expect(bad.scene).toEqual(SGD_SCENE);
    const pair = decodeSceneParam(`${base};noise:gaussian,scale,seed=1`);
    expect(pair.errors.map((e) => e.path)).toContain('noise');
  });
});
