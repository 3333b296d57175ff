/**
 * The schedule part of an optimizer's settings: the type (torch.optim.lr_scheduler's classes),
 * each of its arguments with torch's names and defaults (SCHEDULE_FIELDS), a sequential's own
 * schedules, and a live preview of the lr (and cycled momentum) over the scene's steps.
 */
import { useMemo, useState } from 'react';
import { momentumKeyOf, resolvedLr } from '../../engine/optimizers';
import { scheduleValues } from '../../engine/optimizers/schedule';
import { SCHEDULE_FIELDS, SCHEDULE_TYPES } from '../../engine/optimizers/schedule-spec';
import type { ScheduleFieldSpec } from '../../engine/optimizers/schedule-spec';
import type { OptimizerConfig, Schedule, ScheduleType } from '../../engine/types';
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useDescent } from '../../state/store';
import { formatNumber } from '../formula/format';
import { schedulePreset } from './schedulePresets';
import { NumberField } from './SurfacePanel';

/** Commits an optimizer config; returns the refusals (shownByField: a field shows them itself). */
export type Commit = (next: OptimizerConfig, shownByField?: boolean) => readonly string[];

type Fields = Readonly<Record<string, unknown>>;

/** `schedule` with field `name` set to `value` (or removed when undefined). */
function withField(schedule: Schedule, name: string, value: unknown): Schedule {
  const copy: Record<string, unknown> = { ...schedule };
  if (value === undefined) delete copy[name];
  else copy[name] = value;
  return copy as unknown as Schedule;
}

const typeLabel = (type: ScheduleType | 'none'): string =>
  t(`optimizers.schedule.${type}` as MessageKey);

/** The schedule editor of one optimizer. */
export function ScheduleEditor(props: { config: OptimizerConfig; commit: Commit }) {
  const { config, commit } = props;
  const steps = useDescent((s) => s.scene.steps);
  const schedule = config.schedule;
  const set = (next: Schedule | undefined, shownByField = false): readonly string[] => {
    const rest: Record<string, unknown> = { ...config };
    delete rest.schedule;
    const base = rest as unknown as OptimizerConfig;
    return commit(next ? { ...base, schedule: next } : base, shownByField);
  };
  return (
    <div className="param param-schedule" data-testid="schedule-editor">
      <label className="field">
        <span className="param-name">{t('optimizers.schedule')}</span>
        <select
          data-testid="schedule-type"
          value={schedule?.type ?? 'none'}
          onChange={(e) => {
            const v = e.target.value as ScheduleType | 'none';
            set(v === 'none' ? undefined : schedulePreset(v, config, steps));
          }}
        >
          {(['none', ...SCHEDULE_TYPES] as const).map((v) => (
            <option key={v} value={v}>
              {typeLabel(v)}
            </option>
          ))}
        </select>
      </label>
      {schedule && (
        <>
          <ScheduleFields
            schedule={schedule}
            config={config}
            steps={steps}
            testPrefix="schedule"
            onChange={(next, byField) => set(next, byField)}
          />
          <SchedulePreview schedule={schedule} config={config} steps={steps} />
        </>
      )}
    </div>
  );
}

function ScheduleFields(props: {
  schedule: Schedule;
  config: OptimizerConfig;
  steps: number;
  testPrefix: string;
  onChange: (next: Schedule, shownByField?: boolean) => readonly string[];
}) {
  const { schedule, config, steps, testPrefix, onChange } = props;
  const fields = schedule as unknown as Fields;
  return (
    <div className="schedule-fields">
      {SCHEDULE_FIELDS[schedule.type].map((spec) => (
        <ScheduleField
          key={spec.name}
          spec={spec}
          value={fields[spec.name]}
          schedule={schedule}
          config={config}
          steps={steps}
          testId={`${testPrefix}-${spec.name}`}
          onChange={onChange}
        />
      ))}
    </div>
  );
}

function ScheduleField(props: {
  spec: ScheduleFieldSpec;
  value: unknown;
  schedule: Schedule;
  config: OptimizerConfig;
  steps: number;
  testId: string;
  onChange: (next: Schedule, shownByField?: boolean) => readonly string[];
}) {
  const { spec, value, schedule, config, steps, testId, onChange } = props;
  switch (spec.kind) {
    case 'number': {
      // An absent field shows what torch will use: its default, the scene's steps for one-cycle's
      // total_steps, step_size_up for cyclic's step_size_down.
      const up = (schedule as unknown as Fields).step_size_up;
      const shown =
        typeof value === 'number'
          ? value
          : spec.defaultSteps
            ? steps
            : spec.nullable
              ? typeof up === 'number'
                ? up
                : 2000
              : (spec.default ?? 0);
      return (
        <NumberField
          key={spec.name}
          label={spec.name}
          value={shown}
          testId={testId}
          onCommit={(v) => onChange(withField(schedule, spec.name, v), true)}
        />
      );
    }
    case 'boolean':
      return (
        <label className="param param-bool">
          <input
            type="checkbox"
            data-testid={testId}
            checked={typeof value === 'boolean' ? value : spec.default}
            onChange={(e) => onChange(withField(schedule, spec.name, e.target.checked))}
          />
          <span>{spec.name}</span>
        </label>
      );
    case 'choice':
      return (
        <label className="field">
          <span className="param-name">{spec.name}</span>
          <select
            data-testid={testId}
            value={typeof value === 'string' ? value : spec.default}
            onChange={(e) => onChange(withField(schedule, spec.name, e.target.value))}
          >
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      );
    case 'list':
      return (
        <ListField
          key={`${spec.name}:${String(value)}`}
          name={spec.name}
          value={Array.isArray(value) ? (value as number[]) : []}
          testId={testId}
          onCommit={(v) => onChange(withField(schedule, spec.name, v), true)}
        />
      );
    case 'schedules':
      return (
        <SequentialChildren
          schedule={schedule as Extract<Schedule, { type: 'sequential' }>}
          config={config}
          steps={steps}
          testId={testId}
          onChange={onChange}
        />
      );
  }
}

/** A list of step numbers typed as "30, 80" (torch takes any number; only whole ones are reached). */
function ListField(props: {
  name: string;
  value: readonly number[];
  testId: string;
  onCommit: (value: number[]) => readonly string[];
}) {
  const [text, setText] = useState(props.value.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  const commit = (): void => {
    const parts = text.trim() === '' ? [] : text.split(/[\s,，]+/).filter((p) => p !== '');
    const numbers = parts.map(Number);
    if (numbers.some((n) => !Number.isFinite(n))) {
      setProblem(t('schedule.listInvalid', { text }));
      return;
    }
    const problems = props.onCommit(numbers);
    setProblem(problems.length > 0 ? problems.join('; ') : null);
  };
  return (
    <label className="field number-field">
      <span>{t('schedule.list', { name: props.name })}</span>
      <input
        type="text"
        value={text}
        data-testid={props.testId}
        aria-invalid={problem !== null}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}

/** A sequential's schedules: each with its own type and fields; add and remove. */
function SequentialChildren(props: {
  schedule: Extract<Schedule, { type: 'sequential' }>;
  config: OptimizerConfig;
  steps: number;
  testId: string;
  onChange: (next: Schedule, shownByField?: boolean) => readonly string[];
}) {
  const { schedule, config, steps, testId, onChange } = props;
  const children = schedule.schedulers;
  // torch's SequentialLR refuses ReduceLROnPlateau; a nested sequential is not offered either.
  const childTypes = SCHEDULE_TYPES.filter((type) => type !== 'plateau' && type !== 'sequential');
  const replace = (i: number, next: Schedule | undefined): Schedule => {
    const list = [...children];
    if (next) list[i] = next;
    else list.splice(i, 1);
    // Keep one milestone fewer than schedules, as torch requires.
    const milestones = [...schedule.milestones];
    while (milestones.length > Math.max(0, list.length - 1)) milestones.pop();
    return { ...schedule, schedulers: list, milestones };
  };
  return (
    <div className="schedule-children">
      {children.map((child, i) => (
        <fieldset key={i} className="schedule-child" data-testid={`${testId}-${i}`}>
          <legend>{t('schedule.child', { n: i + 1 })}</legend>
          <select
            aria-label={t('schedule.child', { n: i + 1 })}
            data-testid={`${testId}-${i}-type`}
            value={child.type}
            onChange={(e) =>
              onChange(replace(i, schedulePreset(e.target.value as ScheduleType, config, steps)))
            }
          >
            {childTypes.map((v) => (
              <option key={v} value={v}>
                {typeLabel(v)}
              </option>
            ))}
          </select>
          <ScheduleFields
            schedule={child}
            config={config}
            steps={steps}
            testPrefix={`${testId}-${i}`}
            onChange={(next, byField) => onChange(replace(i, next), byField)}
          />
          {children.length > 1 && (
            <button type="button" onClick={() => onChange(replace(i, undefined))}>
              {t('schedule.removeChild', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <button
        type="button"
        data-testid={`${testId}-add`}
        onClick={() => {
          const last = schedule.milestones[schedule.milestones.length - 1] ?? 0;
          const next = Math.min(steps, last + Math.max(1, Math.round(steps / 4)));
          onChange({
            ...schedule,
            schedulers: [...children, { type: 'exponential', gamma: 0.99 }],
            milestones: [...schedule.milestones, next],
          });
        }}
      >
        {t('schedule.addChild')}
      </button>
    </div>
  );
}

const PREVIEW_WIDTH = 240;
const PREVIEW_HEIGHT = 56;

/** The lr curve (and cycled momentum, dashed) this schedule gives over the scene's steps. */
function SchedulePreview(props: { schedule: Schedule; config: OptimizerConfig; steps: number }) {
  const { schedule, config, steps } = props;
  const values = useMemo(() => {
    try {
      return scheduleValues(schedule, resolvedLr(config), steps, {
        momentumKey: momentumKeyOf(config.type),
      });
    } catch {
      return undefined;
    }
  }, [schedule, config, steps]);
  if (!values || values.lrs.length === 0) {
    return <p className="schedule-preview-none">{t('schedule.previewNone')}</p>;
  }
  const { lrs, momentums } = values;
  const polyline = (series: readonly number[]): string => {
    const finite = series.filter(Number.isFinite);
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const span = hi - lo || Math.abs(hi) || 1;
    const n = Math.max(1, series.length - 1);
    return series
      .map((v, k) => {
        const x = (k / n) * (PREVIEW_WIDTH - 4) + 2;
        const y = PREVIEW_HEIGHT - 3 - ((v - lo) / span) * (PREVIEW_HEIGHT - 6);
        return `${x.toFixed(1)},${(Number.isFinite(y) ? y : PREVIEW_HEIGHT / 2).toFixed(1)}`;
      })
      .join(' ');
  };
  const cycled = momentums.every((m) => m !== undefined);
  const label = t('schedule.preview', {
    steps,
    first: formatNumber(lrs[0]!),
    last: formatNumber(lrs[lrs.length - 1]!),
    min: formatNumber(Math.min(...lrs)),
    max: formatNumber(Math.max(...lrs)),
  });
  return (
    <figure className="schedule-preview">
      <svg
        viewBox={`0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={label}
        data-testid="schedule-preview"
      >
        <polyline
          points={polyline(lrs)}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
        />
        {cycled && (
          <polyline
            points={polyline(momentums as number[])}
            fill="none"
            stroke="currentColor"
            strokeWidth={1}
            strokeDasharray="3 3"
            opacity={0.6}
            vectorEffect="non-scaling-stroke"
          />
        )}
      </svg>
      <figcaption>
        {label}
        {schedule.type === 'plateau' ? ` (${t('schedule.previewPlateau')})` : ''}
      </figcaption>
    </figure>
  );
}
