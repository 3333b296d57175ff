/**
 * The eager part of the analysis views: the "Analyze" button and the two lazy mounts (the drawer
 * and its map layers). Nothing else of the analysis code loads until the drawer is first opened.
 */
import { lazy, Suspense } from 'react';
import { t, withAllTexts } from '../../i18n';
import { useAnalysis } from '../../state/analysis';
import type { Projection } from '../map/projection';

const AnalysisDrawer = lazy(() => withAllTexts(import('./AnalysisDrawer')));
const AnalysisMapLayers = lazy(() => withAllTexts(import('./MapLayers')));

/** The button that opens the drawer, and the drawer once open. */
export function AnalyzeEntry() {
  const open = useAnalysis((s) => s.open);
  return (
    <>
      <button
        type="button"
        className="analyze-toggle"
        aria-expanded={open}
        data-testid="analyze-toggle"
        onClick={() => useAnalysis.getState().set({ open: !open })}
      >
        {open ? t('analysis.hide') : t('analysis.open')}
      </button>
      {open && (
        <Suspense
          fallback={
            <p className="field-help" aria-busy="true">
              {t('app.loading')}
            </p>
          }
        >
          <AnalysisDrawer />
        </Suspense>
      )}
    </>
  );
}

/** The analysis layers over the map (basins, ellipses, step arrows), loaded once the drawer opens. */
export function AnalysisLayers(props: { projection: Projection }) {
  const open = useAnalysis((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <AnalysisMapLayers projection={props.projection} />
    </Suspense>
  );
}
