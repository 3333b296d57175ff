import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t, useLocale } from '../../i18n';
import { OPTIMIZERS } from '../../engine/optimizers';
import { usePresent } from '../../state/present';
import { useDescent } from '../../state/store';
import { PlaybackBar } from '../controls/PlaybackBar';
import { sliderRange } from '../controls/params';
import { ParamRange } from '../controls/ParamRange';
import { ErrorBoundary } from '../ErrorBoundary';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { MapView } from '../map/MapView';

/** Wide enough for the presenter's two columns (see lessons.css). */
const PRESENTER_WIDE = '(min-width: 801px) and (min-height: 400px)';
import { optimizerName } from '../names';
import { optimizerStyle } from '../palette';
import { lessonLrSpan } from '../../lessons/lrSpan';
import type { LrSpan } from '../../lessons/lrSpan';
import { formatLr } from '../format';
import { useLesson } from './catalogStore';
import { setPresenting, toggleFullscreen } from './presenter';
import { ShortcutsButton } from './ShortcutsButton';
import { PredictPanel } from '../predict/PredictEntry';
import './lessons.css';

/** Which optimizers keep their learning-rate slider: the lesson's focus, else the first four shown. */
export function presentedSliders(
  focus: readonly number[] | undefined,
  hidden: readonly boolean[],
): number[] {
  if (focus) return focus.filter((i) => i < hidden.length);
  return hidden.flatMap((h, i) => (h ? [] : [i])).slice(0, 4);
}

function LrSlider(props: { index: number; span: LrSpan | undefined }) {
  const config = useDescent((s) => s.scene.optimizers[props.index]);
  const name = useDescent((s) => optimizerName(s.scene.optimizers, props.index));
  const nameId = useId();
  if (!config) return null;
  const spec = OPTIMIZERS[config.type].params.find((p) => p.name === 'lr');
  const full = spec ? sliderRange(spec) : undefined;
  // The lesson's span when it has one (0.9 → 1.1 must be visible), else the parameter's own.
  const range: [number, number] | undefined = props.span
    ? [props.span.range[0], props.span.range[1]]
    : full;
  if (!spec || !range) return null;
  const lr = config.lr ?? (spec.default as number);
  const log = props.span ? props.span.log : spec.log === true;
  const color = optimizerStyle(config, props.index).color;
  // The accessible name is the name alone; the value is the slider's own (aria-valuetext) and
  // shown beside it, so no label ever carries a number that a drag makes stale.
  return (
    <div className="present-slider" style={{ borderColor: color }}>
      <span>
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        <span id={nameId}>{t('lessons.lr', { name })}</span>:{' '}
        <output aria-hidden="true">{formatLr(lr)}</output>
      </span>
      <ParamRange
        value={lr}
        range={range}
        log={log}
        aria-labelledby={nameId}
        data-testid={`present-lr-${props.index}`}
        onValue={(next) =>
          useDescent.getState().updateOptimizer(props.index, { ...config, lr: next })
        }
      />
    </div>
  );
}

/**
 * Presenter mode: the map as large as the screen allows, the lesson's text in large type, and
 * only the controls the lesson needs (its focus optimizers' learning rates and playback).
 */
export function PresenterView() {
  const id = usePresent((s) => s.lesson);
  const locale = useLocale();
  const loaded = useLesson(id);
  const lesson = loaded === 'loading' ? undefined : loaded;
  const hidden = useDescent(useShallow((s) => s.scene.optimizers.map((o) => o.hidden === true)));
  const sliders = presentedSliders(lesson?.focus, hidden);
  const wide = useMediaQuery(PRESENTER_WIDE);
  return (
    <main
      className={lesson ? 'presenter' : 'presenter presenter--no-lesson'}
      data-testid="presenter"
    >
      <div className="presenter-map">
        <ErrorBoundary name="map">
          <MapView fill={wide} />
          <PlaybackBar />
        </ErrorBoundary>
      </div>
      <aside className="presenter-side">
        {lesson && (
          <>
            <h2>{lesson.title[locale]}</h2>
            <p className="lesson-body" data-testid="lesson-body">
              {lesson.body[locale]}
            </p>
          </>
        )}
        <PredictPanel presenting />
        <div className="present-sliders">
          {sliders.map((i) => (
            <LrSlider key={i} index={i} span={lesson ? lessonLrSpan(lesson, i) : undefined} />
          ))}
        </div>
        <div className="lesson-actions">
          <button
            type="button"
            onClick={() => setPresenting(false)}
            aria-keyshortcuts="p"
            data-testid="stop-presenting"
          >
            {t('lessons.stopPresenting')}
          </button>
          <button type="button" onClick={() => void toggleFullscreen()} aria-keyshortcuts="f">
            {t('lessons.fullscreen')}
          </button>
          <ShortcutsButton />
        </div>
      </aside>
    </main>
  );
}
