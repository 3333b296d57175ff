/**
 * The embed code the dialog hands to a blogger: an iframe for the current scene and the chosen
 * controls and theme, and an optional script for the host page that sizes the iframe from the
 * height notice. Pure string building, with every attribute value escaped.
 */
import { embedQuery } from './options';
import type { EmbedControls, EmbedTheme } from './options';

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** What the embed shows and how. */
export interface EmbedChoice {
  readonly controls: EmbedControls;
  readonly theme: EmbedTheme;
  /** The app's language code, when not English (the embed's `lang=`). */
  readonly lang?: string;
}

/**
 * The embed's address: `base` (the app's address without query) with the embed parameters, then
 * the scene's own query (`?scene=…&view=…`, as the app's URL writer makes it).
 */
export function embedUrl(base: string, sceneQuery: string, choice: EmbedChoice): string {
  const parts = [embedQuery(choice.controls, choice.theme)];
  if (choice.lang) parts.push(`lang=${encodeURIComponent(choice.lang)}`);
  const rest = sceneQuery.replace(/^\?/, '');
  if (rest) parts.push(rest);
  return `${base}?${parts.join('&')}`;
}

/** The built embed page (one classic script; see src/embed/classic.tsx). */
export const EMBED_PAGE = 'embed.html';

/**
 * Where embeds point, for the app open at `appHref`: embed.html in the app's folder, which loads
 * in a sandboxed iframe on any static host; the app's own page when there is no build (`dev`).
 */
export function embedBase(appHref: string, dev = false): string {
  return new URL(dev ? './' : `./${EMBED_PAGE}`, appHref.replace(/[?#].*$/, '')).href;
}

/** The `<iframe>` element to paste. */
export function iframeCode(options: { src: string; height: number; title: string }): string {
  const height = Math.max(120, Math.min(4000, Math.round(options.height)));
  return (
    `<iframe src="${escapeAttribute(options.src)}" width="100%" height="${height}" ` +
    `style="border:0;max-width:100%" loading="lazy" title="${escapeAttribute(options.title)}"></iframe>`
  );
}

/**
 * The host-page script: sets an iframe's height from its `{context: "iframe.resize", height}`
 * notice. It trusts only the window of one of the page's own iframes, and only a finite number.
 */
export const RESIZE_SCRIPT = `<script>
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.context !== 'iframe.resize' || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.max(120, Math.min(4000, Math.ceil(data.height))) + 'px';
      }
    }
  });
</script>`;
