import { memo, useId, useState } from 'react';
import { PanelHelp } from '../help/PanelHelp';
import { OPTIMIZERS, optimizerPresets } from '../../engine/optimizers';
import { MAX_OPTIMIZERS } from '../../engine/scene';
import type { FieldError, OptimizerConfig } from '../../engine/types';
import { t, useLocale } from '../../i18n';
import { lazyAfterFirstPaint } from '../hooks/lazyAfterFirstPaint';
import { useFitFontSize } from '../hooks/useFitFontSize';
import { useDescent } from '../../state/store';
import { baseName, optimizerName, presetLabel } from '../names';
import { optimizerStyle, unusedColor } from '../palette';
import { describeErrors, without } from './configEdits';
import { DivergenceNote } from './lazyDivergenceNote';

// A row's settings (hyper-parameters, schedule, clipping) are only needed once it is opened:
// their code comes after the first paint, a link that opens a row shows them just after.
const OptimizerEditor = lazyAfterFirstPaint(() =>
  import('./OptimizerEditor').then((m) => m.OptimizerEditor),
);

/** Entries of the "add" menu: every family's presets (SGD's include Momentum and NAG). */
const PRESETS = optimizerPresets().map((p) => ({ ...p, label: () => presetLabel(p.label) }));

/** The optimizer list: add, remove, recolour, rename, show/hide, select; the selected one's settings. */
export function OptimizerPanel() {
  const optimizers = useDescent((s) => s.scene.optimizers);
  const selected = useDescent((s) => s.selected);
  const [preset, setPreset] = useState('adam');
  const [problem, setProblem] = useState<string | null>(null);
  const full = optimizers.length >= MAX_OPTIMIZERS;

  const add = (): void => {
    const s = useDescent.getState();
    const entry = PRESETS.find((p) => p.id === preset) ?? PRESETS[0]!;
    const config: OptimizerConfig = {
      ...entry.config,
      label: entry.label(),
      color: unusedColor(s.scene.optimizers),
    };
    const errors = s.commitScene({ ...s.scene, optimizers: [...s.scene.optimizers, config] });
    setProblem(errors.length > 0 ? describeErrors(errors).join('; ') : null);
    if (errors.length === 0) s.setView({ selected: s.scene.optimizers.length - 1 });
  };

  return (
    <section className="panel optimizer-panel">
      <div className="panel-heading">
        <h2>{t('optimizers.heading')}</h2>
        <PanelHelp topic="optimizers" />
      </div>
      <ul className="optimizer-list" data-testid="optimizer-list">
        {optimizers.map((config, i) => (
          <OptimizerRow key={i} index={i} config={config} selected={i === selected} />
        ))}
      </ul>
      <div className="add-row">
        <label className="field">
          <span className="visually-hidden">{t('optimizers.addWhich')}</span>
          <select
            value={preset}
            onChange={(e) => setPreset(e.target.value)}
            aria-label={t('optimizers.addWhich')}
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label()}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add} disabled={full} data-testid="add-optimizer">
          {t('optimizers.add')}
        </button>
      </div>
      {full && <p className="field-help">{t('optimizers.full', { max: MAX_OPTIMIZERS })}</p>}
      {problem && <p className="field-error">{problem}</p>}
    </section>
  );
}

/** `diverged` of a run whose start is outside f's domain (it has no point at all). */
const OUTSIDE = -2;

/**
 * One optimizer's row. Memoised: a slider drag changes one optimizer's config, and the other rows
 * (same config object, same index and selection) are not re-rendered on every tick.
 */
const OptimizerRow = memo(function OptimizerRow(props: {
  index: number;
  config: OptimizerConfig;
  selected: boolean;
}) {
  const { index, config, selected } = props;
  useLocale(); // memo would skip a language switch
  const diverged = useDescent((s) =>
    s.trajectoriesScene === s.scene && s.trajectories[index]?.diverged
      ? s.trajectories[index].length === 0
        ? OUTSIDE
        : s.trajectories[index].length - 1
      : -1,
  );
  const leftDomain = useDescent(
    (s) => s.trajectoriesScene === s.scene && s.trajectories[index]?.leftDomain === true,
  );
  // torch's own exception, when torch raises in the step after the last point (L-BFGS's search).
  const raised = useDescent((s) =>
    s.trajectoriesScene === s.scene ? s.trajectories[index]?.raised : undefined,
  );
  const style = optimizerStyle(config, index);
  const name = useDescent((s) => optimizerName(s.scene.optimizers, index)) || baseName(config);
  // What the user is typing into the name field, until it loses focus (then the shown name).
  const [draftName, setDraftName] = useState<string | null>(null);
  const nameField = useFitFontSize<HTMLInputElement>(draftName ?? name);
  const editorId = useId();
  const update = (next: OptimizerConfig): readonly FieldError[] =>
    useDescent.getState().updateOptimizer(index, next);
  const remove = (): void => {
    const s = useDescent.getState();
    // Freeze the colours of the others so removing one does not repaint the rest.
    const optimizers = s.scene.optimizers
      .map((o, i) => ({ ...o, color: optimizerStyle(o, i).color }))
      .filter((_, i) => i !== index);
    s.commitScene({ ...s.scene, optimizers });
    s.setView({
      selected: Math.max(0, Math.min(s.selected, optimizers.length - 1)),
      // Glyphs stay with their optimizers: those below the removed one move up an index.
      glyphs: s.glyphs.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i)),
    });
  };
  return (
    <li
      className={`optimizer-row${selected ? ' selected' : ''}`}
      data-testid={`optimizer-${index}`}
      data-diverged={diverged >= 0}
    >
      <div className="row-head">
        <input
          type="checkbox"
          checked={!config.hidden}
          onChange={(e) => update({ ...config, hidden: !e.target.checked })}
          aria-label={t('optimizers.show', { name })}
        />
        {/* Colour and dash stacked in one narrow column, so the name keeps the room it needs. */}
        <span className="swatch-stack">
          <input
            type="color"
            value={style.color}
            onChange={(e) => update({ ...config, color: e.target.value })}
            aria-label={t('optimizers.colour', { name })}
          />
          <LineSample color={style.color} dash={style.dash} />
        </span>
        <input
          ref={nameField}
          className="name-input"
          type="text"
          // The name the legend shows ("Adam 2", a default name in the page's language); what
          // the user types stays as typed until the field loses focus.
          value={draftName ?? name}
          placeholder={OPTIMIZERS[config.type].label}
          maxLength={40}
          onBlur={() => setDraftName(null)}
          onChange={(e) => {
            setDraftName(e.target.value);
            const rest = without(config, 'label');
            update(e.target.value === '' ? rest : { ...rest, label: e.target.value });
          }}
          aria-label={`${t('optimizers.name')} (${name})`}
        />
        <button
          type="button"
          className="expand"
          aria-expanded={selected}
          aria-controls={editorId}
          aria-label={t('optimizers.edit', { name })}
          onClick={() => useDescent.getState().setView({ selected: index })}
        >
          {selected ? '▾' : '▸'}
        </button>
        <button
          type="button"
          className="remove"
          onClick={remove}
          aria-label={t('optimizers.remove', { name })}
        >
          ×
        </button>
      </div>
      {diverged >= 0 && (
        <p className="diverged" data-testid={`diverged-${index}`}>
          {raised !== undefined
            ? t('optimizers.raised', { step: diverged, error: raised })
            : t(leftDomain ? 'optimizers.leftDomain' : 'optimizers.diverged', { step: diverged })}
        </p>
      )}
      {diverged === OUTSIDE && (
        <p className="diverged" data-testid={`diverged-${index}`}>
          {t('optimizers.noPath')}
        </p>
      )}
      {!selected && <DivergenceNote index={index} config={config} brief />}
      {selected && (
        <div id={editorId} className="optimizer-editor">
          <OptimizerEditor config={config} update={update} index={index} name={name} />
        </div>
      )}
    </li>
  );
});

function LineSample(props: { color: string; dash: readonly number[] }) {
  return (
    <svg width={28} height={8} aria-hidden="true" className="line-sample">
      <line
        x1={1}
        x2={27}
        y1={4}
        y2={4}
        stroke={props.color}
        strokeWidth={2.5}
        strokeDasharray={props.dash.join(' ')}
      />
    </svg>
  );
}
