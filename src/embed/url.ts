/**
 * How an embed reads its address: once, through the same reader as the app's (so the scene is
 * validated the same way), and never writes it back: the iframe's address carries the embed's
 * own parameters (embed, controls, theme, lang), which the app's URL sync would drop.
 */
import { rawQueryParam } from '../engine/scene-url';
import type { Scene } from '../engine/types';
import { loadState } from '../state/store';
import { readQuery, writeQuery } from '../state/url';
import type { ViewSettings } from '../state/view';

/** Fills the store from `search` (scene, view; problems shown as load errors). */
export function loadEmbedUrl(search: string = window.location.search): void {
  const { scene, view, errors } = readQuery(search);
  loadState(scene, view, errors);
}

/**
 * The full app's address for a scene seen in an embed at `href` (`…/?embed=1&…` or
 * `…/embed.html?…`): the app's page in the same folder, with the scene, the view and the embed's
 * `lang` only, so "Open in Descent" lands in the whole app rather than in the bare embed again.
 */
export function appLink(href: string, scene: Scene, view: ViewSettings): string {
  const url = new URL(href);
  const raw = rawQueryParam(url.search, 'lang');
  // Only a language-tag shape is carried over (the app validates the value itself).
  const lang = raw !== undefined && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(raw) ? raw : '';
  const folder = new URL('./', url).href;
  return `${folder}${writeQuery(scene, view)}${lang ? `&lang=${lang}` : ''}`;
}
