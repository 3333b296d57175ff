/**
 * torch 2.x's `maximize` flag, shared by every family whose schema lists it: each of torch's
 * single-tensor steps begins with `grad = -grad if maximize`, before weight decay and state, so
 * one wrapper around a family's step and TeX is exactly torch's behaviour.
 */
import type { OptimizerConfig, OptimizerDef, OptimizerInstance } from '../types';

/** The gradient as the families write it in TeX. */
const GRADIENT_TEX = '\\nabla f(\\theta_{t-1})';
/** What it becomes with maximize on (the step climbs f). */
export const MAXIMIZE_GRADIENT_TEX = `-${GRADIENT_TEX}`;

function offersMaximize(def: OptimizerDef): boolean {
  return def.params.some((p) => p.name === 'maximize');
}

function maximizing(config: OptimizerConfig): boolean {
  return (config as { readonly maximize?: unknown }).maximize === true;
}

/** `instance` fed −∇f instead of ∇f (negated in place, as torch's `-grads[i]`). */
function negatingGradient(instance: OptimizerInstance): OptimizerInstance {
  const averaged = instance.averaged?.bind(instance);
  const setMomentum = instance.setMomentum?.bind(instance);
  return {
    step(params, grad, lr, closure) {
      for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]!;
      instance.step(params, grad, lr, closure);
    },
    inspect: () => instance.inspect(),
    ...(averaged ? { averaged } : {}),
    // OneCycleLR/CyclicLR still cycle momentum or β1 of a maximizing optimizer.
    ...(setMomentum ? { setMomentum } : {}),
  };
}

/** `def` with `maximize` applied, when its schema offers it (every registered family goes through here). */
export function withMaximize(def: OptimizerDef): OptimizerDef {
  if (!offersMaximize(def)) return def;
  return {
    ...def,
    tex: (config) =>
      maximizing(config)
        ? def.tex(config).replace(GRADIENT_TEX, MAXIMIZE_GRADIENT_TEX)
        : def.tex(config),
    create: (config, n, shape) =>
      maximizing(config)
        ? negatingGradient(def.create(config, n, shape))
        : def.create(config, n, shape),
  };
}
