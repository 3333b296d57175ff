import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate';
import { resolveSurface } from '../../engine/surfaces';
import type { Scene } from '../../engine/types';
import { findLesson } from '../../lessons/catalog';
import type { Prediction } from '../../lessons/predict';
import { useDescent } from '../../state/store';
import {
  activate,
  ask,
  currentAnswer,
  deactivate,
  followPlayback,
  reveal,
  setGuess,
  usePredict,
} from './predictStore';

/** Puts a lesson's scene and its engine run into the store, as the app does once it is computed. */
function loadLesson(id: string): Scene {
  const lesson = findLesson(id)!;
  const resolved = resolveSurface(lesson.scene.surface);
  if (!resolved.ok) throw new Error(resolved.error.message);
  const scene = lesson.scene;
  useDescent.setState({
    scene,
    surface: resolved.surface,
    trajectories: simulate(scene, resolved.surface),
    trajectoriesScene: scene,
    cursor: scene.steps,
    playing: false,
    ghost: true,
  });
  return scene;
}

describe('predict-then-run phases', () => {
  let stop: () => void;
  beforeEach(() => {
    stop = followPlayback();
  });
  afterEach(() => {
    stop();
    deactivate();
  });

  it('asking holds the run at step 0 with its ghost hidden; closing gives the ghost back', () => {
    loadLesson('lr-too-small');
    activate('lesson:lr-too-small', findLesson('lr-too-small')!.predict!);
    const d = useDescent.getState();
    expect(usePredict.getState().phase).toBe('ask');
    expect(d.cursor).toBe(0);
    expect(d.playing).toBe(false);
    expect(d.ghost).toBe(false);
    deactivate();
    expect(useDescent.getState().ghost).toBe(true);
  });

  it('playing while asked reveals: the run plays from 0 and a position question pauses at its step', () => {
    loadLesson('lr-too-small');
    const question = findLesson('lr-too-small')!.predict!;
    if (question.kind !== 'position') throw new Error('a position question');
    activate('lesson:lr-too-small', question);
    setGuess({ kind: 'position', point: [-3, 0] });
    // A stray → (step forward) while the question waits: the run starts from step 0.
    useDescent.getState().stepBy(1);
    expect(usePredict.getState().phase).toBe('run');
    expect(useDescent.getState().cursor).toBe(0);
    expect(useDescent.getState().playing).toBe(true);
    // Playback passes the question's step: the run stops there and the verdict is due.
    useDescent.getState().setCursor(question.step + 3);
    expect(usePredict.getState().phase).toBe('done');
    expect(useDescent.getState().cursor).toBe(question.step);
    expect(useDescent.getState().playing).toBe(false);
    expect(useDescent.getState().ghost).toBe(true);
    // The guess survives for the verdict; asking again clears it and hides the ghost again.
    expect(usePredict.getState().guess).toEqual({ kind: 'position', point: [-3, 0] });
    ask();
    expect(usePredict.getState()).toMatchObject({ phase: 'ask', guess: null });
    expect(useDescent.getState().ghost).toBe(false);
  });

  it('a second key during the reveal (a clicker’s double tap) shows the answer, never a stuck run', () => {
    for (const second of [
      () => useDescent.getState().setPlaying(false), // Space again
      () => useDescent.getState().stepBy(1), // → or PageDown again
      () => useDescent.getState().stepBy(-1), // ←
    ]) {
      loadLesson('lr-too-small');
      const question = findLesson('lr-too-small')!.predict!;
      if (question.kind !== 'position') throw new Error('a position question');
      activate('lesson:lr-too-small', question);
      useDescent.getState().setPlaying(true); // the first key reveals
      expect(usePredict.getState().phase).toBe('run');
      useDescent.getState().setCursor(3);
      second();
      expect(usePredict.getState().phase).toBe('done');
      expect(useDescent.getState().cursor).toBe(question.step);
      expect(useDescent.getState().playing).toBe(false);
      deactivate();
    }
  });

  it('a race is done when the winner arrives, read from the store’s run', () => {
    const scene = loadLesson('momentum-ravine');
    const question: Prediction = { kind: 'first', loss: 1e-3 };
    activate('flag:first', question);
    reveal();
    const answer = currentAnswer(question, useDescent.getState());
    if (answer?.kind !== 'first' || answer.step === null) throw new Error('no winner');
    useDescent.getState().setCursor(answer.step - 1);
    expect(usePredict.getState().phase).toBe('run');
    useDescent.getState().setCursor(answer.step);
    expect(usePredict.getState().phase).toBe('done');
    // A race keeps playing to the end (only a position question pauses).
    expect(useDescent.getState().playing).toBe(true);
    // Before the run is computed for the scene on screen, there is no answer to show.
    expect(currentAnswer(question, { ...useDescent.getState(), trajectoriesScene: null })).toBe(
      null,
    );
    expect(scene.steps).toBeGreaterThan(answer.step);
  });

  it('a guess is only taken while asking', () => {
    loadLesson('gradient-clipping');
    activate('lesson:gradient-clipping', findLesson('gradient-clipping')!.predict!);
    reveal();
    setGuess({ kind: 'diverge', diverged: true });
    expect(usePredict.getState().guess).toBeNull();
  });
});
