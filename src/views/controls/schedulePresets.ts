/**
 * The schedule a type starts with when picked in the editor: torch's defaults, plus the values
 * torch requires (gamma, t_max, max_lr...) chosen to fit the scene's steps and the optimizer's lr.
 */
import { momentumKeyOf, resolvedLr } from '../../engine/optimizers';
import type { OptimizerConfig, Schedule, ScheduleType } from '../../engine/types';

/** A fresh schedule of `type` for `config` in a scene of `steps` steps. */
export function schedulePreset(
  type: ScheduleType,
  config: OptimizerConfig,
  steps: number,
): Schedule {
  const lr = resolvedLr(config);
  const part = (fraction: number): number => Math.max(1, Math.round(steps * fraction));
  // OneCycleLR and CyclicLR cycle momentum by default; torch refuses that without momentum or betas.
  const noMomentum = momentumKeyOf(config.type) === undefined ? { cycle_momentum: false } : {};
  switch (type) {
    case 'step':
      return { type, step_size: part(0.25), gamma: 0.5 };
    case 'multistep':
      return { type, milestones: [part(0.5), part(0.75)], gamma: 0.1 };
    case 'exponential':
      return { type, gamma: 0.99 };
    case 'cosine':
      return { type, t_max: steps };
    case 'linear':
      return { type, start_factor: 0.1, total_iters: part(0.25) };
    case 'constant':
      return { type, factor: 0.5, total_iters: part(0.25) };
    case 'polynomial':
      return { type, total_iters: steps, power: 2 };
    case 'cosine_warm_restarts':
      return { type, t_0: part(0.25) };
    case 'onecycle':
      return { type, max_lr: lr, ...noMomentum };
    case 'cyclic':
      return { type, base_lr: lr / 10, max_lr: lr, step_size_up: part(0.125), ...noMomentum };
    case 'sequential': {
      const warmup = part(0.1);
      return {
        type,
        schedulers: [
          { type: 'linear', start_factor: 0.1, total_iters: warmup },
          { type: 'cosine', t_max: Math.max(1, steps - warmup) },
        ],
        milestones: [warmup],
      };
    }
    case 'plateau':
      return { type };
  }
}
