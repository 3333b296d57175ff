import { useId, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { OPTIMIZERS } from '../../engine/optimizers';
import type { OptimizerConfig, Scene, Surface } from '../../engine/types';
import { useLocale } from '../../i18n';
import { baseName, optimizerName } from '../names';
import { formulaOf, ruleTex as ruleTexOf } from '../../engine/optimizers/formulas';
import { formulaStep } from './inspect';
import { notesTex } from './notesTex';
import { withCycledMomentum } from './cycled';
import { formulaText, optimizerNote } from './strings';
import { substitutedTex } from './substitute';
import { localTexWords } from './texWords';
import { FitTex } from './Tex';
import './formula.css';

/** Props of the formula panel: the scene, its resolved surface and the playback cursor. */
export interface FormulaPanelProps {
  scene: Scene;
  surface: Surface;
  /** Playback step; the panel explains the update from this point to the next. */
  cursor: number;
  /** Index of the optimizer shown. */
  selected: number;
  onSelect?: (index: number) => void;
}

const FALLBACK_COLOR = '#555555';

/** The optimizer's name in this scene (duplicates numbered, as in the legend). */
function nameIn(optimizers: readonly OptimizerConfig[], config: OptimizerConfig): string {
  const i = optimizers.indexOf(config);
  return i >= 0 ? optimizerName(optimizers, i) : baseName(config);
}

/**
 * The selected optimizer's update rule (torch's executed form, the notes' box beside it, and
 * where they differ), then the same rule with the cursor step's numbers filled in.
 */
export function FormulaPanel(props: FormulaPanelProps) {
  const { scene, surface, onSelect } = props;
  // Already throttled by the caller (App's useThrottledStore): one throttle, not two in series.
  const { cursor } = props;
  const optimizers = scene.optimizers;
  const selected = Math.max(0, Math.min(optimizers.length - 1, Math.trunc(props.selected)));
  const baseId = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const step = useMemo(
    () => formulaStep(surface, scene, selected, cursor),
    [surface, scene, selected, cursor],
  );
  // A cycling schedule sets this step's momentum or β1: the rule shows what torch ran.
  const declared = optimizers[selected];
  const cycled = step.kind === 'step' ? step.numbers.momentum : undefined;
  const config = useMemo(
    () => (declared ? withCycledMomentum(declared, cycled) : undefined),
    [declared, cycled],
  );
  // The engine's formulas are English; their words inside \text{} follow the page's language.
  const locale = useLocale();
  const ruleTex = useMemo(
    () => (config ? localTexWords(ruleTexOf(config)) : ''),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the words depend on the locale
    [config, locale],
  );
  const notes = useMemo(() => (config ? notesTex(config) : undefined), [config]);
  const stepTex = useMemo(
    () =>
      config && step.kind === 'step'
        ? localTexWords(substitutedTex(config, step.numbers))
        : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the words depend on the locale
    [config, step, locale],
  );

  if (config === undefined) {
    return (
      <section className="descent-formula">
        <p className="descent-formula__empty">{formulaText('formula.empty')}</p>
      </section>
    );
  }

  const select = (index: number): void => {
    onSelect?.(index);
    tabRefs.current[index]?.focus();
  };
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const last = optimizers.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (selected + 1) % (last + 1)
        : event.key === 'ArrowLeft'
          ? (selected + last) % (last + 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    select(next);
  };

  const def = OPTIMIZERS[config.type];
  const panelId = `${baseId}-panel`;
  return (
    <section className="descent-formula">
      <div
        className="descent-formula__tabs"
        role="tablist"
        aria-label={formulaText('formula.tabs')}
        onKeyDown={onTabKey}
      >
        {optimizers.map((o, i) => (
          <button
            key={i}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${i}`}
            aria-selected={i === selected}
            aria-controls={panelId}
            tabIndex={i === selected ? 0 : -1}
            className={`descent-formula__tab${o.hidden === true ? ' descent-formula__tab--hidden' : ''}`}
            style={{ ['--tab-color' as string]: o.color ?? FALLBACK_COLOR }}
            onClick={() => onSelect?.(i)}
          >
            <span className="descent-formula__swatch" aria-hidden="true" />
            {nameIn(optimizers, o)}
            {o.hidden === true && (
              <span className="descent-formula__hidden"> ({formulaText('formula.hidden')})</span>
            )}
          </button>
        ))}
      </div>
      <div
        className="descent-formula__body"
        role="tabpanel"
        id={panelId}
        aria-labelledby={`${baseId}-tab-${selected}`}
      >
        <h3 className="descent-formula__heading">
          {nameIn(optimizers, config)}
          {nameIn(optimizers, config) !== def.label && (
            <span className="descent-formula__family"> · {def.label}</span>
          )}
        </h3>
        <div className="descent-formula__columns">
          <div>
            <h4>{formulaText('formula.rule')}</h4>
            <FitTex key={selected} tex={ruleTex} className="descent-formula__math" />
          </div>
          {notes !== undefined && (
            <div>
              <h4>{formulaText('formula.notes')}</h4>
              <FitTex
                key={selected}
                tex={notes}
                className="descent-formula__math descent-formula__math--notes"
              />
            </div>
          )}
        </div>
        {formulaOf(config.type).note !== undefined && (
          <p className="descent-formula__note">
            <strong>{formulaText('formula.note')}:</strong> {optimizerNote(config.type)}
          </p>
        )}
        {step.kind === 'step' && stepTex !== undefined && (
          <div className="descent-formula__step" aria-live="off">
            <h4>{formulaText('formula.step', { k: step.numbers.k, next: step.numbers.k + 1 })}</h4>
            <FitTex key={selected} tex={stepTex} columnVectors className="descent-formula__math" />
            <p className="descent-formula__hint">{formulaText('formula.elementwise')}</p>
          </div>
        )}
        {step.kind === 'outside' && (
          <p className="descent-formula__diverged" role="status" data-testid="formula-outside">
            {formulaText('formula.outside', { x: scene.start[0], y: scene.start[1] })}
          </p>
        )}
        {step.kind === 'diverged' && (
          <p className="descent-formula__diverged" role="status">
            {formulaText(step.leftDomain ? 'formula.leftDomain' : 'formula.diverged', {
              label: nameIn(optimizers, config),
              step: step.step,
            })}
          </p>
        )}
      </div>
    </section>
  );
}
