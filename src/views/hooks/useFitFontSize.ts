import { useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * Shrinks a text field's font, only as far as needed, so `text` shows whole in the field's
 * width (a preset name such as 「NAG（Nesterov）」 is wider in some CJK fonts than in others, so no
 * fixed size fits every machine). Never below `minRem` rem; past that the field scrolls as usual.
 * Re-measured when `text` changes and when the field's width changes.
 */
export function useFitFontSize<T extends HTMLInputElement>(
  text: string,
  minRem = 0.72,
): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field) return;
    const fit = (): void => {
      field.style.fontSize = '';
      const min = minRem * parseFloat(getComputedStyle(document.documentElement).fontSize);
      let size = parseFloat(getComputedStyle(field).fontSize);
      // Text width is proportional to the font size: one scaled guess, then half-pixel steps
      // for rounding (at most a few).
      if (field.scrollWidth > field.clientWidth) {
        size = Math.max(min, (size * field.clientWidth) / field.scrollWidth);
        field.style.fontSize = `${size}px`;
      }
      while (field.scrollWidth > field.clientWidth && size > min) {
        size = Math.max(min, size - 0.5);
        field.style.fontSize = `${size}px`;
      }
    };
    fit();
    // Only a change of width re-fits: the font size changes the field's height, not its width.
    let width = field.clientWidth;
    const observer = new ResizeObserver(() => {
      if (field.clientWidth === width) return;
      width = field.clientWidth;
      fit();
    });
    observer.observe(field);
    return () => observer.disconnect();
  }, [text, minRem]);
  return ref;
}
