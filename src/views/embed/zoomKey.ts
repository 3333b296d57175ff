/** The key held with the wheel to zoom an embed's map: Apple keyboards say ⌘ where others say Ctrl. */
export const ZOOM_KEY =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl';
