import { useId, useState } from 'react';
import { ACTIVATIONS } from '../../engine/nn/activations';
import { DATASETS } from '../../engine/nn/datasets';
import { OPTIMIZER_TYPES, OPTIMIZERS } from '../../engine/optimizers';
import type { OptimizerType } from '../../engine/types';
import {
  effectiveLabSpeed,
  fitLabNumber,
  LAB_BOUNDS,
  LAB_INITS,
  LAB_SPEEDS,
  useLabStore,
} from '../../state/lab';
import { usePresent } from '../../state/present';
import type { LabConfig, LabInit } from '../../state/lab';
import type { LabBounds, LabFit } from '../../engine/nn/labConfig';
import { slotName, t } from './strings';
import type { LabStringKey } from './strings';

interface SliderProps {
  label: string;
  value: number;
  /** What the field takes (the URL takes the same): typed values outside are clamped, and said so. */
  bounds: LabBounds;
  /** The slider's own range when narrower than the bounds (a seed slider up to 9999). */
  sliderMin?: number;
  sliderMax?: number;
  /** Slider on a log10 scale (the number box still takes plain numbers). */
  log?: boolean;
  /** No slider: the number box alone. */
  boxOnly?: boolean;
  /** A test id for the number box (its notice gets `<id>-notice`). */
  testId?: string;
  onChange: (value: number) => void;
}

/** The notice of a typed value the field did not take as typed, in the page's language. */
function clampNotice(label: string, typed: string, fit: LabFit, bounds: LabBounds): string | null {
  if (!fit.change) return null;
  const params = {
    field: label,
    got: typed.trim(),
    used: fit.used,
    min: bounds.min,
    max: bounds.max,
  };
  return t(`lab.clamp.${fit.change}`, params);
}

/**
 * A labelled slider with a number box beside it; both keyboard-operable. A typed value outside the
 * field's bounds is clamped to the nearest one (or, at an exclusive minimum, not taken), and a
 * notice under the field names the field, the value typed and the value used.
 */
export function Slider({
  label,
  value,
  bounds,
  sliderMin = bounds.min,
  sliderMax = bounds.max,
  log = false,
  boxOnly = false,
  testId,
  onChange,
}: SliderProps) {
  const id = useId();
  const noticeId = useId();
  // The box's text while it is being typed in (null: it shows the value).
  const [text, setText] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const integer = bounds.integer ?? false;
  const toSlider = (v: number): number => (log ? Math.log10(v) : v);
  const fromSlider = (s: number): number => (log ? Number((10 ** s).toPrecision(2)) : s);
  const type = (typed: string): void => {
    setText(typed);
    const v = Number(typed);
    // Part of a number ("", "1e", "-") waits for the rest.
    if (typed.trim() === '' || !Number.isFinite(v)) return;
    const fit = fitLabNumber(v, bounds, value);
    setNotice(clampNotice(label, typed, fit, bounds));
    if (fit.used !== value) onChange(fit.used);
  };
  const slide = (v: number): void => {
    setNotice(null);
    const { used } = fitLabNumber(v, bounds, value);
    if (used !== value) onChange(used);
  };
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <div className={boxOnly ? 'lab-slider lab-slider--box' : 'lab-slider'}>
        {!boxOnly && (
          <input
            type="range"
            aria-label={label}
            min={toSlider(sliderMin)}
            max={toSlider(sliderMax)}
            step={log ? 0.05 : 1}
            value={toSlider(Math.min(sliderMax, Math.max(sliderMin, value)))}
            onChange={(e) => slide(fromSlider(Number(e.target.value)))}
          />
        )}
        <input
          id={id}
          type="number"
          min={bounds.min}
          max={bounds.max}
          step={integer ? 1 : 'any'}
          value={text ?? String(value)}
          aria-describedby={notice ? noticeId : undefined}
          data-testid={testId}
          onChange={(e) => type(e.target.value)}
          onBlur={() => setText(null)}
        />
      </div>
      {notice && (
        <p
          id={noticeId}
          className="lab-clamp-notice"
          role="status"
          data-testid={testId && `${testId}-notice`}
        >
          {notice}
        </p>
      )}
    </div>
  );
}

export function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  text: (v: T) => string;
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div className="lab-field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.text(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Toggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="lab-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

interface ControlsProps {
  running: boolean;
  onStep: () => void;
  onReset: () => void;
}

/** Every setting of the configuration being edited, the A | B switch and train / pause / step. */
/** An optimizer menu and its learning rate (a log slider and a typed box): A's, B's, the plane's. */
export function OptimizerFields(props: {
  optimizer: OptimizerType;
  lr: number;
  lrTestId: string;
  onChange: (patch: { optimizer?: OptimizerType; lr?: number }) => void;
}) {
  const { onChange } = props;
  return (
    <>
      <Select<OptimizerType>
        label={t('lab.optimizer')}
        value={props.optimizer}
        options={OPTIMIZER_TYPES}
        text={(o) => OPTIMIZERS[o].label}
        onChange={(optimizer) => onChange({ optimizer })}
      />
      <Slider
        label={t('lab.lr')}
        value={props.lr}
        bounds={LAB_BOUNDS.lr}
        sliderMin={1e-5}
        log
        testId={props.lrTestId}
        onChange={(lr) => onChange({ lr })}
      />
    </>
  );
}

/** How fast Train trains: as fast as the machine, or a pace a class can follow. */
function SpeedSelect() {
  const chosen = useLabStore((s) => s.speed);
  const presenting = usePresent((s) => s.present);
  const speed = effectiveLabSpeed(chosen, presenting);
  const id = useId();
  return (
    <div className="lab-field lab-speed">
      <label htmlFor={id}>{t('lab.speed')}</label>
      <select
        id={id}
        data-testid="lab-speed"
        value={String(speed)}
        onChange={(e) =>
          useLabStore.getState().setSpeed(e.target.value === 'max' ? 'max' : Number(e.target.value))
        }
      >
        {LAB_SPEEDS.map((v) => (
          <option key={v} value={String(v)}>
            {v === 'max' ? t('lab.speed.max') : t('lab.speed.n', { n: v })}
          </option>
        ))}
      </select>
    </div>
  );
}

export function LabControls({ running, onStep, onReset }: ControlsProps) {
  const compare = useLabStore((s) => s.compare);
  const editing = useLabStore((s) => s.editing);
  const config = useLabStore((s) => s[s.editing]);
  const store = useLabStore.getState;
  const set = (patch: Partial<LabConfig>): void => store().setConfig(editing, patch);
  return (
    <section className="lab-card lab-controls" aria-labelledby="lab-controls-title">
      <h2 id="lab-controls-title">{t('lab.controls')}</h2>
      <div className="lab-buttons">
        <button
          type="button"
          className="lab-primary"
          onClick={() => store().setRunning(!running)}
          aria-pressed={running}
        >
          {running ? t('lab.pause') : t('lab.train')}
        </button>
        <button type="button" onClick={onStep}>
          {t('lab.step')}
        </button>
        <button type="button" onClick={onReset}>
          {t('lab.reset')}
        </button>
      </div>
      <SpeedSelect />
      <Toggle
        label={t('lab.compare')}
        checked={compare}
        onChange={(on) => store().setCompare(on)}
      />
      {compare && (
        <div className="lab-tabs" role="radiogroup" aria-label={t('lab.editing')}>
          {(['a', 'b'] as const).map((slot) => (
            <label key={slot} className={editing === slot ? 'lab-tab lab-tab--on' : 'lab-tab'}>
              <input
                type="radio"
                name="lab-editing"
                checked={editing === slot}
                onChange={() => store().setEditing(slot)}
              />
              <span aria-label={t('lab.config', { slot: slotName(slot) })}>{slotName(slot)}</span>
            </label>
          ))}
        </div>
      )}
      {/* Keyed by the slot: a notice about A's typed value is not left under B's field. */}
      <div className="lab-fields" key={editing}>
        <Slider
          label={t('lab.depth')}
          value={config.depth}
          bounds={LAB_BOUNDS.depth}
          testId="lab-depth"
          onChange={(depth) => set({ depth })}
        />
        <Slider
          label={t('lab.width')}
          value={config.width}
          bounds={LAB_BOUNDS.width}
          testId="lab-width"
          onChange={(width) => set({ width })}
        />
        <Select
          label={t('lab.activation')}
          value={config.activation}
          options={ACTIVATIONS}
          text={(a) => t(`lab.act.${a}` as LabStringKey)}
          onChange={(activation) => set({ activation })}
        />
        <Select<LabInit>
          label={t('lab.init')}
          value={config.init}
          options={LAB_INITS}
          text={(i) => t(`lab.init.${i}`)}
          onChange={(init) => set({ init })}
        />
        <Slider
          label={t('lab.weightScale')}
          value={config.weightScale}
          bounds={LAB_BOUNDS.weightScale}
          sliderMin={0.01}
          log
          testId="lab-scale"
          onChange={(weightScale) => set({ weightScale })}
        />
        <Toggle
          label={t('lab.batchnorm')}
          checked={config.batchnorm}
          onChange={(batchnorm) => set({ batchnorm })}
        />
        <Toggle
          label={t('lab.residual')}
          checked={config.residual}
          onChange={(residual) => set({ residual })}
        />
        <Slider
          label={t('lab.clip')}
          value={config.clip}
          bounds={LAB_BOUNDS.clip}
          boxOnly
          testId="lab-clip"
          onChange={(clip) => set({ clip })}
        />
        <OptimizerFields
          optimizer={config.optimizer}
          lr={config.lr}
          lrTestId="lab-lr"
          onChange={set}
        />
        <Select
          label={t('lab.dataset')}
          value={config.dataset}
          options={DATASETS}
          text={(d) => t(`lab.data.${d}`)}
          onChange={(dataset) => set({ dataset })}
        />
        <Slider
          label={t('lab.seed')}
          value={config.seed}
          bounds={LAB_BOUNDS.seed}
          sliderMax={9999}
          testId="lab-seed"
          onChange={(seed) => set({ seed })}
        />
      </div>
    </section>
  );
}
