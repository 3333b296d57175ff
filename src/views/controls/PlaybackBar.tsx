import { useShallow } from 'zustand/react/shallow';
import { t } from '../../i18n';
import { useDescent } from '../../state/store';
import { SPEEDS } from '../../state/view';
import { NumberField } from './SurfacePanel';

/** Play, pause, step, reset, scrub, speed and number of steps. */
export function PlaybackBar() {
  const { cursor, playing, speed, steps } = useDescent(
    useShallow((s) => ({ cursor: s.cursor, playing: s.playing, speed: s.speed, steps: s.scene.steps })),
  );
  const store = useDescent.getState;
  return (
    <div className="playback" role="group" aria-label={t('playback.keys')}>
      <div className="playback-buttons">
        <button type="button" onClick={() => { store().setPlaying(false); store().setCursor(0); }} aria-label={t('playback.reset')} title={t('playback.reset')} data-testid="reset">
          ⏮
        </button>
        <button type="button" onClick={() => store().stepBy(-1)} aria-label={t('playback.stepBack')} title={t('playback.stepBack')} data-testid="step-back">
          ◀
        </button>
        <button
          type="button"
          className="play"
          onClick={() => store().togglePlaying()}
          aria-label={playing ? t('playback.pause') : t('playback.play')}
          title={`${playing ? t('playback.pause') : t('playback.play')} (space)`}
          data-testid="play"
          data-playing={playing}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <button type="button" onClick={() => store().stepBy(1)} aria-label={t('playback.stepForward')} title={t('playback.stepForward')} data-testid="step-forward">
          ▶|
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
        <select value={speed} onChange={(e) => store().setSpeed(Number(e.target.value))}>
          {(SPEEDS.includes(speed as (typeof SPEEDS)[number]) ? SPEEDS : [...SPEEDS, speed].sort((a, b) => a - b)).map((v) => (
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
            const problems = s.commitScene({ ...s.scene, steps: v }).map((p) => p.message);
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
        <input type="checkbox" checked={quiver} onChange={(e) => setView({ quiver: e.target.checked })} data-testid="toggle-quiver" />
        {t('map.quiver')}
      </label>
      <label>
        <input type="checkbox" checked={arrows} onChange={(e) => setView({ arrows: e.target.checked })} />
        {t('map.arrows')}
      </label>
      <label>
        <input type="checkbox" checked={ghost} onChange={(e) => setView({ ghost: e.target.checked })} />
        {t('map.ghost')}
      </label>
      <label>
        {t('map.levels')}{' '}
        <select value={spacing} onChange={(e) => setView({ spacing: e.target.value === 'quantile' ? 'quantile' : 'log' })}>
          <option value="log">{t('map.levels.log')}</option>
          <option value="quantile">{t('map.levels.quantile')}</option>
        </select>
      </label>
    </div>
  );
}
