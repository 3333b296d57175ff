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
import { inspectStep } from '../inspectStep';
import type { DomainPoint, Scene, Surface } from '../types';
import { hiddenState, times, usedGradient } from './hiddenState';

/** Which momentum-like state an arrow shows (the label the map gives it). */
export type MomentumKind = 'buffer' | 'lookahead' | 'm-hat';

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
 * range or the run diverged before it. Each optimizer's formula is torch.optim's (see its file).
 */
export function stateGlyphs(
  surface: Surface,
  scene: Scene,
  index: number,
  k: number,
): StateGlyphs | undefined {
  const step = inspectStep(surface, scene, index, k);
  const config = scene.optimizers[index];
  if (!step || !config) return undefined;
  const { lr } = step;
  // The family's reading (hiddenState.ts, shared with the step arrows).
  const hidden = hiddenState(step, config);
  const momentum: StateGlyphs['momentum'] = hidden.lookahead
    ? { kind: 'lookahead', vector: hidden.lookahead }
    : hidden.buffer
      ? { kind: 'buffer', vector: hidden.buffer }
      : hidden.mHat
        ? { kind: 'm-hat', vector: hidden.mHat }
        : undefined;
  const { box, search } = hidden;
  return {
    k,
    point: step.point,
    lr,
    gradient: times(-lr, usedGradient(step)),
    ...(momentum ? { momentum } : {}),
    ...(box ? { box } : {}),
    ...(search ? { search } : {}),
  };
}
