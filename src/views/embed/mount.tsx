/**
 * Starts embed mode: applies the theme, renders the embedded scene, starts the postMessage API.
 * Loaded lazily by main.tsx only when the URL says `embed=1`, so the app's own pages do not carry it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startEmbedApi } from '../../embed/api';
import type { EmbedOptions, EmbedTheme } from '../../embed/options';
import { EmbedApp } from './EmbedApp';

/** Writes the resolved theme on <html> (`data-theme`, the attribute the app's colours key on). */
export function applyEmbedTheme(theme: EmbedTheme, win: Window = window): () => void {
  const root = win.document.documentElement;
  const query =
    theme === 'auto' && typeof win.matchMedia === 'function'
      ? win.matchMedia('(prefers-color-scheme: dark)')
      : null;
  const apply = (): void => {
    const resolved = theme === 'auto' ? (query?.matches ? 'dark' : 'light') : theme;
    root.dataset.theme = resolved;
    root.style.colorScheme = resolved;
  };
  apply();
  query?.addEventListener('change', apply);
  root.classList.add('embedded');
  return () => query?.removeEventListener('change', apply);
}

/** Mounts the embed into `element`. */
export function mountEmbed(element: HTMLElement, options: EmbedOptions): void {
  applyEmbedTheme(options.theme);
  startEmbedApi();
  createRoot(element).render(
    <StrictMode>
      <EmbedApp options={options} />
    </StrictMode>,
  );
}
