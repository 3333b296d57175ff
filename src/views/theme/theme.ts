/**
 * Light and dark themes. The choice is light, dark or auto (follow the system's
 * prefers-color-scheme); it comes from the URL (`theme=`), else from localStorage (guarded: it
 * throws in sandboxed frames), else auto. The resolved theme is written on <html> as
 * `data-theme="light|dark"`, which theme.css keys its colour variables on.
 */
import { replaceSearch } from '../../state/replaceSearch';
import { create } from 'zustand';
// The colours data-theme selects, with the code that sets it: every entry (the app, the classic
// embed.html, which has no theme menu) gets them.
import './theme.css';

/** What the user chose. */
export type ThemeChoice = 'light' | 'dark' | 'auto';
/** What is shown. */
export type ResolvedTheme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];
export const THEME_PARAM = 'theme';
const STORAGE_KEY = 'descent.theme';

/** A theme choice from text, or null when the text is not one. */
export function parseTheme(text: string | null | undefined): ThemeChoice | null {
  return text === 'light' || text === 'dark' || text === 'auto' ? text : null;
}

/** The theme shown for a choice when the system does (or does not) prefer dark. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ResolvedTheme {
  return choice === 'auto' ? (systemDark ? 'dark' : 'light') : choice;
}

/** The choice a page starts with: the URL's, else the stored one, else auto. */
export function initialTheme(search: string, stored: string | null): ThemeChoice {
  return parseTheme(new URLSearchParams(search).get(THEME_PARAM)) ?? parseTheme(stored) ?? 'auto';
}

/** `search` with `theme=` set (removed for auto, the default), other parameters untouched. */
export function withThemeParam(search: string, choice: ThemeChoice): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '' && p !== THEME_PARAM && !p.startsWith(`${THEME_PARAM}=`));
  if (choice !== 'auto') kept.push(`${THEME_PARAM}=${choice}`);
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStored(choice: ThemeChoice): void {
  try {
    if (choice === 'auto') window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Sandboxed frames and private modes refuse storage; the URL still carries the choice.
  }
}

/** Theme state: the choice and what it resolves to now. */
export interface ThemeState {
  readonly choice: ThemeChoice;
  readonly resolved: ResolvedTheme;
  setChoice(choice: ThemeChoice): void;
}

const systemQuery = (): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;

/** The theme store. */
export const useTheme = create<ThemeState>()((set) => ({
  choice: 'auto',
  resolved: 'light',
  setChoice: (choice) =>
    set({ choice, resolved: resolveTheme(choice, systemQuery()?.matches ?? false) }),
}));

function apply(resolved: ResolvedTheme): void {
  const root = document.documentElement;
  root.dataset.theme = resolved;
  root.style.colorScheme = resolved;
}

/**
 * Reads the page's choice, applies it, follows the system while on auto, and writes later
 * choices to the URL and storage. Returns a stop function.
 */
export function startTheme(win: Window = window): () => void {
  const query = systemQuery();
  const choice = initialTheme(win.location.search, readStored());
  useTheme.setState({ choice, resolved: resolveTheme(choice, query?.matches ?? false) });
  apply(useTheme.getState().resolved);
  const onSystem = (): void => {
    const s = useTheme.getState();
    useTheme.setState({ resolved: resolveTheme(s.choice, query?.matches ?? false) });
  };
  query?.addEventListener('change', onSystem);
  const unsubscribe = useTheme.subscribe((s, previous) => {
    if (s.resolved !== previous.resolved) apply(s.resolved);
    if (s.choice !== previous.choice) {
      writeStored(s.choice);
      replaceSearch(withThemeParam(win.location.search, s.choice), win);
    }
  });
  return () => {
    query?.removeEventListener('change', onSystem);
    unsubscribe();
  };
}
