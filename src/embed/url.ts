/**
 * How an embed reads its address: once, through the same reader as the app's (so the scene is
 * validated the same way), and never writes it back: the iframe's address carries the embed's
 * own parameters (embed, controls, theme, lang), which the app's URL sync would drop.
 */
import { loadState } from '../state/store';
import { readQuery } from '../state/url';

/** Fills the store from `search` (scene, view; problems shown as load errors). */
export function loadEmbedUrl(search: string = window.location.search): void {
  const { scene, view, errors } = readQuery(search);
  loadState(scene, view, errors);
}
