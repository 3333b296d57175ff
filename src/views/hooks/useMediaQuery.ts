import { useSyncExternalStore } from 'react';

/** Whether the CSS media query `query` matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : false),
  );
}

/** Wide enough for the map to fill a screen-high stage beside the controls (see app.css). */
export const WIDE_LAYOUT = '(min-width: 761px) and (min-height: 480px)';

/** A touch screen is the main pointer (a finger: one finger scrolls, two move the map). */
export const COARSE_POINTER = '(pointer: coarse)';
