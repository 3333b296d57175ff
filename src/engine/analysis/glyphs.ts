/**
 * The optimizer's hidden state as map glyphs (issue 14): for the step k → k + 1 under the playback
 * cursor, the vectors an optimizer keeps but a path does not show, read from its own `inspect()`
 * state (through `inspectStep`, which replays the run to step k):
 *
 * - `gradient`: −η g_t, where plain gradient descent would go;
 * - `momentum`: SGD's buffer −η b_t (heavy ball), NAG's look-ahead −η μ b_t (torch's Nesterov form
 *   steps θ − η(g + μ b): the momentum carries the point to θ − η μ b, the gradient does the rest),
 *   RMSProp's buffer, Adam / AdamW / RAdam / Adamax's −η m̂_t, NAdam's −η m_t / (1 − π_t μ_{t+1});
 * - `box`: the per-coordinate adaptive step, a signed vector whose components are the box's sides
 *   (AdaGrad, RMSProp, Adam, AdamW, RAdam once rectified, NAdam, Adamax, AdaDelta, Adafactor, Rprop);
 * - `search`: L-BFGS's last search direction α·d, drawn from the point it left, θ_t − α d.
 *
 * All vectors are displacements in domain units at this step's (scheduled) learning rate.
 */
import { stateFrame } from './stateFrame';
import type { DomainPoint, FamilyGlyphs, MomentumKind, Scene, Surface } from '../types';

export type { MomentumKind } from '../types';

/** The glyphs of one step of one optimizer. */
export interface StateGlyphs {
  readonly k: number;
  /** Point k, where gradient, momentum and box start (domain units). */
  readonly point: DomainPoint;
  /** η of this step (after the schedule). */
  readonly lr: number;
  /** −η g_t. */
  readonly gradient: DomainPoint;
  readonly momentum?: { readonly kind: MomentumKind; readonly vector: DomainPoint };
  /** Signed per-coordinate step: the box spans point … point + box. */
  readonly box?: DomainPoint;
  /** L-BFGS: the last inner iteration's step α d, from `from` (= θ_t − α d). */
  readonly search?: { readonly from: DomainPoint; readonly vector: DomainPoint };
}

/**
 * The glyphs of step k (k → k + 1) of optimizer `index` of the scene; undefined when k is out of
 * range or the run diverged before it. The family's own vectors come from its code (`glyphs` in
 * engine/optimizers/<type>.ts, which reads its own `inspect()` state); every family has −η g_t.
 */
export function stateGlyphs(
  surface: Surface,
  scene: Scene,
  index: number,
  k: number,
): StateGlyphs | undefined {
  const read = stateFrame(surface, scene, index, k);
  if (!read) return undefined;
  const { step, frame, code } = read;
  const { lr, g } = frame;
  const own: FamilyGlyphs = code?.glyphs?.(frame) ?? {};
  return {
    k,
    point: step.point,
    lr,
    gradient: [-lr * g[0], -lr * g[1]],
    ...(own.momentum ? { momentum: own.momentum } : {}),
    ...(own.box ? { box: own.box } : {}),
    ...(own.search ? { search: own.search } : {}),
  };
}
