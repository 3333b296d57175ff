/**
 * torch 2.x's `maximize` flag, shared by every family whose schema lists it: each of torch's
 * single-tensor steps begins with `grad = -grad if maximize`, before weight decay and state, so
 * one wrapper around a family's step is exactly torch's behaviour (its TeX: formulas.ts ruleTex).
 * torch 2.14's LBFGS, which evaluates f itself, negates the closure's loss and flat gradient at
 * every evaluation (`_gather_flat_grad`, `_directional_evaluate`, `orig_loss`): the closure is
 * wrapped the same way.
 */
import type { Closure, OptimizerConfig, OptimizerDef, OptimizerInstance } from '../types';

/** The gradient as the families write it in TeX. */
export const GRADIENT_TEX = '\\nabla f(\\theta_{t-1})';
/** What it becomes with maximize on (the step climbs f). */
export const MAXIMIZE_GRADIENT_TEX = `-${GRADIENT_TEX}`;

function offersMaximize(def: OptimizerDef): boolean {
  return def.params.some((p) => p.name === 'maximize');
}

/** True when `config` asks to climb f (torch's maximize=True). */
export function maximizing(config: OptimizerConfig): boolean {
  return (config as { readonly maximize?: unknown }).maximize === true;
}

/** A closure of −f: its loss and gradient negated (torch 2.14's LBFGS with maximize). */
function climbing(closure: Closure): Closure {
  return (params, grad) => {
    const loss = closure(params, grad);
    for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]!;
    return -loss;
  };
}

/** `instance` fed −∇f instead of ∇f (negated in place, as torch's `-grads[i]`). */
function negatingGradient(instance: OptimizerInstance): OptimizerInstance {
  const averaged = instance.averaged?.bind(instance);
  const setMomentum = instance.setMomentum?.bind(instance);
  const probes = instance.probes?.bind(instance);
  return {
    step(params, grad, lr, closure) {
      for (let i = 0; i < grad.length; i++) grad[i] = -grad[i]!;
      instance.step(params, grad, lr, closure && climbing(closure));
    },
    inspect: () => instance.inspect(),
    ...(averaged ? { averaged } : {}),
    // OneCycleLR/CyclicLR still cycle momentum or β1 of a maximizing optimizer.
    ...(setMomentum ? { setMomentum } : {}),
    // L-BFGS: the loop hands it a closure, and the map shows where that closure was evaluated.
    ...(instance.needsClosure === true ? { needsClosure: true } : {}),
    ...(probes ? { probes } : {}),
  };
}

/** `def` with `maximize` applied, when its schema offers it (every registered family goes through here). */
export function withMaximize(def: OptimizerDef): OptimizerDef {
  if (!offersMaximize(def)) return def;
  return {
    ...def,
    create: (config, n, shape) =>
      maximizing(config)
        ? negatingGradient(def.create(config, n, shape))
        : def.create(config, n, shape),
  };
}
