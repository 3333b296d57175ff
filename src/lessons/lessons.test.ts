import { describe, expect, it } from 'vitest';
import { parseScene } from '../engine/scene';
import {
  BASIN_UNSETTLED,
  basinFraction,
  runOutcomes,
  simulateEnsemble,
} from '../engine/noise/ensemble';
import { simulate } from '../engine/simulate';
import { NAMED_SURFACES, resolveSurface } from '../engine/surfaces';
import type { Trajectory } from '../engine/types';
import { LESSONS, findLesson } from './catalog';

/** Runs a lesson's scene through the engine, as the app would. */
function run(id: string): Trajectory[] {
  const lesson = findLesson(id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  const resolved = resolveSurface(lesson.scene.surface);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return simulate(lesson.scene, resolved.surface);
}

const finalLoss = (t: Trajectory): number => t.losses[t.length - 1]!;
const finalPoint = (t: Trajectory): [number, number] => [
  t.points[2 * t.length - 2]!,
  t.points[2 * t.length - 1]!,
];
const stepsTo = (t: Trajectory, loss: number): number => {
  for (let k = 0; k < t.length; k++) if (t.losses[k]! < loss) return k;
  return Infinity;
};

describe('lesson gallery', () => {
  it('every lesson is a valid scene with text in all three languages', () => {
    const ids = new Set<string>();
    for (const lesson of LESSONS) {
      expect(parseScene(lesson.scene)).toEqual({ ok: true, scene: lesson.scene });
      for (const text of [lesson.title, lesson.body]) {
        expect(text.en.length).toBeGreaterThan(0);
        // Chinese texts are really Chinese.
        expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        expect(text['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
      }
      // Traditional is not Simplified pasted twice.
      expect(lesson.body['zh-TW']).not.toBe(lesson.body['zh-CN']);
      for (const i of lesson.focus) expect(lesson.scene.optimizers[i]).toBeDefined();
      ids.add(lesson.id);
    }
    expect(ids.size).toBe(LESSONS.length);
  });

  it('too small a learning rate crawls while a larger one arrives', () => {
    const [small, right] = run('lr-too-small');
    expect(finalLoss(small!)).toBeGreaterThan(100 * finalLoss(right!));
    expect(finalLoss(small!)).toBeGreaterThan(0.1);
  });

  it('above 1 the path oscillates outward, just below 1 it oscillates inward', () => {
    const [below, above] = run('lr-too-large');
    const y = (t: Trajectory, k: number) => t.points[2 * k + 1]!;
    for (const t of [below!, above!]) expect(Math.sign(y(t, 1))).toBe(-Math.sign(y(t, 2)));
    expect(finalLoss(above!)).toBeGreaterThan(above!.losses[0]!);
    expect(finalLoss(below!)).toBeLessThan(1e-2);
  });

  it('momentum and NAG cross the ravine in well under half the steps of SGD', () => {
    const [sgd, momentum, nag] = run('momentum-ravine');
    expect(stepsTo(momentum!, 1e-3)).toBeLessThan(stepsTo(sgd!, 1e-3) / 2);
    expect(stepsTo(nag!, 1e-3)).toBeLessThan(stepsTo(sgd!, 1e-3) / 2);
  });

  it('AdaGrad stalls on Rosenbrock while RMSProp and Adam get further', () => {
    const [adagrad, rmsprop, adam] = run('adaptive-rates');
    expect(finalLoss(adam!)).toBeLessThan(finalLoss(adagrad!));
    expect(finalLoss(rmsprop!)).toBeLessThan(finalLoss(adagrad!));
    // The last 100 steps of AdaGrad move less than Adam's.
    const travel = (t: Trajectory) => {
      let d = 0;
      for (let k = t.length - 100; k < t.length; k++) {
        d += Math.hypot(
          t.points[2 * k]! - t.points[2 * k - 2]!,
          t.points[2 * k + 1]! - t.points[2 * k - 1]!,
        );
      }
      return d;
    };
    expect(travel(adagrad!)).toBeLessThan(travel(adam!));
  });

  it('Adam leaves the saddle far sooner than SGD', () => {
    const [sgd, adam] = run('saddle');
    const leaves = (t: Trajectory) => {
      for (let k = 0; k < t.length; k++) if (Math.abs(t.points[2 * k + 1]!) > 0.5) return k;
      return Infinity;
    };
    expect(leaves(adam!)).toBeLessThan(leaves(sgd!) / 2);
  });

  it('on Himmelblau momentum ends in a different minimum than SGD', () => {
    const lesson = findLesson('local-minima')!;
    const resolved = resolveSurface(lesson.scene.surface);
    if (!resolved.ok) throw new Error('surface');
    const nearest = (p: [number, number]) => {
      let best = -1;
      let bestDistance = Infinity;
      resolved.surface.minima.forEach((m, i) => {
        const d = Math.hypot(m[0] - p[0], m[1] - p[1]);
        if (d < bestDistance) [best, bestDistance] = [i, d];
      });
      expect(bestDistance).toBeLessThan(1e-3);
      return best;
    };
    const [sgd, momentum, adam] = run('local-minima').map(finalPoint);
    expect(nearest(momentum!)).not.toBe(nearest(sgd!));
    expect(nearest(adam!)).toBe(nearest(sgd!));
  });

  it('on Rastrigin every optimizer stays in a local minimum far above the global one', () => {
    for (const t of run('stuck-rastrigin')) {
      expect(t.diverged).toBe(false);
      expect(finalLoss(t)).toBeGreaterThan(10);
    }
  });

  it('decaying the rate rescues a rate that is too large', () => {
    const [constant, exponential, step] = run('lr-decay');
    expect(finalLoss(constant!)).toBeGreaterThan(constant!.losses[0]!);
    expect(finalLoss(exponential!)).toBeLessThan(0.05);
    expect(finalLoss(step!)).toBeLessThan(0.05);
  });

  it('clipping keeps the same learning rate from blowing up', () => {
    const [raw, clipped] = run('gradient-clipping');
    expect(raw!.diverged).toBe(true);
    expect(clipped!.diverged).toBe(false);
    expect(finalLoss(clipped!)).toBeLessThan(clipped!.losses[0]!);
  });

  it('under noise, momentum crosses the small wells to the deepest one while SGD stays in a shallow one, over many seeds', () => {
    const lesson = findLesson('momentum-noise')!;
    const surface = NAMED_SURFACES.bumps!;
    // Which well a run ends in: where exact, plain gradient descent from its last point settles.
    const judge = { config: { type: 'sgd', lr: 0.5 } as const };
    const [sgd, momentum] = run('momentum-noise');
    const [sgdWell, momentumWell] = runOutcomes(surface, [sgd!, momentum!], judge);
    expect(momentumWell).toBe(0); // minima are listed deepest first
    expect(sgdWell).toBeGreaterThan(0);
    expect(sgdWell).not.toBe(BASIN_UNSETTLED);
    // "Change the noise seed": 40 seeds of the same scene.
    const seeds = 40;
    const fraction = (index: number): number => {
      const runs = simulateEnsemble(
        surface,
        lesson.scene.start,
        lesson.scene.steps,
        lesson.scene.optimizers[index]!,
        lesson.scene.noise!,
        seeds,
      );
      return basinFraction(runOutcomes(surface, runs, judge), 0);
    };
    expect(fraction(0)).toBeLessThanOrEqual(0.1);
    expect(fraction(1)).toBeGreaterThanOrEqual(0.6);
  });
});

describe('what a lesson says about its surface is true of it', () => {
  // Number words as the lessons write them, for the counts a lesson may state.
  const EN = [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
  ];
  const ZH = '零一二三四五六七八九十';
  const zh = (word: string): number =>
    word.length === 1 ? ZH.indexOf(word) : word === '十一' ? 11 : word === '十二' ? 12 : NaN;

  it('the noise lesson counts as many wells, in every language, as the map marks minima', () => {
    const lesson = findLesson('momentum-noise')!;
    const resolved = resolveSurface(lesson.scene.surface);
    if (!resolved.ok) throw new Error(resolved.error.message);
    // The map marks the surface's known minima (one star each): the wells a learner counts.
    const marked = resolved.surface.minima.length;
    const en = /\b(\w+) wells\b/i.exec(lesson.body.en);
    const cn = /有(十?[一二三四五六七八九十])个[^，]*坑/.exec(lesson.body['zh-CN']);
    const tw = /有(十?[一二三四五六七八九十])個[^，]*坑/.exec(lesson.body['zh-TW']);
    expect(EN.indexOf(en![1]!.toLowerCase())).toBe(marked);
    expect(zh(cn![1]!)).toBe(marked);
    expect(zh(tw![1]!)).toBe(marked);
    // And they differ in depth, as the text says ("of different depths").
    const depths = resolved.surface.minima.map(([x, y]) => resolved.surface.f(x, y).toFixed(3));
    expect(new Set(depths).size).toBe(marked);
  });
});
