/**
 * "Copy as PyTorch": a runnable script that reproduces a scene with torch.optim, step for step
 * the loop simulate.ts runs (loss at point k, backward, clip, step, scheduler step; stop at the
 * first non-finite position or loss). Built only from the validated scene and the parsed AST.
 */
import { OPTIMIZERS, resolvedLr, torchClassOf } from '../engine/optimizers';
import { sceneNoise, simulateOne } from '../engine/simulate';
import { parseExpression, resolveSurface } from '../engine/surfaces';
import type { Expr } from '../engine/surfaces';
import {
  cyclesMomentum,
  SCHEDULE_FIELDS,
  torchArgName,
  TORCH_SCHEDULER_CLASS,
} from '../engine/optimizers/schedule-spec';
import { BUMPS_PARAMETERS } from '../engine/surfaces/bumps';
import type { OptimizerConfig, Scene, Schedule } from '../engine/types';

/** The named surfaces as torch code of x and y (tensors). Same definitions as DESIGN.md. */
const NAMED_SURFACE_PYTHON: Readonly<Record<string, string>> = {
  quadratic: 'x**2 / 10 + y**2',
  rosenbrock: '(1 - x)**2 + 100 * (y - x**2)**2',
  beale: '(1.5 - x + x*y)**2 + (2.25 - x + x*y**2)**2 + (2.625 - x + x*y**3)**2',
  himmelblau: '(x**2 + y - 11)**2 + (x + y**2 - 7)**2',
  booth: '(x + 2*y - 7)**2 + (2*x + y - 5)**2',
  rastrigin: '20 + x**2 - 10*torch.cos(2*math.pi*x) + y**2 - 10*torch.cos(2*math.pi*y)',
  saddle: 'x**2 - y**2',
  'monkey-saddle': 'x**3 - 3*x*y**2',
  'six-hump-camel': '(4 - 2.1*x**2 + x**4/3)*x**2 + x*y + (-4 + 4*y**2)*y**2',
  'styblinski-tang': '(x**4 - 16*x**2 + 5*x + y**4 - 16*y**2 + 5*y) / 2',
  ackley:
    '-20*torch.exp(-0.2*torch.sqrt(0.5*(x**2 + y**2))) - torch.exp(0.5*(torch.cos(2*math.pi*x) + torch.cos(2*math.pi*y))) + math.e + 20',
  // The mean of the terms κ/2·‖p‖² − hᵢ·exp(−‖p − cᵢ‖²/2w²); the constants are the prelude's.
  bumps: `KAPPA / 2 * (x**2 + y**2) - torch.sum(BUMP_H * torch.exp(-((x - BUMP_X)**2 + (y - BUMP_Y)**2) / (2 * WIDTH**2))) / ${BUMPS_PARAMETERS.cx.length}`,
};

/** Constants a named surface's code reads, written above f (the bumps' centres and heights). */
const NAMED_SURFACE_PRELUDE: Readonly<Record<string, string>> = {
  bumps: [
    `KAPPA = ${py(BUMPS_PARAMETERS.kappa)}`,
    `WIDTH = ${py(BUMPS_PARAMETERS.width)}`,
    `BUMP_X = _t([${BUMPS_PARAMETERS.cx.map(py).join(', ')}])`,
    `BUMP_Y = _t([${BUMPS_PARAMETERS.cy.map(py).join(', ')}])`,
    `BUMP_H = _t([${BUMPS_PARAMETERS.height.map(py).join(', ')}])`,
  ].join('\n'),
};

const PYTHON_FUNCTION: Readonly<Record<string, string>> = {
  sin: 'torch.sin',
  cos: 'torch.cos',
  tan: 'torch.tan',
  asin: 'torch.asin',
  acos: 'torch.acos',
  atan: 'torch.atan',
  sinh: 'torch.sinh',
  cosh: 'torch.cosh',
  tanh: 'torch.tanh',
  exp: 'torch.exp',
  log: 'torch.log',
  sqrt: 'torch.sqrt',
  abs: 'torch.abs',
  sigmoid: 'torch.sigmoid',
  softplus: 'torch.nn.functional.softplus',
  min: 'torch.minimum',
  max: 'torch.maximum',
  pow: 'torch.pow',
};

/** A JS number as a Python literal (JS and Python agree on finite literals like 1e-8, 0.1). */
function py(n: number): string {
  return String(n);
}

/** A typed expression's AST as torch code; fully parenthesised, so precedence is never in doubt. */
export function expressionToPython(node: Expr): string {
  switch (node.kind) {
    case 'number':
      return py(node.value);
    case 'variable':
      return node.name;
    case 'constant':
      return `math.${node.name}`;
    case 'negate':
      return `(-${expressionToPython(node.arg)})`;
    case 'binary': {
      const op = node.op === '^' ? '**' : node.op;
      return `(${expressionToPython(node.left)} ${op} ${expressionToPython(node.right)})`;
    }
    case 'call':
      // _t() turns constant arguments into tensors: torch.maximum and friends take tensors only.
      return `${PYTHON_FUNCTION[node.fn]}(${node.args.map((a) => `_t(${expressionToPython(a)})`).join(', ')})`;
  }
}

function surfacePython(scene: Scene): string {
  if ('id' in scene.surface) return NAMED_SURFACE_PYTHON[scene.surface.id] ?? 'x**2 / 10 + y**2';
  const parsed = parseExpression(scene.surface.expr);
  return parsed.ok ? expressionToPython(parsed.ast) : 'x**2 / 10 + y**2';
}

function surfacePrelude(scene: Scene): string {
  const prelude = 'id' in scene.surface ? NAMED_SURFACE_PRELUDE[scene.surface.id] : undefined;
  return prelude === undefined ? '' : `${prelude}\n\n\n`;
}

/**
 * A hyper-parameter's number as Python: an int for counts (the spec's `integer` or `count`), else
 * a float (`0.0`, not `0`): Adam and AdamW refuse `betas=(0, 0.999)` ("betas must be either both
 * floats or both Tensors").
 */
function pyArg(config: OptimizerConfig, key: string, n: number): string {
  const spec = OPTIMIZERS[config.type].params.find((p) => p.name === key);
  const count = spec?.integer === true || spec?.count === true;
  // A whole count is written as Python's int in full (`-1e+300` would be a float torch refuses).
  if (count && Number.isInteger(n)) return BigInt(n).toString();
  return !count && Number.isInteger(n) && Math.abs(n) < 1e16 ? `${n}.0` : py(n);
}

function optimizerArgs(config: OptimizerConfig): string {
  const args = [`lr=${pyArg(config, 'lr', resolvedLr(config))}`];
  for (const [key, value] of Object.entries(config)) {
    if (['type', 'lr', 'schedule', 'clip_grad_norm', 'label', 'color', 'hidden'].includes(key))
      continue;
    if (typeof value === 'boolean') args.push(`${key}=${value ? 'True' : 'False'}`);
    else if (typeof value === 'number') args.push(`${key}=${pyArg(config, key, value)}`);
    // torch's None (max_eval, adjust_lr_fn, line_search_fn, Adafactor's eps[0]).
    else if (value === null) args.push(`${key}=None`);
    // Validated choices only ('strong_wolfe', 'original', 'match_rms_adamw', 'spectral_unclamped'): safe as literals.
    else if (typeof value === 'string') args.push(`${key}=${JSON.stringify(value)}`);
    else if (Array.isArray(value))
      args.push(
        `${key}=(${(value as readonly (number | null)[]).map((v) => (v === null ? 'None' : pyArg(config, key, v))).join(', ')})`,
      );
  }
  return args.join(', ');
}

/** One schedule argument as Python (`pct_start` must be a float: OneCycleLR checks the type). */
function argPython(name: string, value: unknown, steps: number): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value))
    return `[${value.map((v: unknown) => argPython(name, v, steps)).join(', ')}]`;
  if (typeof value === 'number') {
    const text = py(value);
    return name === 'pct_start' && Number.isInteger(value) ? `${text}.0` : text;
  }
  if (typeof value === 'object' && value !== null) return scheduleCall(value as Schedule, steps);
  return 'None';
}

/** `torch.optim.lr_scheduler.X(o, ...)` for a schedule: the fields it names, torch's defaults for the rest. */
function scheduleCall(schedule: Schedule, steps: number): string {
  const args = ['o'];
  for (const spec of SCHEDULE_FIELDS[schedule.type]) {
    const value = (schedule as unknown as Readonly<Record<string, unknown>>)[spec.name];
    if (value === undefined) {
      // The scene's own step count stands in for OneCycleLR's total_steps; torch has no default.
      if (spec.kind === 'number' && spec.defaultSteps) args.push(`${spec.name}=${steps}`);
      continue;
    }
    args.push(`${torchArgName(spec.name)}=${argPython(spec.name, value, steps)}`);
  }
  return `torch.optim.lr_scheduler.${TORCH_SCHEDULER_CLASS[schedule.type]}(${args.join(', ')})`;
}

function schedulerPython(schedule: Schedule | undefined, steps: number): string {
  return schedule === undefined ? 'None' : `lambda o: ${scheduleCall(schedule, steps)}`;
}

/**
 * The gradient perturbations the app's run of each optimizer drew (δ_k = noisy − exact gradient of
 * step k, simulate.ts), as Python tables: `tables` holds each distinct list once (gaussian and
 * heavy-tailed draws depend only on the seed and the step, so every optimizer shares one), and
 * `index[i]` is optimizer i's table. Undefined for a scene without noise (or an unusable surface).
 */
function recordedNoise(scene: Scene): { tables: string[]; index: number[] } | undefined {
  if (scene.noise === undefined) return undefined;
  const resolved = resolveSurface(scene.surface);
  if (!resolved.ok) return undefined;
  const tables: string[] = [];
  const index = scene.optimizers.map((config) => {
    const noise = sceneNoise(scene, resolved.surface);
    if (noise === undefined || OPTIMIZERS[config.type].closure === true) return -1;
    simulateOne(resolved.surface, scene.start, scene.steps, config, noise);
    const d = noise.recorded();
    const rows: string[] = [];
    for (let k = 0; k < d.length / 2; k++) rows.push(`[${py(d[2 * k]!)}, ${py(d[2 * k + 1]!)}]`);
    const table = `    [${rows.join(', ')}],`;
    const at = tables.indexOf(table);
    if (at >= 0) return at;
    tables.push(table);
    return tables.length - 1;
  });
  return { tables, index };
}

/** The whole script for a scene. */
export function sceneToPyTorch(scene: Scene): string {
  const source = 'id' in scene.surface ? `the ${scene.surface.id} surface` : scene.surface.expr;
  const noise = recordedNoise(scene);
  const runs = scene.optimizers.map((o, i) => {
    const name = JSON.stringify(o.label ?? `${torchClassOf(o.type)} #${i + 1}`);
    const clip = o.clip_grad_norm === undefined ? 'None' : py(o.clip_grad_norm);
    // torch's Muon takes matrices only: its point is the 1×2 matrix [[x, y]], as the engine's.
    const shape = OPTIMIZERS[o.type].matrix === true ? '(1, 2)' : '(2,)';
    const deltas = noise ? `, ${noise.index[i]! < 0 ? 'None' : `NOISE[${noise.index[i]}]`}` : '';
    return `    (${name}, lambda params: torch.optim.${torchClassOf(o.type)}(params, ${optimizerArgs(o)}), ${schedulerPython(o.schedule, scene.steps)}, ${clip}, ${cyclesMomentum(o.schedule) ? 'True' : 'False'}, ${shape}${deltas}),`;
  });
  // Only a noisy scene's script carries the tables and the lines that add them.
  const noiseTables = noise
    ? `
# Gradient noise ${JSON.stringify(scene.noise)}, as the app drew it: NOISE[j][k] is the
# perturbation (noisy minus exact gradient) of step k, added to p.grad after backward, before
# clipping and the step.
NOISE = [
${noise.tables.join('\n')}
]
`
    : '';
  const noiseParam = noise ? ', deltas=None' : '';
  const noiseStep = noise
    ? `
        if deltas is not None:
            with torch.no_grad():
                p.grad += torch.tensor(deltas[k], dtype=torch.float64).reshape(p.shape)`
    : '';
  return `# Descent scene as a PyTorch script: ${JSON.stringify(source).slice(1, -1)}
# Every optimizer steps from the same start; step k uses the gradient at point k.
# Run it with --json to print {"trajectories": [...]}, the form of Descent's CLI.
import json
import math
import sys

import torch

torch.set_default_dtype(torch.float64)


def _t(v):
    return torch.as_tensor(v, dtype=torch.float64)


${surfacePrelude(scene)}def f(x, y):
    return ${surfacePython(scene)}


START = (${py(scene.start[0])}, ${py(scene.start[1])})
STEPS = ${scene.steps}
${noiseTables}
RUNS = [
${runs.join('\n')}
]


def closure(optimizer, p, clip):
    """L-BFGS re-evaluates f inside its step: the loss and its (clipped) gradient at p."""
    optimizer.zero_grad()
    xy = p.view(-1)
    loss = f(xy[0], xy[1])
    loss.backward()
    if clip is not None:
        torch.nn.utils.clip_grad_norm_([p], clip)
    return loss


def run(make_optimizer, make_scheduler, clip, cycled, shape${noiseParam}):
    """One optimizer's path; lrs[k] (and momentums[k]) are what the step from point k used."""
    p = torch.tensor(START, dtype=torch.float64).reshape(shape).requires_grad_()
    optimizer = make_optimizer([p])
    scheduler = make_scheduler(optimizer) if make_scheduler else None
    plateau = isinstance(scheduler, torch.optim.lr_scheduler.ReduceLROnPlateau)
    group = optimizer.param_groups[0]
    out = {"points": [], "losses": [], "lrs": []}
    if cycled:
        out["momentums"] = []
    for k in range(STEPS + 1):
        optimizer.zero_grad()
        xy = p.view(-1)  # a fresh view each step: p changes in place
        loss = f(xy[0], xy[1])
        if not (torch.isfinite(loss) and torch.isfinite(p).all()):
            if k > 0:  # the step that led here is not kept, nor its lr
                out["lrs"].pop()
                if cycled:
                    out["momentums"].pop()
            out["diverged"] = True
            return out
        out["points"].append(p.detach().view(-1).tolist())
        out["losses"].append(loss.item())
        if k == STEPS:
            break
        loss.backward()${noiseStep}
        if clip is not None:
            torch.nn.utils.clip_grad_norm_([p], clip)
        out["lrs"].append(float(group["lr"]))
        if cycled:
            out["momentums"].append(float(group["betas"][0] if "betas" in group else group["momentum"]))
        if isinstance(optimizer, torch.optim.LBFGS):
            optimizer.step(lambda: closure(optimizer, p, clip))
        else:
            optimizer.step()
        if plateau:
            scheduler.step(loss.item())
        elif scheduler:
            scheduler.step()
    out["diverged"] = False
    return out


if __name__ == "__main__":
    results = [(name, run(*rest)) for name, *rest in RUNS]
    if "--json" in sys.argv:
        # The same form as "npm run cli -- trajectory".
        print(json.dumps({"trajectories": [r for _, r in results]}))
    else:
        for name, r in results:
            points, losses = r["points"], r["losses"]
            if not points:
                print(name + ": diverged at the start")
                continue
            end = "diverged after %d steps" % (len(points) - 1) if r["diverged"] else "final loss %.6g" % losses[-1]
            print("%s: %s at (%.6g, %.6g)" % (name, end, points[-1][0], points[-1][1]))
`;
}
