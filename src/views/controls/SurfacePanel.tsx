import { useId, useState } from 'react';
import { caretWindow } from './caret';
import { localFieldMessage, localMessage } from '../fieldMessage';
import { SURFACE_IDS } from '../../engine/surfaces/resolve';
import { isMessageKey, t } from '../../i18n';
import { lazyAfterFirstPaint } from '../hooks/lazyAfterFirstPaint';
import { useDescent } from '../../state/store';
import { PanelHelp } from '../help/PanelHelp';
import { NumberField } from './NumberField';
import { surfaceFormulaTex, surfaceTexClass } from './surfaceTex';

// Other panels import the field from here.
export { NumberField };

// The surface's formula is typeset by KaTeX, which loads after the first paint anyway.
// The gradient-noise control's code comes after the first paint; until then a same-sized stand-in
// (its closed form) keeps the optimizers' sliders where the reader's pointer will find them.
const NoiseControl = lazyAfterFirstPaint(
  () => import('./NoiseControl').then((m) => m.NoiseControl),
  () => <NoiseControlStandIn />,
);

function NoiseControlStandIn() {
  const type = useDescent((s) => s.scene.noise?.type);
  return (
    <fieldset className="noise-control" aria-hidden="true">
      <legend>{t('noise.heading')}</legend>
      <label className="field">
        <span>{t('noise.type')}</span>
        <select disabled defaultValue="shown">
          <option value="shown">{t(type ? `noise.type.${type}` : 'noise.type.none')}</option>
        </select>
      </label>
      <p className="field-help">{t('noise.explain')}</p>
    </fieldset>
  );
}

// The surface's formula (typeset by KaTeX, which loads after the first paint anyway): until then
// its TeX source stands in, one line high as FitTex's own stand-in before KaTeX, so the panels
// below keep their place (the lr slider moved 26 px under the pointer otherwise).
const SurfaceFormula = lazyAfterFirstPaint(
  () => import('./SurfaceFormula').then((m) => m.SurfaceFormula),
  () => <SurfaceFormulaStandIn />,
);

function SurfaceFormulaStandIn() {
  const tex = useDescent((s) => s.surface.tex);
  return (
    <div className={surfaceTexClass(tex)} data-testid="surface-tex">
      <div className="descent-fit">
        <span className="descent-tex descent-tex--display" aria-busy="true">
          <code>{surfaceFormulaTex(tex)}</code>
        </span>
      </div>
    </div>
  );
}

const CUSTOM = '__expr';

function surfaceName(id: string, fallback: string): string {
  const key = `surface.${id}`;
  return isMessageKey(key) ? t(key) : fallback;
}

/** Pick a named surface or type an expression (parsed live, error shown at its column). */
export function SurfacePanel() {
  const ref = useDescent((s) => s.scene.surface);
  const isExpr = 'expr' in ref;
  const [mode, setMode] = useState<string>(isExpr ? CUSTOM : ref.id);
  const [text, setText] = useState<string>(isExpr ? ref.expr : '');
  const [error, setError] = useState<{ message: string; column: number } | null>(null);
  const [sceneError, setSceneError] = useState<string | null>(null);
  const fieldId = useId();
  const errorId = useId();

  // Follow the store when the scene changes from elsewhere (URL, another control).
  const [seenRef, setSeenRef] = useState(ref);
  if (seenRef !== ref) {
    setSeenRef(ref);
    if ('expr' in ref) {
      setMode(CUSTOM);
      setText(ref.expr);
    } else {
      setMode(ref.id);
    }
  }

  const choose = (value: string): void => {
    setMode(value);
    setSceneError(null);
    const s = useDescent.getState();
    if (value === CUSTOM) {
      const start = text.trim() === '' ? 'x^2/10 + y^2' : text;
      setText(start);
      void tryExpression(start);
      return;
    }
    setError(null);
    const problems = s.commitScene({ ...s.scene, surface: { id: value } });
    if (problems.length > 0) setSceneError(problems.map(localMessage).join('; '));
  };

  const tryExpression = async (source: string): Promise<void> => {
    // The compiler's chunk (loaded after the first paint; at once when already in).
    const { parseExpression } = await import('../../engine/surfaces/expressions');
    const parsed = parseExpression(source);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    const s = useDescent.getState();
    if ('expr' in s.scene.surface && s.scene.surface.expr === source) return;
    const problems = s.commitScene({ ...s.scene, surface: { expr: source } });
    setSceneError(problems.length > 0 ? problems.map(localFieldMessage).join('; ') : null);
  };

  const echo = error ? caretWindow(text, error.column) : undefined;
  return (
    <section className="panel surface-panel">
      <div className="panel-heading">
        <h2>{t('surface.heading')}</h2>
        <PanelHelp topic="surface" />
      </div>
      <label className="field">
        <span>{t('surface.pick')}</span>
        <select value={mode} onChange={(e) => choose(e.target.value)} data-testid="surface-select">
          {SURFACE_IDS.map((id) => (
            <option key={id} value={id}>
              {surfaceName(id, id)}
            </option>
          ))}
          <option value={CUSTOM}>{t('surface.custom')}</option>
        </select>
      </label>
      {mode === CUSTOM && (
        <div className="field expression-field">
          <label htmlFor={fieldId}>{t('surface.expression')}</label>
          <input
            id={fieldId}
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={text}
            data-testid="expression-input"
            aria-invalid={error !== null}
            aria-describedby={errorId}
            onChange={(e) => {
              setText(e.target.value);
              void tryExpression(e.target.value);
            }}
          />
          <div id={errorId} className="field-help" aria-live="polite">
            {error && echo ? (
              <span className="field-error" data-testid="expression-error">
                <code className="caret-line">
                  {echo.line}
                  {'\n'}
                  {' '.repeat(echo.caret)}^
                </code>
                {t('surface.errorAt', { column: error.column, message: localMessage(error) })}{' '}
                {t('surface.keptLast')}
              </span>
            ) : (
              t('surface.expressionHelp')
            )}
          </div>
        </div>
      )}
      {sceneError && <p className="field-error">{sceneError}</p>}
      <SurfaceFormula />
      <StartFields />
      <NoiseControl />
    </section>
  );
}

/** Typed start point (the keyboard way to do what clicking the map does). */
function StartFields() {
  const start = useDescent((s) => s.scene.start);
  return (
    <div className="start-fields">
      {(['x', 'y'] as const).map((axis, i) => (
        <NumberField
          key={axis}
          label={t(axis === 'x' ? 'map.start.x' : 'map.start.y')}
          value={start[i]!}
          testId={`start-${axis}`}
          onCommit={(v) => {
            const s = useDescent.getState();
            const next: [number, number] = i === 0 ? [v, s.scene.start[1]] : [s.scene.start[0], v];
            return s.commitScene({ ...s.scene, start: next }).map(localMessage);
          }}
        />
      ))}
    </div>
  );
}
