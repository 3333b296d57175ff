/**
 * The `lab` query parameter: read once on mount, written back (replaceState, debounced) when the
 * lab's configurations change. Other parameters (e.g. `page=lab`) are kept as they are.
 */
import { encodeLabUrl, labUrlState, useLabStore } from '../../state/lab';

/** The search string with `lab` set to `text` (removed when empty), other parameters untouched. */
export function withLabParam(search: string, text: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('lab='));
  // Keep the text readable: ':' ',' ';' are legal in a query and need no escaping.
  if (text !== '')
    kept.push(
      `lab=${encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%3B/g, ';')}`,
    );
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/** Loads the page URL's `lab` parameter into the store (defaults and messages for bad fields). */
export function loadLabUrl(): void {
  if (typeof window === 'undefined') return;
  useLabStore.getState().loadUrl(new URLSearchParams(window.location.search).get('lab'));
}

/** Writes the store's configurations back to the URL as they change; returns the unsubscribe function. */
export function watchLabUrl(): () => void {
  if (typeof window === 'undefined') return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = encodeLabUrl(labUrlState(useLabStore.getState()));
  const unsubscribe = useLabStore.subscribe((state) => {
    const text = encodeLabUrl(labUrlState(state));
    if (text === last) return;
    last = text;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { pathname, search, hash } = window.location;
      const next = withLabParam(search, text);
      try {
        if (next !== search)
          window.history.replaceState(window.history.state, '', `${pathname}${next}${hash}`);
      } catch {
        // A sandboxed or file:// page may refuse history changes; the lab still works.
      }
    }, 200);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
