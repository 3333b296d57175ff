import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../engine/scene';
import { simulate } from '../engine/simulate';
import { resolveSurface } from '../engine/surfaces';
import type { Scene, Trajectory } from '../engine/types';
import { LESSONS } from './catalog';
import type { Lesson } from './catalog';
import {
  DEFAULT_FIRST_LOSS,
  encodePrediction,
  judgeGuess,
  parsePrediction,
  predictionAnswer,
  predictionFits,
  revealStep,
  stepsToLoss,
} from './predict';

function run(scene: Scene): Trajectory[] {
  const resolved = resolveSurface(scene.surface);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return simulate(scene, resolved.surface);
}

const asking = LESSONS.filter((l): l is Lesson & { predict: NonNullable<Lesson['predict']> } =>
  Boolean(l.predict),
);

describe('predict= flag', () => {
  const scene: Scene = {
    ...DEFAULT_SCENE,
    steps: 80,
    optimizers: [
      { type: 'sgd', lr: 0.1 },
      { type: 'adam', lr: 0.1 },
    ],
  };

  it('reads the three kinds, optimizers numbered from 1, with their defaults', () => {
    expect(parsePrediction('position:50', scene)).toEqual({
      ok: true,
      prediction: { kind: 'position', step: 50, optimizer: 0 },
    });
    expect(parsePrediction('position:80:2', scene)).toEqual({
      ok: true,
      prediction: { kind: 'position', step: 80, optimizer: 1 },
    });
    expect(parsePrediction('diverge', scene)).toEqual({
      ok: true,
      prediction: { kind: 'diverge', optimizer: 0 },
    });
    expect(parsePrediction('diverge:2', scene)).toEqual({
      ok: true,
      prediction: { kind: 'diverge', optimizer: 1 },
    });
    expect(parsePrediction('first', scene)).toEqual({
      ok: true,
      prediction: { kind: 'first', loss: DEFAULT_FIRST_LOSS },
    });
    expect(parsePrediction('first:0.5', scene)).toEqual({
      ok: true,
      prediction: { kind: 'first', loss: 0.5 },
    });
  });

  it('refuses every bad value naming its field and what was typed', () => {
    const cases: [string, string, string | number][] = [
      ['where', 'predict', 'where'],
      ['position', 'predict', 'position'],
      ['position:0', 'predict.step', '0'],
      ['position:81', 'predict.step', '81'],
      ['position:2.5', 'predict.step', '2.5'],
      ['position:-3', 'predict.step', '-3'],
      ['position:10:3', 'predict.optimizer', '3'],
      ['position:10:0', 'predict.optimizer', '0'],
      ['diverge:x', 'predict.optimizer', 'x'],
      ['first:abc', 'predict.loss', 'abc'],
      ['first:1e999', 'predict.loss', '1e999'],
      ['first:1:2', 'predict', 'first:1:2'],
      ['x'.repeat(500), 'predict', `${'x'.repeat(40)}…`],
    ];
    for (const [text, path, got] of cases) {
      const parsed = parsePrediction(text, scene);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.path, text).toBe(path);
        expect(parsed.error.params.got, text).toBe(got);
      }
    }
  });

  it('writes what it reads', () => {
    for (const text of ['position:7:2', 'diverge:1', 'first:0.01']) {
      const parsed = parsePrediction(text, scene);
      if (!parsed.ok) throw new Error(text);
      expect(encodePrediction(parsed.prediction)).toBe(text);
    }
  });
});

describe('answers come from the engine', () => {
  it('every lesson question fits its scene, and at least five lessons ask one', () => {
    expect(asking.length).toBeGreaterThanOrEqual(5);
    for (const l of asking) expect(predictionFits(l.predict, l.scene), l.id).toBe(true);
    // All three kinds are taught.
    expect(new Set(asking.map((l) => l.predict.kind))).toEqual(
      new Set(['position', 'diverge', 'first']),
    );
  });

  it('"will it diverge?" is the trajectory’s diverged flag, and both answers occur', () => {
    const seen = new Set<boolean>();
    for (const l of asking) {
      if (l.predict.kind !== 'diverge') continue;
      const trajectories = run(l.scene);
      const answer = predictionAnswer(l.predict, l.scene, trajectories);
      const t = trajectories[l.predict.optimizer]!;
      expect(answer).toEqual({ kind: 'diverge', diverged: t.diverged, step: t.length - 1 });
      seen.add(t.diverged);
    }
    expect(seen).toEqual(new Set([true, false]));
  });

  it('"where after N steps?" is point N of the trajectory, away from the start', () => {
    for (const l of asking) {
      if (l.predict.kind !== 'position') continue;
      const t = run(l.scene)[l.predict.optimizer]!;
      const answer = predictionAnswer(l.predict, l.scene, run(l.scene));
      const k = l.predict.step;
      expect(answer).toEqual({
        kind: 'position',
        point: [t.points[2 * k], t.points[2 * k + 1]],
        step: k,
      });
      // Not a trick question: the path has moved.
      if (answer?.kind !== 'position' || answer.point === null) throw new Error(l.id);
      const [x, y] = answer.point;
      expect(Math.hypot(x - l.scene.start[0], y - l.scene.start[1]), l.id).toBeGreaterThan(0.3);
      // A guess at the true point is 0 away; one a unit to the right is 1 away.
      expect(judgeGuess({ kind: 'position', point: [x, y] }, answer!)).toEqual({ distance: 0 });
      const off = judgeGuess({ kind: 'position', point: [x + 1, y] }, answer!);
      expect((off as { distance: number }).distance).toBeCloseTo(1, 12);
    }
  });

  it('"which arrives first?" is the optimizer with the fewest steps to the target loss', () => {
    for (const l of asking) {
      const question = l.predict;
      if (question.kind !== 'first') continue;
      const trajectories = run(l.scene);
      const answer = predictionAnswer(question, l.scene, trajectories);
      if (answer?.kind !== 'first') throw new Error(l.id);
      // Each optimizer's own first step below the target, counted here step by step.
      const arrivals = trajectories.map((t) => {
        const k = Array.from(t.losses.subarray(0, t.length)).findIndex((v) => v < question.loss);
        return k < 0 ? Infinity : k;
      });
      const best = Math.min(...arrivals);
      expect(Number.isFinite(best), l.id).toBe(true);
      expect(answer.step).toBe(best);
      expect(answer.winners).toEqual(arrivals.flatMap((k, i) => (k === best ? [i] : [])));
      // Someone else is slower: the race has a loser.
      expect(Math.max(...arrivals)).toBeGreaterThan(best);
      expect(revealStep(answer, l.scene.steps)).toBe(best);
    }
  });

  it('a run that diverges before step N has no position there', () => {
    const lesson = LESSONS.find((l) => l.id === 'gradient-clipping')!;
    const trajectories = run(lesson.scene);
    expect(trajectories[0]!.diverged).toBe(true);
    const answer = predictionAnswer(
      { kind: 'position', step: lesson.scene.steps, optimizer: 0 },
      lesson.scene,
      trajectories,
    );
    expect(answer).toEqual({ kind: 'position', point: null, step: lesson.scene.steps });
    expect(judgeGuess({ kind: 'position', point: [0, 0] }, answer!)).toEqual({ distance: null });
  });

  it('hidden optimizers take no part in the race; no arrival means "none" is right', () => {
    const lesson = LESSONS.find((l) => l.id === 'momentum-ravine')!;
    const trajectories = run(lesson.scene);
    const full = predictionAnswer({ kind: 'first', loss: 1e-3 }, lesson.scene, trajectories);
    if (full?.kind !== 'first') throw new Error('no answer');
    const hidden: Scene = {
      ...lesson.scene,
      optimizers: lesson.scene.optimizers.map((o, i) =>
        full.winners.includes(i) ? { ...o, hidden: true } : o,
      ),
    };
    const rest = predictionAnswer({ kind: 'first', loss: 1e-3 }, hidden, trajectories);
    if (rest?.kind !== 'first') throw new Error('no answer');
    expect(rest.winners.some((i) => full.winners.includes(i))).toBe(false);
    expect(rest.step!).toBeGreaterThan(full.step!);
    // A target below every loss reached: nobody arrives.
    const none = predictionAnswer({ kind: 'first', loss: -1 }, lesson.scene, trajectories);
    expect(none).toEqual({ kind: 'first', winners: [], step: null });
    expect(judgeGuess({ kind: 'first', optimizer: 'none' }, none!)).toEqual({ right: true });
    expect(judgeGuess({ kind: 'first', optimizer: 0 }, none!)).toEqual({ right: false });
    expect(stepsToLoss(trajectories[0]!, -1)).toBeNull();
  });

  it('has no answer before the run is computed', () => {
    const lesson = asking[0]!;
    expect(predictionAnswer(lesson.predict, lesson.scene, [])).toBeNull();
  });
});
