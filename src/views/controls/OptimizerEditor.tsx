/**
 * One optimizer's settings (the expanded row): every hyper-parameter with torch's defaults, the
 * schedule and gradient clipping. Loaded after the first paint (OptimizerPanel): a collapsed row
 * needs none of it.
 */
import { Fragment, useState } from 'react';
import { OPTIMIZERS } from '../../engine/optimizers';
import type { FieldError, OptimizerConfig, ParamSpec } from '../../engine/types';
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { lazyAfterFirstPaint } from '../hooks/lazyAfterFirstPaint';
import { lessonLrSpan } from '../../lessons/lrSpan';
import type { LrSpan } from '../../lessons/lrSpan';
import { useLesson } from '../lessons/catalogStore';
import { usePresent } from '../../state/present';
import { paramValue, sliderRange, withParam } from './params';
import { ParamRange } from './ParamRange';
import { NumberField } from './SurfacePanel';
import { describeErrors, without } from './configEdits';
import { DivergenceNote } from './lazyDivergenceNote';

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
const RegimePad = lazyAfterFirstPaint(
  () => import('../teach/RegimePad').then((m) => m.RegimePad),
  <div className="regime-pad" aria-hidden="true" />,
);

type Update = (next: OptimizerConfig) => readonly FieldError[];

/** Every hyper-parameter of the type (torch defaults), the schedule and gradient clipping. */
export function OptimizerEditor(props: {
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
          <ParamRange
            value={number}
            range={range}
            log={log}
            data-testid={`slider-${spec.name}`}
            onValue={(v) => {
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
