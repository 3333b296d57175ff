import { useId, useState } from 'react';
import { caretWindow } from './caret';
import { localFieldMessage, localMessage } from '../fieldMessage';
import { SURFACE_IDS } from '../../engine/surfaces/resolve';
import { isMessageKey, t } from '../../i18n';
import { lazyAfterFirstPaint } from '../hooks/lazyAfterFirstPaint';
import { useDescent } from '../../state/store';
import { PanelHelp } from '../help/PanelHelp';

// The surface's formula is typeset by KaTeX, which loads after the first paint anyway.
const FitTex = lazyAfterFirstPaint(() => import('../formula/Tex').then((m) => m.FitTex));

const CUSTOM = '__expr';

function surfaceName(id: string, fallback: string): string {
  const key = `surface.${id}`;
  return isMessageKey(key) ? t(key) : fallback;
}

/** Pick a named surface or type an expression (parsed live, error shown at its column). */
export function SurfacePanel() {
  const ref = useDescent((s) => s.scene.surface);
  const surface = useDescent((s) => s.surface);
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
      <div className="surface-tex" data-testid="surface-tex">
        <FitTex
          key={surface.id}
          tex={/^\s*f\s*\(/.test(surface.tex) ? surface.tex : `f(x, y) = ${surface.tex}`}
        />
      </div>
      <StartFields />
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

/** A number typed as text: committed on Enter or blur; a refusal is shown under the field. */
export function NumberField(props: {
  label: string;
  value: number;
  testId?: string;
  /** Label read by screen readers only (the slider beside it shows the name). */
  compact?: boolean;
  onCommit: (value: number) => readonly string[];
}) {
  const [text, setText] = useState(String(props.value));
  const [problem, setProblem] = useState<string | null>(null);
  const [seenValue, setSeenValue] = useState(props.value);
  // A new value from outside (a slider, a lesson, undo) replaces the text and any refusal shown,
  // without remounting the field on every slider tick.
  if (seenValue !== props.value) {
    setSeenValue(props.value);
    setText(String(props.value));
    setProblem(null);
  }
  const commit = (): void => {
    const v = text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(v)) {
      setProblem(t('field.notNumber', { text }));
      return;
    }
    const problems = props.onCommit(v);
    setProblem(problems.length > 0 ? problems.join('; ') : null);
  };
  return (
    <label className={`field number-field${props.compact ? ' compact' : ''}`}>
      <span className={props.compact ? 'visually-hidden' : undefined}>{props.label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={problem !== null}
        {...(props.testId ? { 'data-testid': props.testId } : {})}
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
