#!/usr/bin/python3
"""Optimizer fixtures: trajectories computed by current torch.optim (2.x) in float64.

Writes src/engine/__fixtures__/optim/cases.json:
  {torch: torch.__version__, cases: [{name, scene, trajectories: [{points, losses, grads, diverged,
   ax?, evals?}]}]}
where `scene` is a valid Scene (DESIGN.md) and each trajectory is one optimizer of the scene,
in order. `points` is [[x, y], ...] with points[0] the start, `losses[k]` = f(points[k]) and
`grads[k]` the raw gradient at points[k] (before clipping), so a test can replay the optimizer
alone, without the surface code, as well as the whole simulation. ASGD trajectories add `ax`
(ax[k] = torch's averaged iterate after step k, ax[0] = the start); L-BFGS trajectories add
`evals` (evals[k] = every point the closure was evaluated at inside step k, in order).

Muon takes only matrices, so its parameter is the 1x2 matrix [[x, y]]; every other optimizer's is
the vector [x, y]. L-BFGS is stepped as optimizer.step(closure); clipping (if any) happens inside
the closure, the only place it can act on L-BFGS.

The loop mirrors src/engine/simulate.ts:
  p = start; loss, g = f(p), grad f(p); keep point 0 if finite
  for k in range(steps):
      if clip: clip_grad_norm_(p, max_norm)
      optimizer.step(); scheduler.step()
      loss, g = f(p), grad f(p)
      if p or loss is non-finite: diverged, stop (the finite prefix is kept)

Surfaces are written here as torch code (the named ones from DESIGN.md, and each typed
expression by hand); autograd gives the gradient. The default dtype is float64 so that every
tensor torch creates for its own state (step counters, NAdam's mu_product) is float64 too.

Only the hyper-parameters the scene names are passed, so torch's own defaults are exercised.

Also writes defaults.json: each optimizer's hyper-parameter defaults read from torch's own
constructor signatures, for the schema tests.

Run with the repo's torch venv (scripts/torch-env.sh): .venv-torch/bin/python scripts/fixtures_optim.py
"""
import inspect
import json
import random
import math
import os

import torch
from torch.optim.optimizer import required

torch.set_default_dtype(torch.float64)
OUT_DIR = os.path.join(os.path.dirname(__file__), '..', 'src', 'engine', '__fixtures__', 'optim')
OUT = os.path.join(OUT_DIR, 'cases.json')
DEFAULTS_OUT = os.path.join(OUT_DIR, 'defaults.json')

TWO_PI = 2 * math.pi

# Named surfaces, exactly as DESIGN.md defines them.
NAMED = {
    'quadratic': lambda x, y: x ** 2 / 10 + y ** 2,
    'rosenbrock': lambda x, y: (1 - x) ** 2 + 100 * (y - x ** 2) ** 2,
    'beale': lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2,
    'himmelblau': lambda x, y: (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2,
    'booth': lambda x, y: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
    'rastrigin': lambda x, y: 20 + x ** 2 - 10 * torch.cos(TWO_PI * x) + y ** 2 - 10 * torch.cos(TWO_PI * y),
    'saddle': lambda x, y: x ** 2 - y ** 2,
    'monkey-saddle': lambda x, y: x ** 3 - 3 * x * y ** 2,
    'six-hump-camel': lambda x, y: (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y + (-4 + 4 * y ** 2) * y ** 2,
    'styblinski-tang': lambda x, y: (x ** 4 - 16 * x ** 2 + 5 * x + y ** 4 - 16 * y ** 2 + 5 * y) / 2,
    'ackley': lambda x, y: (
        -20 * torch.exp(-0.2 * torch.sqrt(0.5 * (x ** 2 + y ** 2)))
        - torch.exp(0.5 * (torch.cos(TWO_PI * x) + torch.cos(TWO_PI * y)))
        + math.e
        + 20
    ),
}

# Typed expressions, each transcribed by hand into torch (the app parses the string itself).
EXPRESSIONS = {
    'x^2/10 + y^2': lambda x, y: x ** 2 / 10 + y ** 2,
    'sin(x)*cos(y) + 0.1*(x^2+y^2)': lambda x, y: torch.sin(x) * torch.cos(y) + 0.1 * (x ** 2 + y ** 2),
    'exp(-(x^2+y^2)) + 0.3*exp(-((x-1.5)^2+y^2))':
        lambda x, y: torch.exp(-(x ** 2 + y ** 2)) + 0.3 * torch.exp(-((x - 1.5) ** 2 + y ** 2)),
    'log(1 + exp(x)) + abs(y)': lambda x, y: torch.log(1 + torch.exp(x)) + torch.abs(y),
    'sqrt(x^2 + y^2 + 1)': lambda x, y: torch.sqrt(x ** 2 + y ** 2 + 1),
    'abs(x)+y^2': lambda x, y: torch.abs(x) + y ** 2,
    'tanh(x)^2 + 0.5*y^2 - 0.2*cos(pi*x*y)': lambda x, y: torch.tanh(x) ** 2 + 0.5 * y ** 2 - 0.2 * torch.cos(math.pi * x * y),
    '-x^2*exp(-(x^2+y^2)) + 0.05*(x^2+y^2)': lambda x, y: -(x ** 2) * torch.exp(-(x ** 2 + y ** 2)) + 0.05 * (x ** 2 + y ** 2),
}

OPTIMIZER_CLASSES = {
    'sgd': torch.optim.SGD,
    'adagrad': torch.optim.Adagrad,
    'adadelta': torch.optim.Adadelta,
    'rmsprop': torch.optim.RMSprop,
    'adam': torch.optim.Adam,
    'adamw': torch.optim.AdamW,
    'adamax': torch.optim.Adamax,
    'nadam': torch.optim.NAdam,
    'radam': torch.optim.RAdam,
    'rprop': torch.optim.Rprop,
    'asgd': torch.optim.ASGD,
    'adafactor': torch.optim.Adafactor,
    'muon': torch.optim.Muon,
    'lbfgs': torch.optim.LBFGS,
}
# Constructors without a foreach switch (Muon's and L-BFGS's have only one code path).
NO_FOREACH = {'muon', 'lbfgs'}
PAIRS = {'betas', 'etas', 'step_sizes', 'eps_pair', 'ns_coefficients'}
HYPER_PARAMETERS = (
    'lr', 'momentum', 'dampening', 'nesterov', 'weight_decay', 'alpha', 'eps', 'centered', 'rho',
    'lr_decay', 'initial_accumulator_value', 'betas', 'amsgrad', 'momentum_decay', 'maximize',
    'decoupled_weight_decay', 'etas', 'step_sizes', 'lambd', 't0', 'beta2_decay', 'd',
    'ns_coefficients', 'ns_steps', 'adjust_lr_fn', 'max_iter', 'max_eval', 'tolerance_grad',
    'tolerance_change', 'history_size', 'line_search_fn',
)


def surface_fn(ref):
    return NAMED[ref['id']] if 'id' in ref else EXPRESSIONS[ref['expr']]


def make_optimizer(config, params):
    kwargs = {k: (tuple(v) if isinstance(v, list) else v) for k, v in config.items() if k in HYPER_PARAMETERS}
    if config['type'] in NO_FOREACH:
        return OPTIMIZER_CLASSES[config['type']](params, **kwargs)
    # The non-foreach (single-tensor) code path, as the TypeScript port follows.
    return OPTIMIZER_CLASSES[config['type']](params, foreach=False, **kwargs)


def make_scheduler(schedule, optimizer):
    if schedule is None:
        return None
    kind = schedule['type']
    if kind == 'exponential':
        return torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=schedule['gamma'])
    if kind == 'step':
        return torch.optim.lr_scheduler.StepLR(optimizer, step_size=schedule['step_size'], gamma=schedule['gamma'])
    if kind == 'cosine':
        return torch.optim.lr_scheduler.CosineAnnealingLR(
            optimizer, T_max=schedule['t_max'], eta_min=schedule.get('eta_min', 0))
    raise ValueError(kind)


def finite(*values):
    return all(math.isfinite(v) for v in values)


def run(scene, config):
    f = surface_fn(scene['surface'])
    kind = config['type']
    start = [float(v) for v in scene['start']]
    # Muon only takes matrices: the point is the 1x2 matrix [[x, y]].
    p = torch.tensor([start] if kind == 'muon' else start, requires_grad=True)
    flat = lambda t: t.detach().reshape(-1).tolist()

    def evaluate():
        p.grad = None
        q = p.reshape(-1)
        loss = f(q[0], q[1])
        loss.backward()
        return loss.item()

    optimizer = make_optimizer(config, [p])
    scheduler = make_scheduler(config.get('schedule'), optimizer)
    points, losses, grads, axes, evals = [], [], [], [], []
    probes = []

    def closure():
        probes.append(flat(p))
        loss = evaluate()
        if 'clip_grad_norm' in config:
            torch.nn.utils.clip_grad_norm_([p], config['clip_grad_norm'])
        return torch.tensor(loss)

    def keep(loss):
        points.append(flat(p))
        losses.append(loss)
        grads.append(flat(p.grad))

    def result(diverged):
        out = {'points': points, 'losses': losses, 'grads': grads, 'diverged': diverged}
        if kind == 'asgd':
            out['ax'] = axes
        if kind == 'lbfgs':
            out['evals'] = evals
        return out

    loss = evaluate()
    if not finite(*flat(p), loss):
        return result(True)
    keep(loss)
    axes.append(flat(p))
    diverged = False
    for _ in range(scene['steps']):
        if kind == 'lbfgs':
            probes.clear()
            optimizer.step(closure)
            evals.append([list(q) for q in probes])
        else:
            if 'clip_grad_norm' in config:
                torch.nn.utils.clip_grad_norm_([p], config['clip_grad_norm'])
            optimizer.step()
        if scheduler is not None:
            scheduler.step()
        loss = evaluate()
        if not finite(*flat(p), loss):
            diverged = True
            # The ghost probes of the step that diverged are kept only while its point is.
            if kind == 'lbfgs':
                evals.pop()
            break
        keep(loss)
        if kind == 'asgd':
            axes.append(flat(optimizer.state[p]['ax']))
    return result(diverged)


def scene(surface, start, steps, optimizers):
    return {'surface': surface, 'start': start, 'steps': steps, 'optimizers': optimizers}


Q = {'id': 'quadratic'}

CASES = [
    # The notes' default scene: z = x^2/10 + y^2 with the seven optimizers of note 003.
    ('notes scene: seven optimizers on the quadratic', scene(Q, [-4, 2], 30, [
        {'type': 'sgd', 'lr': 0.1},
        {'type': 'sgd', 'lr': 0.1, 'momentum': 0.9},
        {'type': 'sgd', 'lr': 0.1, 'momentum': 0.9, 'nesterov': True},
        {'type': 'adagrad', 'lr': 0.5},
        {'type': 'adadelta', 'lr': 1},
        {'type': 'rmsprop', 'lr': 0.01},
        {'type': 'adam', 'lr': 0.1},
    ])),
    ('the first nine optimizers at torch defaults on the quadratic', scene(Q, [-4, 2], 30, [
        {'type': t} for t in list(OPTIMIZER_CLASSES)[:9]
    ])),
    ('the torch 2.x additions at torch defaults on the quadratic', scene(Q, [-4, 2], 30, [
        {'type': t} for t in list(OPTIMIZER_CLASSES)[9:]
    ])),
    ('sgd options on rosenbrock', scene({'id': 'rosenbrock'}, [-1.5, 2], 40, [
        {'type': 'sgd', 'lr': 1e-3},
        {'type': 'sgd', 'lr': 1e-3, 'momentum': 0.9},
        {'type': 'sgd', 'lr': 1e-3, 'momentum': 0.9, 'dampening': 0.5},
        {'type': 'sgd', 'lr': 1e-3, 'momentum': 0.8, 'nesterov': True, 'weight_decay': 0.05},
        {'type': 'sgd', 'lr': 5e-4, 'weight_decay': 0.5},
    ])),
    ('rmsprop options on beale', scene({'id': 'beale'}, [1, 1.5], 40, [
        {'type': 'rmsprop'},
        {'type': 'rmsprop', 'lr': 0.01, 'centered': True},
        {'type': 'rmsprop', 'lr': 0.002, 'momentum': 0.9},
        {'type': 'rmsprop', 'lr': 0.005, 'momentum': 0.5, 'centered': True, 'weight_decay': 0.1},
        {'type': 'rmsprop', 'lr': 0.01, 'alpha': 0.9, 'eps': 1e-6},
    ])),
    ('adagrad options on himmelblau', scene({'id': 'himmelblau'}, [-1, -1], 30, [
        {'type': 'adagrad', 'lr': 0.5},
        {'type': 'adagrad', 'lr': 0.5, 'lr_decay': 0.05},
        {'type': 'adagrad', 'lr': 0.5, 'initial_accumulator_value': 0.1, 'eps': 1e-6},
        {'type': 'adagrad', 'lr': 0.3, 'weight_decay': 0.1},
    ])),
    ('adadelta options on booth', scene({'id': 'booth'}, [-5, 5], 30, [
        {'type': 'adadelta'},
        {'type': 'adadelta', 'lr': 5, 'rho': 0.95},
        {'type': 'adadelta', 'lr': 2, 'eps': 1e-4, 'weight_decay': 0.01},
    ])),
    ('adam options on rosenbrock', scene({'id': 'rosenbrock'}, [-1.2, 1], 40, [
        {'type': 'adam', 'lr': 0.05},
        {'type': 'adam', 'lr': 0.05, 'amsgrad': True},
        {'type': 'adam', 'lr': 0.02, 'weight_decay': 0.1},
        {'type': 'adam', 'lr': 0.02, 'betas': [0.8, 0.99], 'eps': 1e-6},
    ])),
    ('adamw options on the six-hump camel', scene({'id': 'six-hump-camel'}, [1.5, 0.8], 30, [
        {'type': 'adamw'},
        {'type': 'adamw', 'lr': 0.05},
        {'type': 'adamw', 'lr': 0.05, 'weight_decay': 0.5, 'amsgrad': True},
        {'type': 'adamw', 'lr': 0.03, 'weight_decay': 0, 'betas': [0.5, 0.9]},
    ])),
    ('adamax options on styblinski-tang', scene({'id': 'styblinski-tang'}, [0.5, -0.5], 30, [
        {'type': 'adamax'},
        {'type': 'adamax', 'lr': 0.1},
        {'type': 'adamax', 'lr': 0.1, 'weight_decay': 0.1, 'betas': [0.8, 0.95], 'eps': 1e-4},
    ])),
    ('nadam options on ackley', scene({'id': 'ackley'}, [1.2, 0.7], 30, [
        {'type': 'nadam'},
        {'type': 'nadam', 'lr': 0.02},
        {'type': 'nadam', 'lr': 0.02, 'momentum_decay': 0.02, 'weight_decay': 0.05},
        {'type': 'nadam', 'lr': 0.01, 'betas': [0.95, 0.99]},
    ])),
    ('radam options on rastrigin', scene({'id': 'rastrigin'}, [0.3, -0.2], 30, [
        {'type': 'radam'},
        {'type': 'radam', 'lr': 0.01},
        {'type': 'radam', 'lr': 0.01, 'betas': [0.9, 0.99], 'weight_decay': 0.01},
        {'type': 'radam', 'lr': 0.005, 'eps': 1e-6, 'betas': [0.8, 0.9]},
    ])),
    # torch 2.x switches on the existing families: maximize and decoupled weight decay.
    ('maximize on the saddle and the gaussian well', scene({'expr': '-x^2*exp(-(x^2+y^2)) + 0.05*(x^2+y^2)'}, [0.4, -0.6], 25, [
        {'type': 'sgd', 'lr': 0.05, 'momentum': 0.5, 'maximize': True},
        {'type': 'adagrad', 'lr': 0.1, 'maximize': True, 'weight_decay': 0.1},
        {'type': 'adadelta', 'lr': 1, 'maximize': True},
        {'type': 'rmsprop', 'lr': 0.01, 'maximize': True, 'centered': True},
        {'type': 'adam', 'lr': 0.05, 'maximize': True, 'amsgrad': True},
        {'type': 'adamw', 'lr': 0.05, 'maximize': True},
        {'type': 'adamax', 'lr': 0.05, 'maximize': True},
        {'type': 'nadam', 'lr': 0.05, 'maximize': True},
        {'type': 'radam', 'lr': 0.05, 'maximize': True},
    ])),
    ('decoupled weight decay on adam, nadam and radam', scene({'id': 'himmelblau'}, [0.7, -2.3], 40, [
        {'type': 'adam', 'lr': 0.08, 'weight_decay': 0.3, 'decoupled_weight_decay': True},
        {'type': 'adam', 'lr': 0.08, 'weight_decay': 0.3, 'decoupled_weight_decay': True, 'amsgrad': True},
        {'type': 'nadam', 'lr': 0.08, 'weight_decay': 0.3, 'decoupled_weight_decay': True},
        {'type': 'radam', 'lr': 0.08, 'weight_decay': 0.3, 'decoupled_weight_decay': True},
        {'type': 'nadam', 'lr': 0.08, 'weight_decay': 0.3},
    ])),
    ('rprop options', scene({'id': 'beale'}, [-1.1, 0.4], 40, [
        {'type': 'rprop'},
        {'type': 'rprop', 'lr': 0.1, 'etas': [0.3, 1.5]},
        {'type': 'rprop', 'lr': 0.05, 'step_sizes': [0.001, 0.2], 'maximize': False},
        {'type': 'rprop', 'lr': 0.02, 'etas': [0.7, 1.05], 'step_sizes': [0, 1]},
    ])),
    # torch takes None for either step-size bound (Tensor.clamp_ with one side open).
    ('rprop with one step-size bound', scene({'id': 'beale'}, [-1.1, 0.4], 40, [
        {'type': 'rprop', 'lr': 0.05, 'step_sizes': [None, 0.2]},
        {'type': 'rprop', 'lr': 0.1, 'etas': [0.3, 1.5], 'step_sizes': [0.001, None]},
    ])),
    ('rprop on the rastrigin ripples, maximizing on the saddle', scene({'id': 'rastrigin'}, [2.2, -1.7], 30, [
        {'type': 'rprop', 'lr': 0.3},
        {'type': 'rprop', 'lr': 0.01, 'maximize': True},
    ])),
    ('asgd options', scene({'id': 'booth'}, [4.5, -3.1], 40, [
        {'type': 'asgd'},
        {'type': 'asgd', 'lr': 0.05, 't0': 10},
        {'type': 'asgd', 'lr': 0.05, 'lambd': 0.3, 'alpha': 1.5, 't0': 3, 'weight_decay': 0.05},
        {'type': 'asgd', 'lr': 0.02, 'lambd': -0.5, 'alpha': 0.6, 't0': 0},
        {'type': 'asgd', 'lr': 0.03, 'maximize': True, 't0': 5},
    ])),
    # torch does not check lambd: a negative one makes 1 + lambd*lr*t negative, and Python's
    # float ** 0.75 is then complex; torch copies its real part into eta (with a warning).
    ('asgd with a negative lambd', scene({'expr': 'sin(x)*cos(y) + 0.1*(x^2+y^2)'}, [1.1, -0.4], 25, [
        {'type': 'asgd', 'lr': 0.05, 'lambd': -30, 't0': 3},
        {'type': 'asgd', 'lr': 0.05, 'lambd': -30, 'alpha': 2},
    ])),
    ('adafactor options', scene({'id': 'six-hump-camel'}, [-1.3, 0.9], 40, [
        {'type': 'adafactor'},
        {'type': 'adafactor', 'lr': 0.1, 'beta2_decay': -0.5},
        {'type': 'adafactor', 'lr': 0.05, 'eps': [1e-6, 0.01], 'd': 2, 'weight_decay': 0.1},
        {'type': 'adafactor', 'lr': 0.3, 'eps': [None, 0.5], 'd': 1.5, 'maximize': True},
    ])),
    ('adafactor on the tanh valley', scene({'expr': 'tanh(x)^2 + 0.5*y^2 - 0.2*cos(pi*x*y)'}, [-2.1, 1.4], 30, [
        {'type': 'adafactor', 'lr': 0.2},
        {'type': 'adafactor', 'lr': 1, 'beta2_decay': 0},
    ])),
    ('muon options', scene({'id': 'styblinski-tang'}, [1.7, -3.4], 40, [
        {'type': 'muon'},
        {'type': 'muon', 'lr': 0.05},
        {'type': 'muon', 'lr': 0.05, 'nesterov': False, 'momentum': 0.8, 'weight_decay': 0},
        {'type': 'muon', 'lr': 0.1, 'adjust_lr_fn': 'match_rms_adamw', 'ns_steps': 3},
        {'type': 'muon', 'lr': 0.1, 'adjust_lr_fn': 'original', 'ns_coefficients': [2, -1.5, 0.5], 'eps': 1e-4},
    ])),
    ('muon on the sin cos bowl', scene({'expr': 'sin(x)*cos(y) + 0.1*(x^2+y^2)'}, [-0.8, 2.6], 30, [
        {'type': 'muon', 'lr': 0.2, 'momentum': 0},
        {'type': 'muon', 'lr': 0.02, 'momentum': 0.99, 'ns_steps': 10},
    ])),
    # torch 2.14: Muon's adjust_lr_fn 'spectral_unclamped' (sqrt(A/B), no clamp at 1).
    ('muon spectral_unclamped on the sin cos bowl', scene({'expr': 'sin(x)*cos(y) + 0.1*(x^2+y^2)'}, [-0.8, 2.6], 20, [
        {'type': 'muon', 'lr': 0.2, 'momentum': 0.5, 'adjust_lr_fn': 'spectral_unclamped'},
        {'type': 'muon', 'lr': 0.2, 'momentum': 0.5, 'adjust_lr_fn': 'original'},
    ])),
    # torch 2.14: LBFGS climbs f with maximize (loss and flat gradient negated at every evaluation).
    ('lbfgs maximize on two gaussian hills', scene({'expr': 'exp(-(x^2+y^2)) + 0.3*exp(-((x-1.5)^2+y^2))'}, [0.8, 0.6], 6, [
        {'type': 'lbfgs', 'lr': 0.5, 'maximize': True},
        {'type': 'lbfgs', 'max_iter': 6, 'line_search_fn': 'strong_wolfe', 'maximize': True},
    ])),
    ('lbfgs options', scene({'id': 'rosenbrock'}, [-0.7, 2.2], 8, [
        {'type': 'lbfgs'},
        {'type': 'lbfgs', 'line_search_fn': 'strong_wolfe'},
        {'type': 'lbfgs', 'lr': 0.1, 'max_iter': 5, 'history_size': 3},
        {'type': 'lbfgs', 'lr': 1e-3, 'max_iter': 4, 'tolerance_grad': 1e-3, 'tolerance_change': 1e-5},
    ])),
    # Rosenbrock's valley amplifies last-bit gradient differences through L-BFGS's curvature pairs:
    # torch against itself with the gradient scaled by 1 + 1e-15 ends 2.4e-6 apart by the 6th step
    # of this run, and the loss near the minimum further still, so it stops at 5 steps.
    ('lbfgs with a short history and an evaluation budget', scene({'id': 'rosenbrock'}, [-0.7, 2.2], 5, [
        {'type': 'lbfgs', 'lr': 0.5, 'max_iter': 7, 'max_eval': 9, 'line_search_fn': 'strong_wolfe', 'history_size': 2},
    ])),
    # LBFGS.step hands _strong_wolfe max_ls = what is left of max_eval but not its own
    # tolerance_change: with tolerance_change 1 the search still brackets to 1e-9.
    ('lbfgs line search at its own tolerance', scene({'id': 'himmelblau'}, [-0.3, 0.9], 3, [
        {'type': 'lbfgs', 'line_search_fn': 'strong_wolfe', 'tolerance_change': 1, 'max_eval': 1000},
        {'type': 'lbfgs', 'line_search_fn': 'strong_wolfe', 'max_iter': 1},
    ])),
    # A near-tie: the line search's comparisons at step 3 flip on a last-bit difference in the
    # two-loop recursion's q.add_(y, alpha=-al), which torch's CPU kernel computes as one fused
    # multiply-add (see add_alpha_cases); a twice-rounded port left the path there.
    ('lbfgs near a tie in its line search', scene({'id': 'quadratic'}, [3, -2], 6, [
        {'type': 'lbfgs', 'line_search_fn': 'strong_wolfe', 'max_iter': 3, 'maximize': True},
    ])),
    ('lbfgs on himmelblau and a typed surface', scene({'id': 'himmelblau'}, [-0.3, 0.9], 6, [
        {'type': 'lbfgs', 'lr': 0.05},
        {'type': 'lbfgs', 'line_search_fn': 'strong_wolfe', 'max_iter': 3},
        {'type': 'lbfgs', 'lr': 0.02, 'clip_grad_norm': 5, 'max_iter': 6},
    ])),
    ('lbfgs with a schedule and clipping', scene({'expr': 'sqrt(x^2 + y^2 + 1)'}, [2.3, -1.9], 6, [
        {'type': 'lbfgs', 'lr': 0.5, 'line_search_fn': 'strong_wolfe', 'schedule': {'type': 'exponential', 'gamma': 0.7}},
        {'type': 'lbfgs', 'line_search_fn': 'strong_wolfe', 'clip_grad_norm': 0.5},
    ])),
    # A review's scene: centered RMSprop near the kink of |x|, where the moment updates' last
    # bits (lerp_, addcmul_: see kernel_cases) grew to 1e-8 relative by step 27.
    ('centered rmsprop near the kink of abs(x)', scene({'expr': 'abs(x)+y^2'}, [0.1710648493986069, -2.1], 30, [
        {'type': 'rmsprop', 'lr': 0.0002971580757684745, 'alpha': 0.25769727283061106, 'centered': True, 'weight_decay': 0.06850321507101508},
    ])),
    ('new optimizers clipped and scheduled', scene({'id': 'ackley'}, [0.9, -1.6], 30, [
        {'type': 'rprop', 'lr': 0.05, 'clip_grad_norm': 1, 'schedule': {'type': 'step', 'step_size': 5, 'gamma': 0.5}},
        {'type': 'asgd', 'lr': 0.1, 't0': 4, 'clip_grad_norm': 2, 'schedule': {'type': 'exponential', 'gamma': 0.9}},
        {'type': 'adafactor', 'lr': 0.1, 'clip_grad_norm': 0.3, 'schedule': {'type': 'cosine', 't_max': 20, 'eta_min': 0.01}},
        {'type': 'muon', 'lr': 0.1, 'clip_grad_norm': 0.5, 'schedule': {'type': 'step', 'step_size': 7, 'gamma': 0.3}},
        {'type': 'sgd', 'lr': 0.05, 'clip_grad_norm': -1},
        {'type': 'sgd', 'lr': 0.05, 'clip_grad_norm': 0},
    ])),
    ('exponential, step and cosine schedules on the quadratic', scene(Q, [-4, 2], 30, [
        {'type': 'adam', 'lr': 0.3, 'schedule': {'type': 'exponential', 'gamma': 0.95}},
        {'type': 'sgd', 'lr': 0.2, 'momentum': 0.5, 'schedule': {'type': 'step', 'step_size': 10, 'gamma': 0.5}},
        {'type': 'sgd', 'lr': 0.5, 'schedule': {'type': 'cosine', 't_max': 15, 'eta_min': 0.01}},
        {'type': 'rmsprop', 'lr': 0.1, 'schedule': {'type': 'cosine', 't_max': 1, 'eta_min': 0.001}},
        {'type': 'adagrad', 'lr': 1, 'schedule': {'type': 'cosine', 't_max': 7, 'eta_min': 0}},
        {'type': 'nadam', 'lr': 0.2, 'schedule': {'type': 'step', 'step_size': 3, 'gamma': 0.8}},
    ])),
    ('clip_grad_norm on steep surfaces', scene({'id': 'rosenbrock'}, [-1.5, 2], 30, [
        {'type': 'sgd', 'lr': 0.01, 'clip_grad_norm': 1},
        {'type': 'sgd', 'lr': 1e-3, 'momentum': 0.9, 'clip_grad_norm': 50},
        {'type': 'adam', 'lr': 0.05, 'clip_grad_norm': 0.5},
        {'type': 'rmsprop', 'lr': 0.01, 'clip_grad_norm': 5,
         'schedule': {'type': 'exponential', 'gamma': 0.97}},
    ])),
    ('clip_grad_norm with adagrad and adadelta on himmelblau', scene({'id': 'himmelblau'}, [0, 0], 30, [
        {'type': 'adagrad', 'lr': 0.5, 'clip_grad_norm': 2},
        {'type': 'adadelta', 'lr': 3, 'clip_grad_norm': 1},
        {'type': 'sgd', 'lr': 0.05, 'clip_grad_norm': 10},
    ])),
    # Divergence: SGD at lr 100 on the quadratic multiplies y by -199 per step until y^2 overflows;
    # SGD at the default lr on rosenbrock blows up within a few steps. The Adam run beside them goes on.
    ('divergent runs stop, the others go on', scene(Q, [-4, 2], 70, [
        {'type': 'sgd', 'lr': 100},
        {'type': 'adam', 'lr': 0.1},
    ])),
    ('sgd at the default lr on rosenbrock (diverges with momentum)', scene({'id': 'rosenbrock'}, [-1.5, 2], 20, [
        {'type': 'sgd'},
        {'type': 'sgd', 'lr': 0.05, 'momentum': 0.9},
    ])),
    ('momentum runs off the monkey saddle', scene({'id': 'monkey-saddle'}, [0.5, 0.3], 30, [
        {'type': 'sgd', 'lr': 0.05, 'momentum': 0.9},
        {'type': 'adam', 'lr': 0.05},
    ])),
    ('escaping the saddle', scene({'id': 'saddle'}, [-2, 0.001], 30, [
        {'type': 'sgd', 'lr': 0.05},
        {'type': 'sgd', 'lr': 0.05, 'momentum': 0.9, 'nesterov': True},
        {'type': 'rmsprop', 'lr': 0.01},
        {'type': 'adam', 'lr': 0.05},
    ])),
    ('expression: the notes quadratic typed', scene({'expr': 'x^2/10 + y^2'}, [-4, 2], 30, [
        {'type': 'sgd', 'lr': 0.1, 'momentum': 0.9},
        {'type': 'adam', 'lr': 0.1},
    ])),
    ('expression: sin cos bowl', scene({'expr': 'sin(x)*cos(y) + 0.1*(x^2+y^2)'}, [2.5, 1.5], 30, [
        {'type': 'rmsprop', 'lr': 0.02},
        {'type': 'nadam', 'lr': 0.05},
        {'type': 'sgd', 'lr': 0.2, 'momentum': 0.5, 'nesterov': True},
    ])),
    ('expression: softplus plus abs', scene({'expr': 'log(1 + exp(x)) + abs(y)'}, [2, 1.3], 30, [
        {'type': 'adam', 'lr': 0.1},
        {'type': 'adagrad', 'lr': 0.4},
        {'type': 'sgd', 'lr': 0.1},
    ])),
    ('expression: hyperbolic bowl', scene({'expr': 'sqrt(x^2 + y^2 + 1)'}, [3, -2], 30, [
        {'type': 'sgd', 'lr': 0.5, 'momentum': 0.8},
        {'type': 'adamax', 'lr': 0.2},
        {'type': 'radam', 'lr': 0.1},
    ])),
    ('expression: tanh valley with ripples', scene({'expr': 'tanh(x)^2 + 0.5*y^2 - 0.2*cos(pi*x*y)'}, [1.5, 1], 30, [
        {'type': 'adamw', 'lr': 0.05, 'weight_decay': 0.1},
        {'type': 'adadelta', 'lr': 2},
    ])),
    ('expression: gaussian well', scene({'expr': '-x^2*exp(-(x^2+y^2)) + 0.05*(x^2+y^2)'}, [0.3, 0.9], 30, [
        {'type': 'sgd', 'lr': 0.3, 'momentum': 0.9},
        {'type': 'rmsprop', 'lr': 0.02, 'centered': True, 'momentum': 0.3},
    ])),
]


def torch_defaults():
    # Switches of torch's machinery rather than of the algorithm; the app has no counterpart.
    machinery = {'self', 'params', 'foreach', 'capturable', 'differentiable', 'fused'}
    out = {}
    for type_name, cls in OPTIMIZER_CLASSES.items():
        parameters = inspect.signature(cls.__init__).parameters.values()
        out[type_name] = {
            p.name: (list(p.default) if isinstance(p.default, tuple) else p.default)
            for p in parameters
            if p.name not in machinery and p.default is not inspect.Parameter.empty
            and p.default is not required
        }
    return out


def add_alpha_cases():
    """torch's `c.add_(b, alpha=a)` in float64 on random operands: [a, b, c, result] each.

    ATen's CPU add kernel computes c + a*b as one fused multiply-add on x86-64 with AVX2; the
    engine's fma (src/engine/optimizers/fma.ts) must give the same bits. About a quarter of these
    differ from the twice-rounded c + a*b."""
    rng = random.Random(20261203)
    out = []
    for _ in range(400):
        a, b, c = (rng.uniform(-1, 1) * 10 ** rng.randint(-6, 6) for _ in range(3))
        if rng.random() < 0.3:
            c = -a * b * (1 + rng.choice([0, 1e-16, -1e-16, 2.2e-16]))  # cancellation
        t = torch.tensor([c], dtype=torch.float64)
        t.add_(torch.tensor([b], dtype=torch.float64), alpha=a)
        out.append([a, b, c, t.item()])
    return out


def kernel_cases():
    """torch's `s.lerp_(e, w)` and `s.addcmul_(t1, t2, value=v)` in float64 on random operands.

    Both CPU kernels round once per fused multiply-add (see src/engine/optimizers/common.ts:
    lerp, addcmul); the optimizers' moment updates use them, and a centered RMSprop near a kink
    amplified the twice-rounded forms' last bits past 1e-9."""
    rng = random.Random(20261204)
    num = lambda: rng.uniform(-1, 1) * 10 ** rng.randint(-4, 4)
    lerp, addcmul = [], []
    for _ in range(400):
        s, e = num(), num()
        w = rng.choice([rng.random(), 1 - 10 ** -rng.randint(1, 4), 10 ** -rng.randint(1, 4)])
        t = torch.tensor([s], dtype=torch.float64)
        t.lerp_(torch.tensor([e], dtype=torch.float64), w)
        lerp.append([s, e, w, t.item()])
        s, a, b = num(), num(), num()
        v = rng.choice([rng.random(), -1.0, 1 - rng.random() * 1e-3])
        t = torch.tensor([s], dtype=torch.float64)
        t.addcmul_(torch.tensor([a], dtype=torch.float64), torch.tensor([b], dtype=torch.float64), value=v)
        addcmul.append([s, a, b, v, t.item()])
    return {'lerp': lerp, 'addcmul': addcmul}


def main():
    cases = []
    for name, sc in CASES:
        trajectories = [run(sc, config) for config in sc['optimizers']]
        cases.append({'name': name, 'scene': sc, 'trajectories': trajectories})
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as fh:
        json.dump({'torch': torch.__version__, 'cases': cases, 'add_alpha': add_alpha_cases(), 'kernels': kernel_cases()}, fh, separators=(',', ':'), allow_nan=False)
        fh.write('\n')
    with open(DEFAULTS_OUT, 'w') as fh:
        json.dump({'torch': torch.__version__, **torch_defaults()}, fh, indent=1)
        fh.write('\n')
    total = sum(len(t['points']) for c in cases for t in c['trajectories'])
    diverged = [(c['name'], i) for c in cases for i, t in enumerate(c['trajectories']) if t['diverged']]
    print(f'wrote {len(cases)} cases, {total} points, diverged: {diverged}')


if __name__ == '__main__':
    main()
