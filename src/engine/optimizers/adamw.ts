/** AdamW: torch.optim.AdamW 2.x, Adam with decoupled weight decay (default 1e-2). */
import type { OptimizerDef } from '../types';
import { registerOptimizer } from './registry';
import { adamArrows, adamGlyphs, adamParams, createAdam } from './adam';

const PARAMS = adamParams(1e-2, false);

/** torch.optim.AdamW: θ shrinks by (1 − lr·weight_decay) each step, outside the adaptive scaling. */
export const adamw: OptimizerDef = {
  type: 'adamw',
  label: 'AdamW',
  presets: [{ id: 'adamw', label: 'AdamW', config: { type: 'adamw', lr: 0.1 } }],
  params: PARAMS,
  create: (config, n) => createAdam(PARAMS, config, n, true),
  glyphs: adamGlyphs,
  arrows: adamArrows,
};

declare module '../types' {
  interface OptimizerTypeNames {
    adamw: true;
  }
}

registerOptimizer(adamw);
