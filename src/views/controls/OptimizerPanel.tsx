import { Fragment, memo, useId, useState } from 'react';
import { localMessage } from '../fieldMessage';
import { PanelHelp } from '../help/PanelHelp';
import { OPTIMIZERS, optimizerPresets } from '../../engine/optimizers';
import { MAX_OPTIMIZERS } from '../../engine/scene';
import type { FieldError, OptimizerConfig, ParamSpec } from '../../engine/types';
import { t, useLocale } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { lazyAfterFirstPaint } from '../hooks/lazyAfterFirstPaint';
import { useFitFontSize } from '../hooks/useFitFontSize';
import { useDescent } from '../../state/store';
import { baseName, optimizerName, presetLabel } from '../names';
import { optimizerStyle, unusedColor } from '../palette';
import { lessonLrSpan } from '../../lessons/lrSpan';
import type { LrSpan } from '../../lessons/lrSpan';
import { useLesson } from '../lessons/catalogStore';
import { usePresent } from '../../state/present';
import { paramValue, sliderRange, fromSlider, SLIDER_STEPS, toSlider, withParam } from './params';
import { NumberField } from './SurfacePanel';

// Neither is needed to draw the first screen (the schedule menu sits in a closed editor, the
// critical-lr tick waits for the stability analysis): their code comes after the first paint.
// Until the editor's code is in, its first row stands in (same size: the rows below stay put).
// The hidden-state glyph switch (issue 14): its code and texts come after the first paint (the
// editor's first line keeps its height meanwhile).
const GlyphToggle = lazyAfterFirstPaint(() => import('./GlyphToggle').then((m) => m.GlyphToggle));
const ScheduleEditor = lazyAfterFirstPaint(
  () => import('./ScheduleEditor').then((m) => m.ScheduleEditor),
  (props: { config: OptimizerConfig }) => (
    <div className="param param-schedule" aria-hidden="true">
      <label className="field">
        <span className="param-name">{t('optimizers.schedule')}</span>
        <select disabled defaultValue="shown">
          <option value="shown">
            {t(`optimizers.schedule.${props.config.schedule?.type ?? 'none'}` as MessageKey)}
          </option>
        </select>
      </label>
    </div>
  ),
);
const CriticalLrTick = lazyAfterFirstPaint(() =>
  import('../analysis/CriticalLrTick').then((m) => m.CriticalLrTick),
);
// Teaching in depth (issue 14): why a run diverges or wobbles, under its lr slider (and briefly
// in a collapsed row whose run blew up), and the regime pad of SGD's lr × momentum. Both compute
// on the main thread from the engine and arrive after the first paint; the pad's stand-in has
// its height (.regime-pad in app.css), so the settings below it stay put.
const DivergenceNote = lazyAfterFirstPaint(() =>
  import('../teach/DivergenceNote').then((m) => m.DivergenceNote),
);
const RegimePad = lazyAfterFirstPaint(
  () => import('../teach/RegimePad').then((m) => m.RegimePad),
  <div className="regime-pad" aria-hidden="true" />,
);

/** Entries of the "add" menu: every family's presets (SGD's include Momentum and NAG). */
const PRESETS = optimizerPresets().map((p) => ({ ...p, label: () => presetLabel(p.label) }));

/** `config` without one optional field (absent, not undefined: the URL and validator see no key). */
function without(
  config: OptimizerConfig,
  key: 'label' | 'schedule' | 'clip_grad_norm',
): OptimizerConfig {
  const copy: Record<string, unknown> = { ...config };
  delete copy[key];
  return copy as unknown as OptimizerConfig;
}

const describeErrors = (errors: readonly FieldError[]): string[] =>
  errors.map((e) =>
    t('optimizers.invalid', {
      field: e.path.replace(/^optimizers\[\d+\]\./, ''),
      message: localMessage(e),
    }),
  );

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
          {t('optimizers.diverged', { step: diverged })}
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

type Update = (next: OptimizerConfig) => readonly FieldError[];

/** Every hyper-parameter of the type (torch defaults), the schedule and gradient clipping. */
function OptimizerEditor(props: {
  config: OptimizerConfig;
  update: Update;
  index: number;
  name: string;
}) {
  const { config, update, index } = props;
  const def = OPTIMIZERS[config.type];
  const [problem, setProblem] = useState<string | null>(null);
  // A typed field shows its own refusal under itself; the editor's line is for the other controls.
  const commit: Commit = (next, shownByField = false) => {
    const errors = describeErrors(update(next));
    setProblem(errors.length > 0 && !shownByField ? errors.join('; ') : null);
    return errors;
  };
  const specs = [...def.params].sort((a, b) => (a.name === 'lr' ? -1 : b.name === 'lr' ? 1 : 0));
  // In a lesson, the lr slider spans the lesson's interesting range, as the presenter's does
  // (0.95 → 1.05 was 1 px of a five-decade slider); the typed field still takes any value.
  const lesson = useLesson(usePresent((s) => s.lesson));
  const lrSpan = typeof lesson === 'object' ? lessonLrSpan(lesson, index) : undefined;
  return (
    <div className="param-list">
      <div className="type-line">
        <p className="type-name">{def.label}</p>
        <GlyphToggle index={props.index} name={props.name} />
      </div>
      {specs.map((spec) => (
        <Fragment key={spec.name}>
          <ParamControl
            spec={spec}
            config={config}
            commit={commit}
            {...(spec.name === 'lr' && lrSpan ? { span: lrSpan } : {})}
          />
          {spec.name === 'lr' && <DivergenceNote index={index} config={config} />}
        </Fragment>
      ))}
      {config.type === 'sgd' && <RegimePad index={index} config={config} />}
      <ScheduleEditor config={config} commit={commit} />
      <ClipControl config={config} commit={commit} />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

type Commit = (next: OptimizerConfig, shownByField?: boolean) => readonly string[];

function paramLabel(name: string): string {
  return name === 'lr' ? t('optimizers.lr') : name;
}

function ParamControl(props: {
  spec: ParamSpec;
  config: OptimizerConfig;
  commit: Commit;
  /** A lesson's span for the lr slider (see lessons/lrSpan). */
  span?: LrSpan;
}) {
  const { spec, config, commit } = props;
  const value = paramValue(config, spec);
  const label = paramLabel(spec.name);
  if (spec.kind === 'boolean') {
    return (
      <label className="param param-bool">
        <input
          type="checkbox"
          checked={value === true}
          onChange={(e) => commit(withParam(config, spec.name, e.target.checked))}
        />
        <span>{spec.name}</span>
      </label>
    );
  }
  if (spec.kind === 'pair' || spec.kind === 'tuple') {
    const items = value as readonly (number | null)[];
    const fallback = spec.default as readonly (number | null)[];
    const set = (i: number, v: number | null) =>
      commit(
        withParam(
          config,
          spec.name,
          items.map((x, j) => (j === i ? v : x)),
        ),
        true,
      );
    return (
      <div className="param param-pair">
        <span className="param-name">{spec.name}</span>
        {items.map((item, i) => (
          <NullableNumber
            key={`${i}:${String(item)}`}
            label={`${spec.name}[${i}]`}
            shownLabel={`[${i}]`}
            value={item}
            nullable={spec.elements?.[i]?.nullable === true}
            fallback={fallback[i] ?? 0}
            testId={`field-${spec.name}-${i}`}
            onCommit={(v) => set(i, v)}
          />
        ))}
      </div>
    );
  }
  if (spec.kind === 'choice') {
    const choices = spec.choices ?? [];
    return (
      <label className="param param-choice">
        <span className="param-name">{spec.name}</span>
        <select
          value={value === null ? NONE_OPTION : String(value)}
          data-testid={`field-${spec.name}`}
          onChange={(e) =>
            commit(
              withParam(config, spec.name, e.target.value === NONE_OPTION ? null : e.target.value),
            )
          }
        >
          {choices.map((c) => (
            <option key={c ?? NONE_OPTION} value={c ?? NONE_OPTION}>
              {c ?? t('optimizers.none')}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (value === null || spec.nullable) {
    return (
      <div className="param param-number">
        <span className="param-name">{label}</span>
        <NullableNumber
          label={label}
          value={value as number | null}
          nullable
          fallback={20}
          testId={`field-${spec.name}`}
          onCommit={(v) => commit(withParam(config, spec.name, v), true)}
        />
      </div>
    );
  }
  const number = value as number;
  const range: [number, number] | undefined = props.span
    ? [props.span.range[0], props.span.range[1]]
    : sliderRange(spec);
  const log = props.span ? props.span.log : spec.log === true;
  return (
    <div className={`param param-number${range ? ' with-slider' : ''}`}>
      {range && (
        <label className="slider">
          <span className="param-name">
            {label}
            {log ? ` ${t('optimizers.logScale')}` : ''}
          </span>
          <input
            type="range"
            min={0}
            max={SLIDER_STEPS}
            step={1}
            value={toSlider(number, range, log)}
            data-testid={`slider-${spec.name}`}
            aria-valuetext={String(number)}
            onChange={(e) => {
              const v = fromSlider(Number(e.target.value), range, log);
              const whole = spec.integer === true || spec.wholeSlider === true;
              commit(withParam(config, spec.name, whole ? Math.round(v) : v));
            }}
          />
          {spec.name === 'lr' && <CriticalLrTick config={config} range={range} log={log} />}
        </label>
      )}
      <NumberField
        label={label}
        compact={range !== undefined}
        value={number}
        testId={`field-${spec.name}`}
        onCommit={(v) => commit(withParam(config, spec.name, v), true)}
      />
    </div>
  );
}

/** The <select> value standing for torch's None. */
const NONE_OPTION = '__none__';

/**
 * A number field that may also hold torch's None (Adafactor's eps[0], L-BFGS's max_eval): a
 * "None" check box beside it switches between None and a number.
 */
function NullableNumber(props: {
  label: string;
  shownLabel?: string;
  value: number | null;
  nullable: boolean;
  fallback: number;
  testId: string;
  onCommit: (value: number | null) => readonly string[];
}) {
  const { label, shownLabel, value, nullable, fallback, testId, onCommit } = props;
  return (
    <span className="nullable-number">
      {value !== null && (
        <NumberField
          label={label}
          {...(shownLabel !== undefined ? { shownLabel } : {})}
          value={value}
          testId={testId}
          onCommit={onCommit}
        />
      )}
      {nullable && (
        <label className="param-bool">
          <input
            type="checkbox"
            checked={value === null}
            data-testid={`${testId}-none`}
            onChange={(e) => onCommit(e.target.checked ? null : fallback)}
          />
          <span>{t('optimizers.none')}</span>
        </label>
      )}
    </span>
  );
}

function ClipControl(props: { config: OptimizerConfig; commit: Commit }) {
  const { config, commit } = props;
  const clip = config.clip_grad_norm;
  return (
    <div className="param param-clip">
      <label className="param-bool">
        <input
          type="checkbox"
          checked={clip !== undefined}
          onChange={(e) => {
            const rest = without(config, 'clip_grad_norm');
            commit(e.target.checked ? { ...rest, clip_grad_norm: 1 } : rest);
          }}
        />
        <span>{t('optimizers.clip')}</span>
      </label>
      {clip !== undefined && (
        <NumberField
          label="max_norm"
          value={clip}
          onCommit={(v) => commit({ ...config, clip_grad_norm: v })}
        />
      )}
    </div>
  );
}
