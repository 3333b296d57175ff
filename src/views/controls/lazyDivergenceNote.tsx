/** The divergence note's component, loaded after the first paint (row and settings share it). */
import { lazyAfterFirstPaint } from '../hooks/lazyAfterFirstPaint';

// Teaching in depth (issue 14): why a run diverges or wobbles, under its lr slider (and briefly
// in a collapsed row whose run blew up), and the regime pad of SGD's lr × momentum. Both compute
// on the main thread from the engine and arrive after the first paint; the pad's stand-in has
// its height (.regime-pad in app.css), so the settings below it stay put.
export const DivergenceNote = lazyAfterFirstPaint(() =>
  import('../teach/DivergenceNote').then((m) => m.DivergenceNote),
);
