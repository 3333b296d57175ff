import { useId } from 'react';
import { ACTIVATIONS } from '../../engine/nn/activations';
import { DATASETS } from '../../engine/nn/datasets';
import { MAX_LAYERS, MAX_WIDTH } from '../../engine/nn/network';
import { OPTIMIZER_TYPES, OPTIMIZERS } from '../../engine/optimizers';
import type { OptimizerType } from '../../engine/types';
import { LAB_INITS, useLabStore } from '../../state/lab';
import type { LabConfig, LabInit } from '../../state/lab';
import { t } from './strings';
import type { LabStringKey } from './strings';

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Slider on a log10 scale (the number box still takes plain numbers). */
  log?: boolean;
  integer?: boolean;
  onChange: (value: number) => void;
}

/** A labelled slider with a number box beside it; both keyboard-operable. */
function Slider({ label, value, min, max, log = false, integer = false, onChange }: SliderProps) {
  const id = useId();
  const toSlider = (v: number): number => (log ? Math.log10(v) : v);
  const fromSlider = (s: number): number => (log ? Number((10 ** s).toPrecision(2)) : s);
  const accept = (v: number): void => {
    if (!Number.isFinite(v)) return;
    const clamped = Math.max(min, Math.min(max, integer ? Math.round(v) : v));
    if (clamped !== value) onChange(clamped);
  };
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <div className="lab-slider">
        <input
          id={id}
          type="range"
          min={toSlider(min)}
          max={toSlider(max)}
          step={log ? 0.05 : 1}
          value={toSlider(value)}
          onChange={(e) => accept(fromSlider(Number(e.target.value)))}
        />
        <input
          type="number"
          aria-label={label}
          min={min}
          max={max}
          step={integer ? 1 : 'any'}
          value={value}
          onChange={(e) => accept(Number(e.target.value))}
        />
      </div>
    </div>
  );
}

function Select<T extends string>(props: {
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
              <span
                aria-label={t('lab.config', {
                  slot: slot === 'a' ? t('lab.slotA') : t('lab.slotB'),
                })}
              >
                {slot === 'a' ? t('lab.slotA') : t('lab.slotB')}
              </span>
            </label>
          ))}
        </div>
      )}
      <div className="lab-fields">
        <Slider
          label={t('lab.depth')}
          value={config.depth}
          min={1}
          max={MAX_LAYERS}
          integer
          onChange={(depth) => set({ depth })}
        />
        <Slider
          label={t('lab.width')}
          value={config.width}
          min={1}
          max={MAX_WIDTH}
          integer
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
          min={0.01}
          max={100}
          log
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
        <div className="lab-field">
          <label htmlFor="lab-clip">{t('lab.clip')}</label>
          <input
            id="lab-clip"
            type="number"
            min={0}
            step="any"
            value={config.clip}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v) && v >= 0 && v <= 1e6) set({ clip: v });
            }}
          />
        </div>
        <Select<OptimizerType>
          label={t('lab.optimizer')}
          value={config.optimizer}
          options={OPTIMIZER_TYPES}
          text={(o) => OPTIMIZERS[o].label}
          onChange={(optimizer) => set({ optimizer })}
        />
        <Slider
          label={t('lab.lr')}
          value={config.lr}
          min={1e-5}
          max={10}
          log
          onChange={(lr) => set({ lr })}
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
          min={0}
          max={9999}
          integer
          onChange={(seed) => set({ seed })}
        />
      </div>
    </section>
  );
}
