import { useShallow } from 'zustand/react/shallow';
import { localMessage } from '../fieldMessage';
import { t } from '../../i18n';
import { useDescent } from '../../state/store';
import { SPEEDS } from '../../state/view';
import { NumberField } from './SurfacePanel';

/** Playback icons drawn as SVG (symbol fonts differ between machines). */
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

/** Play, pause, step, reset, scrub, speed and number of steps. */
export function PlaybackBar() {
  const { cursor, playing, speed, steps } = useDescent(
    useShallow((s) => ({
      cursor: s.cursor,
      playing: s.playing,
      speed: s.speed,
      steps: s.scene.steps,
    })),
  );
  const store = useDescent.getState;
  return (
    <div className="playback" role="group" aria-label={t('playback.keys')}>
      <div className="playback-buttons">
        <button
          type="button"
          onClick={() => {
            store().setPlaying(false);
            store().setCursor(0);
          }}
          aria-label={t('playback.reset')}
          title={t('playback.reset')}
          data-testid="reset"
        >
          <Icon name="reset" />
        </button>
        <button
          type="button"
          onClick={() => store().stepBy(-1)}
          aria-label={t('playback.stepBack')}
          title={t('playback.stepBack')}
          data-testid="step-back"
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="play"
          onClick={() => store().togglePlaying()}
          aria-label={playing ? t('playback.pause') : t('playback.play')}
          title={`${playing ? t('playback.pause') : t('playback.play')} (${t('playback.spaceKey')})`}
          data-testid="play"
          data-playing={playing}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          onClick={() => store().stepBy(1)}
          aria-label={t('playback.stepForward')}
          title={t('playback.stepForward')}
          data-testid="step-forward"
        >
          <Icon name="forward" />
        </button>
      </div>
      <label className="scrub">
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
      <label className="field inline">
        <span>{t('playback.speed')}</span>
        <select
          value={speed}
          data-testid="speed"
          onChange={(e) => store().setSpeed(Number(e.target.value))}
        >
          {(SPEEDS.includes(speed as (typeof SPEEDS)[number])
            ? SPEEDS
            : [...SPEEDS, speed].sort((a, b) => a - b)
          ).map((v) => (
            <option key={v} value={v}>
              {t('playback.speedValue', { value: v })}
            </option>
          ))}
        </select>
      </label>
      <div className="steps-field">
        <NumberField
          label={t('playback.steps')}
          value={steps}
          testId="steps"
          onCommit={(v) => {
            const s = store();
            const atEnd = s.cursor >= s.scene.steps;
            const problems = s.commitScene({ ...s.scene, steps: v }).map(localMessage);
            if (problems.length === 0 && atEnd) s.setCursor(v);
            return problems;
          }}
        />
      </div>
    </div>
  );
}

/** Map overlays and contour spacing. */
export function ViewToggles() {
  const { quiver, arrows, ghost, spacing } = useDescent(
    useShallow((s) => ({ quiver: s.quiver, arrows: s.arrows, ghost: s.ghost, spacing: s.spacing })),
  );
  const setView = useDescent.getState().setView;
  return (
    <div className="view-toggles" role="group" aria-label={t('view.heading')}>
      <label>
        <input
          type="checkbox"
          checked={quiver}
          onChange={(e) => setView({ quiver: e.target.checked })}
          data-testid="toggle-quiver"
        />
        {t('map.quiver')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={arrows}
          onChange={(e) => setView({ arrows: e.target.checked })}
        />
        {t('map.arrows')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={ghost}
          onChange={(e) => setView({ ghost: e.target.checked })}
        />
        {t('map.ghost')}
      </label>
      <label>
        {t('map.levels')}{' '}
        <select
          value={spacing}
          onChange={(e) => setView({ spacing: e.target.value === 'quantile' ? 'quantile' : 'log' })}
        >
          <option value="log">{t('map.levels.log')}</option>
          <option value="quantile">{t('map.levels.quantile')}</option>
        </select>
      </label>
    </div>
  );
}
