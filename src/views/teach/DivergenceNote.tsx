/**
 * Divergence explained, live (issue 14): the "why" of one optimizer's run, in numbers, in its row
 * beside the map, under the lr slider that changes it (and in one line in a collapsed row whose
 * run blew up or grew). Computed on the main thread from the engine, off the render: SGD's follows
 * a drag ~10 times a second, an adaptive optimizer's lr sweep waits until the value rests.
 * Loaded after the first paint (OptimizerPanel).
 */
import { afterInputRests } from '../../state/inputActivity';
import { useEffect, useMemo, useRef, useState } from 'react';
import { loadOptimizers, optimizerLoaded } from '../../engine/optimizers';
import type { DomainPoint, OptimizerConfig, Surface } from '../../engine/types';
import { t, useLocale } from '../../i18n';
import { useDescent } from '../../state/store';
import { divergenceNote, noteSentences } from './divergenceNote';
import type { DivergenceNote as Note } from './divergenceNote';
import './teach.css';

/**
 * How often a note may be recomputed while a slider drags: SGD's costs one run plus an eigen
 * decomposition per step (a few ms at 10,000 steps, more on a typed expression), so it follows the
 * drag at most this often, at once on the first tick. An adaptive optimizer's lr sweep (many runs)
 * waits until the value has rested this long.
 */
const SGD_THROTTLE_MS = 100;
const SWEEP_DELAY_MS = 150;

/** `divergenceNote` that never throws into the panel (a failure shows no note). */
function safeNote(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
): Note | null {
  try {
    return divergenceNote(surface, start, steps, config);
  } catch (error) {
    console.warn('Descent: no divergence explanation', error);
    return null;
  }
}

interface Computed {
  readonly inputs: readonly unknown[];
  readonly note: Note | null;
}

const sameInputs = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Whether optimizer `index`'s run on screen blew up, grew or has no path: a collapsed row only
 * explains such a run, so a calm row costs nothing (false until the run of this scene is in).
 */
function useTrouble(index: number): boolean {
  return useDescent((s) => {
    if (s.trajectoriesScene !== s.scene) return false;
    const run = s.trajectories[index];
    if (!run) return false;
    return run.diverged || run.length === 0 || run.losses[run.length - 1]! > run.losses[0]!;
  });
}

/**
 * The note for `config` on the current scene (null: nothing to say, or `wanted` false), computed
 * off the render: throttled for SGD, after a pause for the adaptive optimizers. `stale` while the
 * shown note is for earlier inputs.
 */
function useNote(config: OptimizerConfig, wanted: boolean): { note: Note | null; stale: boolean } {
  const surface = useDescent((s) => s.surface);
  const start = useDescent((s) => s.scene.start);
  const steps = useDescent((s) => s.scene.steps);
  const inputs = useMemo(() => [surface, start, steps, config], [surface, start, steps, config]);
  const [computed, setComputed] = useState<Computed | null>(null);
  const lastRun = useRef(-Infinity);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const sgd = config.type === 'sgd';
    const wait = sgd
      ? Math.max(0, lastRun.current + SGD_THROTTLE_MS - performance.now())
      : SWEEP_DELAY_MS;
    let cancelRest = (): void => undefined;
    const timer = setTimeout(() => {
      const run = (): void => {
        if (!live) return;
        lastRun.current = performance.now();
        setComputed({ inputs, note: safeNote(surface, start, steps, config) });
      };
      // Not while a slider is being dragged (see inputActivity.ts): once the hand rests.
      cancelRest = afterInputRests(() => {
        if (optimizerLoaded(config.type)) run();
        else loadOptimizers([config.type]).then(run, () => undefined);
      });
    }, wait);
    return () => {
      live = false;
      clearTimeout(timer);
      cancelRest();
    };
  }, [wanted, inputs, surface, start, steps, config]);
  if (!wanted) return { note: null, stale: false };
  // The previous note stays (dimmed) while the next one is computed: no flicker on a drag.
  return {
    note: computed?.note ?? null,
    stale: computed === null || !sameInputs(computed.inputs, inputs),
  };
}

/**
 * The explanation of optimizer `index`'s run. `brief` (a collapsed row): only a run that blew up
 * or grew, and only its reason; otherwise every kind of trouble, in full.
 */
export function DivergenceNote(props: { index: number; config: OptimizerConfig; brief?: boolean }) {
  const { index, config } = props;
  const brief = props.brief === true;
  const locale = useLocale();
  const noisy = useDescent((s) => s.scene.noise !== undefined);
  const trouble = useTrouble(index);
  const { note, stale } = useNote(config, !brief || trouble);
  if (!note || (brief && note.tone !== 'alarm')) return null;
  const sentences = noteSentences(note, locale, brief);
  return (
    <div
      className={`why why--${note.tone}${brief ? ' why--brief' : ''}`}
      data-testid={`why-${index}`}
      data-kind={note.explanation.kind}
      data-step={note.step ?? ''}
      aria-busy={stale}
    >
      {!brief && <p className="why-heading">{t('why.heading')}</p>}
      {sentences.map((s, i) => (
        <p key={i}>{s}</p>
      ))}
      {!brief && noisy && <p className="why-aside">{t('why.noise')}</p>}
    </div>
  );
}
