/**
 * The entry of `embed.html`, the embed built as one classic (non-module) script with its worker
 * inlined. A sandboxed iframe (`sandbox="allow-scripts"`, origin null) fetches module scripts and
 * `crossorigin` stylesheets as CORS requests, which a plain static host (no
 * Access-Control-Allow-Origin) refuses, so `?embed=1` on the app's page stays blank there; a
 * classic script and a plain stylesheet are no-cors requests and load from any host.
 * It does what main.tsx does for `?embed=1`, with everything in this one file.
 */
// One file holds everything here: the expression compiler and all texts are in from the start.
import '../engine/surfaces/expressions';
import { loadAllTexts } from '../i18n';
import { startLocale } from '../i18n/detect';
import { startEngine } from '../state/engine';
import { startPlayback } from '../state/playback';
import { installTestApi } from '../state/testApi';
import { mountEmbed } from '../views/embed/mount';
import { afterFirstPaint } from '../views/hooks/afterFirstPaint';
import { startTheme } from '../views/theme/theme';
import { readEmbedOptions } from './options';
import { loadEmbedUrl } from './url';
import '../styles/app.css';
import '../views/a11y/a11y.css';

const localeReady = startLocale().then(loadAllTexts);
startTheme();
// This page is always an embed: `embed=1` may be left out of its address.
const options = { ...readEmbedOptions(window.location.search), embed: true };
loadEmbedUrl();
const engine = startEngine();
// The worker starts once the first frame is on screen, and refines that frame's coarse contours.
afterFirstPaint(engine.warmUp);
startPlayback();
installTestApi(engine.client);

const root = document.getElementById('root');
void localeReady.then(() => {
  if (root) mountEmbed(root, options);
});
