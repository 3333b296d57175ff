/**
 * Embed mode (`?embed=1`): the map and the chosen controls, without the app's header and panels.
 * Sized by its width alone (the iframe's height follows the content through the height notice,
 * so nothing here may depend on the viewport's height).
 */
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EmbedOptions, ParamControl } from '../../embed/options';
import { startResizeNotices } from '../../embed/resize';
import { rawQueryParam } from '../../engine/scene-url';
import { OPTIMIZERS } from '../../engine/optimizers';
import { t } from '../../i18n';
import { useDescent } from '../../state/store';
import { currentLink } from '../../state/url';
import { ChartsPanel } from '../ChartsPanel';
import {
  fromSlider,
  paramValue,
  sliderRange,
  SLIDER_STEPS,
  toSlider,
  withParam,
} from '../controls/params';
import { ErrorBoundary } from '../ErrorBoundary';
import { MapView } from '../map/MapView';
import { optimizerName } from '../names';
import { optimizerStyle } from '../palette';
import './embed.css';

/** Tallest the map's plot area grows in an embed, whatever its width. */
const EMBED_MAX_PLOT_HEIGHT = 640;

function Icon(props: { name: 'reset' | 'back' | 'play' | 'pause' | 'forward' }) {
  const paths = {
    reset: 'M3 2h2v12H3zM14 2v12L6 8z',
    back: 'M11 2v12L3 8zM12 2h2v12h-2z',
    play: 'M4 2l10 6-10 6z',
    pause: 'M3 2h4v12H3zM9 2h4v12H9z',
    forward: 'M5 2v12l8-6zM2 2h2v12H2z',
  } as const;
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={paths[props.name]} fill="currentColor" />
    </svg>
  );
}

/** Play/pause, step, reset, scrubber and step readout: the playback bar without its settings. */
function EmbedPlayback() {
  const { cursor, playing, steps } = useDescent(
    useShallow((s) => ({ cursor: s.cursor, playing: s.playing, steps: s.scene.steps })),
  );
  const store = useDescent.getState;
  const button = (
    name: 'reset' | 'back' | 'forward',
    label: string,
    testId: string,
    act: () => void,
  ) => (
    <button type="button" onClick={act} aria-label={label} title={label} data-testid={testId}>
      <Icon name={name} />
    </button>
  );
  return (
    <div className="embed-playback" role="group" aria-label={t('playback.keys')}>
      {button('reset', t('playback.reset'), 'reset', () => {
        store().setPlaying(false);
        store().setCursor(0);
      })}
      {button('back', t('playback.stepBack'), 'step-back', () => store().stepBy(-1))}
      <button
        type="button"
        className="play"
        onClick={() => store().togglePlaying()}
        aria-label={playing ? t('playback.pause') : t('playback.play')}
        title={playing ? t('playback.pause') : t('playback.play')}
        data-testid="play"
        data-playing={playing}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      {button('forward', t('playback.stepForward'), 'step-forward', () => store().stepBy(1))}
      <label className="embed-scrub">
        <span className="visually-hidden">{t('playback.scrub')}</span>
        <input
          type="range"
          min={0}
          max={steps}
          value={cursor}
          onChange={(e) => store().setCursor(Number(e.target.value))}
          data-testid="scrub"
        />
      </label>
      <output className="step-readout" data-testid="step-readout">
        {t('playback.step', { step: cursor, steps })}
      </output>
    </div>
  );
}

/** One hyper-parameter slider (`lr:0`), or nothing when the scene has no such parameter. */
function ParamSlider(props: { control: ParamControl }) {
  const { index, name } = props.control;
  const config = useDescent((s) => s.scene.optimizers[index]);
  const optimizer = useDescent((s) => optimizerName(s.scene.optimizers, index));
  const [problem, setProblem] = useState<string | null>(null);
  const spec = config ? OPTIMIZERS[config.type].params.find((p) => p.name === name) : undefined;
  const range = spec && spec.kind === 'number' ? sliderRange(spec) : undefined;
  if (!config || !spec || !range) return null;
  const value = paramValue(config, spec);
  if (typeof value !== 'number') return null;
  const log = spec.log === true;
  const style = optimizerStyle(config, index);
  return (
    <div className="embed-param" data-testid={`embed-param-${name}-${index}`}>
      <label>
        <span className="embed-param-name">
          <span className="embed-swatch" style={{ background: style.color }} aria-hidden="true" />
          {t('embed.param', { param: name, name: optimizer })}
        </span>
        <input
          type="range"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={toSlider(value, range, log)}
          aria-valuetext={String(value)}
          onChange={(e) => {
            const next = withParam(config, name, fromSlider(Number(e.target.value), range, log));
            const errors = useDescent.getState().updateOptimizer(index, next);
            setProblem(errors.length > 0 ? errors.map((x) => x.message).join('; ') : null);
          }}
        />
      </label>
      <output className="embed-param-value">{value}</output>
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}

/** Problems found in the link, shown small above the map until dismissed. */
function EmbedNotices() {
  const errors = useDescent((s) => s.loadErrors);
  if (errors.length === 0) return null;
  return (
    <div className="embed-notice" role="alert" data-testid="load-errors">
      <span>{t('app.urlProblems')}</span>{' '}
      {errors.slice(0, 4).map((e, i) => (
        <code key={i}>
          {e.path || t('app.sceneField')}: {e.message}
        </code>
      ))}
      <button type="button" onClick={() => useDescent.getState().dismissLoadErrors()}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}

/** A link to the scene as it is now, in the whole app (in the embed's language). */
function OpenInApp() {
  useDescent((s) => s.scene);
  const lang = rawQueryParam(window.location.search, 'lang');
  const link = `${currentLink()}${lang ? `&lang=${lang}` : ''}`;
  return (
    <p className="embed-credit">
      <a href={link} target="_blank" rel="noopener noreferrer" data-testid="open-in-app">
        {t('embed.open')}
      </a>
    </p>
  );
}

/** The embedded scene. */
export function EmbedApp(props: { options: EmbedOptions }) {
  const { controls } = props.options;
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = rootRef.current;
    return root ? startResizeNotices(root) : undefined;
  }, []);
  return (
    <div ref={rootRef} className="embed" data-testid="embed">
      <EmbedNotices />
      <ErrorBoundary name="map">
        <MapView maxHeight={EMBED_MAX_PLOT_HEIGHT} />
        {controls.play && <EmbedPlayback />}
        {controls.params.length > 0 && (
          <div className="embed-params">
            {controls.params.map((c) => (
              <ParamSlider key={`${c.name}:${c.index}`} control={c} />
            ))}
          </div>
        )}
      </ErrorBoundary>
      {controls.charts && (
        <ErrorBoundary name="charts">
          <div className="embed-charts">
            <ChartsPanel />
          </div>
        </ErrorBoundary>
      )}
      <OpenInApp />
    </div>
  );
}
