/**
 * A hyper-parameter's range input: positions 0..SLIDER_STEPS over `range`, log or linear
 * (params.ts), its value spoken as the number itself (aria-valuetext). The optimizer editor,
 * presenter mode and the embed each label and lay it out their own way around it.
 */
import type { InputHTMLAttributes } from 'react';
import { fromSlider, SLIDER_STEPS, toSlider } from './params';

export function ParamRange(
  props: {
    value: number;
    range: [number, number];
    log: boolean;
    /** Called with the value (3 significant digits) at the position the reader moved it to. */
    onValue: (value: number) => void;
  } & Pick<InputHTMLAttributes<HTMLInputElement>, 'aria-labelledby'> & {
      'data-testid'?: string;
    },
) {
  const { value, range, log, onValue, ...rest } = props;
  return (
    <input
      {...rest}
      type="range"
      min={0}
      max={SLIDER_STEPS}
      step={1}
      value={toSlider(value, range, log)}
      aria-valuetext={String(value)}
      onChange={(e) => onValue(fromSlider(Number(e.target.value), range, log))}
    />
  );
}
