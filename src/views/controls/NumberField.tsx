import { useState } from 'react';
import { t } from '../../i18n';
import { fieldNumber } from '../format';

/** A number typed as text: committed on Enter or blur; a refusal is shown under the field. */
export function NumberField(props: {
  label: string;
  value: number;
  testId?: string;
  /** Label read by screen readers only (the slider beside it shows the name). */
  compact?: boolean;
  /**
   * A shorter label to show (a tuple's "[1]" under its name, which a narrow column cannot fit
   * whole as "ns_coefficients[1]"); `label` stays the field's accessible name.
   */
  shownLabel?: string;
  onCommit: (value: number) => readonly string[];
}) {
  const [text, setText] = useState(fieldNumber(props.value));
  const [problem, setProblem] = useState<string | null>(null);
  const [seenValue, setSeenValue] = useState(props.value);
  // A new value from outside (a slider, a lesson, undo) replaces the text and any refusal shown,
  // without remounting the field on every slider tick.
  if (seenValue !== props.value) {
    setSeenValue(props.value);
    setText(fieldNumber(props.value));
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
      <span className={props.compact ? 'visually-hidden' : undefined}>
        {props.shownLabel ?? props.label}
      </span>
      <input
        type="text"
        {...(props.shownLabel !== undefined ? { 'aria-label': props.label } : {})}
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
