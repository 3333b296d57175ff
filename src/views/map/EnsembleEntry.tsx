/**
 * Ensemble mode's entries on the map (issue 14): nothing unless the scene has noise and the
 * ensemble is on; then the layer and the legend load with their engine code (ensemble.ts,
 * basins.ts), which the first paint does not need.
 */
import { lazy, Suspense } from 'react';
import { withAllTexts } from '../../i18n';
import { useEnsemble } from '../../state/ensemble';
import { useDescent } from '../../state/store';
import type { Projection } from './projection';

// With every text: the legend's sentences are in the later catalogue (i18n/en-more).
const load = () => withAllTexts(import('./EnsembleMap'));
const EnsembleMapLayer = lazy(() => load().then((m) => ({ default: m.EnsembleMapLayer })));
const EnsembleMapLegend = lazy(() => load().then((m) => ({ default: m.EnsembleMapLegend })));

function useEnsembleOn(): boolean {
  const count = useEnsemble((s) => s.count);
  const noisy = useDescent((s) => s.scene.noise !== undefined);
  return count > 0 && noisy;
}

/** N seeds drawn faintly and their mean path bold, under the map's own paths' markers. */
export function EnsembleLayer(props: { projection: Projection }) {
  if (!useEnsembleOn()) return null;
  return (
    <Suspense fallback={null}>
      <EnsembleMapLayer projection={props.projection} />
    </Suspense>
  );
}

/** How many runs of each optimizer reach the lowest minimum's basin. */
export function EnsembleLegend() {
  if (!useEnsembleOn()) return null;
  return (
    <Suspense fallback={null}>
      <EnsembleMapLegend />
    </Suspense>
  );
}
