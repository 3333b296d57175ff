/**
 * Divergence explained, live (issue 14): the "why" of one optimizer's run, in numbers, in its row
 * beside the map, under the lr slider that changes it. SGD's explanation is cheap (one run and a
 * 2×2 eigen-decomposition per step) and follows every slider tick; an adaptive optimizer's lr
 * sweep waits until the value rests. Loaded after the first paint (OptimizerPanel).
 */
import { useEffect, useMemo, useState } from 'react';
import { loadOptimizers, optimizerLoaded } from '../../engine/optimizers';
import type { DomainPoint, OptimizerConfig, Surface } from '../../engine/types';
import { t, useLocale } from '../../i18n';
import { useDescent } from '../../state/store';
import { divergenceNote, noteSentences } from './divergenceNote';
import type { DivergenceNote as Note } from './divergenceNote';
import './teach.css';

/** How long an adaptive optimizer's value must rest before its sweep runs. */
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

/** The note for `config` on the current scene: at once for SGD, after a pause for the others. */
function useNote(config: OptimizerConfig): { note: Note | null; stale: boolean } {
  const surface = useDescent((s) => s.surface);
  const start = useDescent((s) => s.scene.start);
  const steps = useDescent((s) => s.scene.steps);
  const sync = config.type === 'sgd';
  const inputs = useMemo(() => [surface, start, steps, config], [surface, start, steps, config]);
  const now = useMemo(
    () => (sync ? safeNote(surface, start, steps, config) : null),
    [sync, surface, start, steps, config],
  );
  const [later, setLater] = useState<Computed | null>(null);
  useEffect(() => {
    if (sync) return;
    let live = true;
    const timer = setTimeout(() => {
      const run = (): void => {
        if (live) setLater({ inputs, note: safeNote(surface, start, steps, config) });
      };
      if (optimizerLoaded(config.type)) run();
      else loadOptimizers([config.type]).then(run, () => undefined);
    }, SWEEP_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [sync, inputs, surface, start, steps, config]);
  if (sync) return { note: now, stale: false };
  // The previous note stays (dimmed) while the next one is computed: no flicker on a drag.
  return { note: later?.note ?? null, stale: later === null || !sameInputs(later.inputs, inputs) };
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
  const { note, stale } = useNote(config);
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
