import { useDescent } from '../../state/store';
import { FitTex } from '../formula/Tex';
import { useAfterScenePaint } from '../hooks/useAfterScenePaint';
import { surfaceFormulaTex, surfaceTexClass } from './surfaceTex';

/**
 * The surface's formula. It changes once the map shows the new surface, so the map is not kept
 * waiting while the formula is typeset and fitted: typesetting Beale's formula and trying its 11
 * fits added 50–90 ms to the surface change (Chromium, 2 cores).
 */
export function SurfaceFormula() {
  const surface = useAfterScenePaint(useDescent((s) => s.surface));
  return (
    <div className={surfaceTexClass(surface.tex)} data-testid="surface-tex">
      <FitTex key={surface.id} fitHeight tex={surfaceFormulaTex(surface.tex)} />
    </div>
  );
}
