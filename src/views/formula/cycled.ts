/**
 * With one-cycle or cyclic momentum, torch runs each step with the momentum (or β1) the schedule
 * set, not the one the optimizer was created with: an SGD created with momentum 0 then runs as
 * momentum SGD. The formula panel shows the rule and numbers for that effective setting.
 */
import { momentumKeyOf, resolvedParams } from '../../engine/optimizers';
import type { OptimizerConfig } from '../../engine/types';

/** `config` as this step ran it: its momentum or betas[0] replaced by the cycled `momentum`. */
export function withCycledMomentum(
  config: OptimizerConfig,
  momentum: number | undefined,
): OptimizerConfig {
  if (momentum === undefined) return config;
  const key = momentumKeyOf(config.type);
  if (key === 'momentum') return { ...config, momentum };
  if (key === 'betas') {
    const betas = resolvedParams(config)['betas'];
    const beta2 = Array.isArray(betas) && typeof betas[1] === 'number' ? betas[1] : 0.999;
    return { ...config, betas: [momentum, beta2] };
  }
  return config;
}
