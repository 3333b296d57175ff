/** AdamW: torch.optim.AdamW 2.x, Adam with decoupled weight decay (default 1e-2). */
import type { OptimizerDef } from '../types';
import { adamParams, adamTex, createAdam } from './adam';

const PARAMS = adamParams(1e-2, false);

/** torch.optim.AdamW: θ shrinks by (1 − lr·weight_decay) each step, outside the adaptive scaling. */
export const adamw: OptimizerDef = {
  type: 'adamw',
  label: 'AdamW',
  presets: [{ id: 'adamw', label: 'AdamW', config: { type: 'adamw', lr: 0.1 } }],
  params: PARAMS,
  tex: (config) => adamTex(PARAMS, config, true),
  note:
    'Not in the notes: Adam with weight decay applied to θ directly (θ ← θ(1 − ηλ)) rather than added to the gradient, ' +
    "so the decay is not rescaled by Adam's per-coordinate denominator.",
  create: (config, n) => createAdam(PARAMS, config, n, true),
};
