/**
 * The `lab` and `labview` query parameters: read once on mount, written back (replaceState,
 * debounced) when the lab's configurations or its view (open tab, 3-D camera) change. Other
 * parameters (e.g. `page=lab`) are kept as they are.
 */
import { replaceSearch } from '../../state/replaceSearch';
import {
  encodeLabUrl,
  encodeLabView,
  labUrlState,
  labViewState,
  useLabStore,
} from '../../state/lab';
import type { LabStore } from '../../state/lab';

/** The search string with `name` set to `text` (removed when empty), other parameters untouched. */
export function withParam(search: string, name: string, text: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith(`${name}=`));
  // Keep the text readable: ':' ',' ';' are legal in a query and need no escaping.
  if (text !== '')
    kept.push(
      `${name}=${encodeURIComponent(text).replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%40/g, '@')}`,
    );
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/** The search string with `lab` set to `text` (removed when empty), other parameters untouched. */
export function withLabParam(search: string, text: string): string {
  return withParam(search, 'lab', text);
}

/** The search string with the lab's two parameters set from a store state. */
export function withLabState(
  search: string,
  state: Pick<LabStore, 'a' | 'b' | 'compare' | 'tab' | 'view3d' | 'more'>,
): string {
  return withParam(
    withParam(search, 'lab', encodeLabUrl(labUrlState(state))),
    'labview',
    encodeLabView(labViewState(state)),
  );
}

/** Loads the page URL's `lab` and `labview` parameters into the store (defaults and messages for bad fields). */
export function loadLabUrl(): void {
  if (typeof window === 'undefined') return;
  const params = new URLSearchParams(window.location.search);
  useLabStore.getState().loadUrl(params.get('lab'), params.get('labview'));
}

/** Writes the store's configurations back to the URL as they change; returns the unsubscribe function. */
export function watchLabUrl(): () => void {
  if (typeof window === 'undefined') return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const textOf = (state: LabStore): string =>
    `${encodeLabUrl(labUrlState(state))}&${encodeLabView(labViewState(state))}`;
  let last = textOf(useLabStore.getState());
  const unsubscribe = useLabStore.subscribe((state) => {
    const text = textOf(state);
    if (text === last) return;
    last = text;
    clearTimeout(timer);
    timer = setTimeout(() => {
      replaceSearch(withLabState(window.location.search, useLabStore.getState()));
    }, 200);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
