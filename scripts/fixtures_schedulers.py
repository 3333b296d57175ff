#!/usr/bin/env python3
"""Scheduler fixtures: trajectories under torch.optim.lr_scheduler, float64, with the lr (and the
cycled momentum or beta1) every step used.

Writes src/engine/__fixtures__/schedulers/cases.json:
  {"torch": torch.__version__,
   "cases": [{name, scene, trajectories: [{points, losses, lrs, momentums?, diverged}]}],
   "rejects": [{name, scene, torch_error}]}
`lrs[k]` is param_groups[0]['lr'] when optimizer step k (point k -> point k+1) ran; `momentums[k]`
is param_groups[0]['momentum'] (or betas[0]) then, recorded when the schedule cycles momentum.
`rejects` are schedules torch refuses (at construction or while stepping through the scene's
steps), each with the exception torch raised, so the validator can be checked against torch.

The loop mirrors src/engine/simulate.ts: loss and gradient at point k, clip, optimizer.step(),
scheduler.step() (ReduceLROnPlateau: scheduler.step(loss at point k)), stop at the first
non-finite point or loss. Surfaces and starts are drawn from a seeded generator over each named
surface's view (they were not tuned to make the schedules look good).

Run with torch 2.x: npm run fixtures (or /work/torchenv/bin/python scripts/fixtures_schedulers.py).
"""
import json
import math
import os
import random

import torch

torch.set_default_dtype(torch.float64)
OUT_DIR = os.path.join(os.path.dirname(__file__), '..', 'src', 'engine', '__fixtures__', 'schedulers')
TWO_PI = 2 * math.pi

# Named surfaces (DESIGN.md) with their default views.
SURFACES = {
    'quadratic': (lambda x, y: x ** 2 / 10 + y ** 2, (-5, 5, -3, 3)),
    'rosenbrock': (lambda x, y: (1 - x) ** 2 + 100 * (y - x ** 2) ** 2, (-2, 2, -1, 3)),
    'himmelblau': (lambda x, y: (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2, (-6, 6, -6, 6)),
    'booth': (lambda x, y: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2, (-10, 10, -10, 10)),
    'six-hump-camel': (
        lambda x, y: (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y + (-4 + 4 * y ** 2) * y ** 2,
        (-2, 2, -1.2, 1.2)),
    'styblinski-tang': (
        lambda x, y: (x ** 4 - 16 * x ** 2 + 5 * x + y ** 4 - 16 * y ** 2 + 5 * y) / 2, (-5, 5, -5, 5)),
    'rastrigin': (
        lambda x, y: 20 + x ** 2 - 10 * torch.cos(TWO_PI * x) + y ** 2 - 10 * torch.cos(TWO_PI * y),
        (-5.12, 5.12, -5.12, 5.12)),
}

OPTIMIZER_CLASSES = {
    'sgd': torch.optim.SGD, 'adagrad': torch.optim.Adagrad, 'adadelta': torch.optim.Adadelta,
    'rmsprop': torch.optim.RMSprop, 'adam': torch.optim.Adam, 'adamw': torch.optim.AdamW,
    'adamax': torch.optim.Adamax, 'nadam': torch.optim.NAdam, 'radam': torch.optim.RAdam,
}
HYPER_PARAMETERS = (
    'lr', 'momentum', 'dampening', 'nesterov', 'weight_decay', 'alpha', 'eps', 'centered', 'rho',
    'lr_decay', 'initial_accumulator_value', 'betas', 'amsgrad', 'momentum_decay',
)
LRS = torch.optim.lr_scheduler
CLASSES = {
    'step': LRS.StepLR, 'multistep': LRS.MultiStepLR, 'exponential': LRS.ExponentialLR,
    'cosine': LRS.CosineAnnealingLR, 'linear': LRS.LinearLR, 'constant': LRS.ConstantLR,
    'polynomial': LRS.PolynomialLR, 'cosine_warm_restarts': LRS.CosineAnnealingWarmRestarts,
    'onecycle': LRS.OneCycleLR, 'cyclic': LRS.CyclicLR, 'sequential': LRS.SequentialLR,
    'plateau': LRS.ReduceLROnPlateau,
}
TORCH_NAMES = {'t_max': 'T_max', 't_0': 'T_0', 't_mult': 'T_mult'}
FLOAT_FIELDS = {'pct_start'}  # OneCycleLR insists on a Python float


def make_optimizer(config, params):
    kwargs = {k: (tuple(v) if k == 'betas' else v) for k, v in config.items() if k in HYPER_PARAMETERS}
    return OPTIMIZER_CLASSES[config['type']](params, foreach=False, **kwargs)


def make_scheduler(schedule, optimizer, steps):
    kind = schedule['type']
    kwargs = {}
    for key, value in schedule.items():
        if key == 'type':
            continue
        if key == 'schedulers':
            value = [make_scheduler(child, optimizer, steps) for child in value]
        elif key in FLOAT_FIELDS:
            value = float(value)
        kwargs[TORCH_NAMES.get(key, key)] = value
    if kind == 'onecycle':
        kwargs.setdefault('total_steps', steps)
    return CLASSES[kind](optimizer, **kwargs)


def cycles_momentum(schedule):
    if schedule is None:
        return False
    if schedule['type'] in ('onecycle', 'cyclic'):
        return schedule.get('cycle_momentum', True)
    if schedule['type'] == 'sequential':
        return any(cycles_momentum(s) for s in schedule['schedulers'])
    return False


def momentum_of(group):
    return group['betas'][0] if 'betas' in group else group['momentum']


def finite(*values):
    return all(math.isfinite(v) for v in values)


def run(scene, config):
    f = SURFACES[scene['surface']['id']][0]
    p = torch.tensor([float(v) for v in scene['start']], requires_grad=True)

    def evaluate():
        p.grad = None
        loss = f(p[0], p[1])
        loss.backward()
        return loss.item()

    optimizer = make_optimizer(config, [p])
    schedule = config.get('schedule')
    scheduler = make_scheduler(schedule, optimizer, scene['steps']) if schedule else None
    plateau = isinstance(scheduler, LRS.ReduceLROnPlateau)
    cycled = cycles_momentum(schedule)
    group = optimizer.param_groups[0]
    points, losses, lrs, momentums = [], [], [], []
    out = {'points': points, 'losses': losses, 'lrs': lrs}
    if cycled:
        out['momentums'] = momentums
    loss = evaluate()
    if not finite(*p.detach().tolist(), loss):
        out['diverged'] = True
        return out
    points.append(p.detach().tolist())
    losses.append(loss)
    diverged = False
    for _ in range(scene['steps']):
        if 'clip_grad_norm' in config:
            torch.nn.utils.clip_grad_norm_([p], config['clip_grad_norm'])
        lrs.append(float(group['lr']))
        if cycled:
            momentums.append(float(momentum_of(group)))
        optimizer.step()
        if scheduler is not None:
            scheduler.step(loss) if plateau else scheduler.step()
        loss = evaluate()
        if not finite(*p.detach().tolist(), loss):
            diverged = True
            lrs.pop()
            if cycled:
                momentums.pop()
            break
        points.append(p.detach().tolist())
        losses.append(loss)
    out['diverged'] = diverged
    return out


RNG = random.Random(20261201)


def blind_scene(steps, optimizers):
    """A surface and a start drawn at random: nothing here was tuned to the schedules."""
    surface = RNG.choice(sorted(SURFACES))
    x0, x1, y0, y1 = SURFACES[surface][1]
    start = [round(RNG.uniform(x0, x1), 3), round(RNG.uniform(y0, y1), 3)]
    return {'surface': {'id': surface}, 'start': start, 'steps': steps, 'optimizers': optimizers}


def opt(kind, lr, schedule, **extra):
    return {'type': kind, 'lr': lr, 'schedule': schedule, **extra}


STEPS = 60
GROUPS = [
    ('step and multistep', [
        opt('sgd', 0.01, {'type': 'step', 'step_size': 7, 'gamma': 0.5}),
        opt('adam', 0.05, {'type': 'step', 'step_size': 3}),
        opt('sgd', 0.01, {'type': 'step', 'step_size': -4, 'gamma': 0.8}),
        opt('rmsprop', 0.01, {'type': 'multistep', 'milestones': [5, 12, 12, 30], 'gamma': 0.5}),
        opt('adamw', 0.05, {'type': 'multistep', 'milestones': [40, 8]}),
    ]),
    ('exponential and cosine', [
        opt('adam', 0.1, {'type': 'exponential', 'gamma': 0.97}),
        opt('sgd', 0.002, {'type': 'exponential', 'gamma': 1.01}),
        opt('adamax', 0.1, {'type': 'cosine', 't_max': 17, 'eta_min': 0.001}),
        opt('sgd', 0.005, {'type': 'cosine', 't_max': 5}, momentum=0.9),
        opt('radam', 0.05, {'type': 'cosine', 't_max': 1, 'eta_min': 0.01}),
    ]),
    ('linear, constant and polynomial', [
        opt('adam', 0.1, {'type': 'linear'}),
        opt('sgd', 0.01, {'type': 'linear', 'start_factor': 0.1, 'end_factor': 1, 'total_iters': 20}, momentum=0.9),
        opt('rmsprop', 0.02, {'type': 'linear', 'start_factor': 1, 'end_factor': 0.05, 'total_iters': 37}),
        opt('adagrad', 0.5, {'type': 'constant'}),
        opt('adam', 0.1, {'type': 'constant', 'factor': 0.5, 'total_iters': 10}),
        opt('adamw', 0.1, {'type': 'polynomial'}),
        opt('sgd', 0.01, {'type': 'polynomial', 'total_iters': 30, 'power': 2}),
        opt('adadelta', 2, {'type': 'polynomial', 'total_iters': 45, 'power': 0.5}),
    ]),
    ('cosine with warm restarts', [
        opt('adam', 0.1, {'type': 'cosine_warm_restarts', 't_0': 10}),
        opt('sgd', 0.01, {'type': 'cosine_warm_restarts', 't_0': 5, 't_mult': 2, 'eta_min': 0.001}, momentum=0.8),
        opt('rmsprop', 0.01, {'type': 'cosine_warm_restarts', 't_0': 1, 't_mult': 3}),
    ]),
    ('one-cycle', [
        opt('sgd', 0.01, {'type': 'onecycle', 'max_lr': 0.02}),
        opt('sgd', 0.01, {'type': 'onecycle', 'max_lr': 0.02, 'anneal_strategy': 'linear'}, momentum=0.9, nesterov=True),
        opt('adam', 0.1, {'type': 'onecycle', 'max_lr': 0.2, 'three_phase': True}),
        opt('rmsprop', 0.01, {'type': 'onecycle', 'max_lr': 0.05, 'total_steps': 90, 'pct_start': 0.5,
                              'div_factor': 10, 'final_div_factor': 100, 'base_momentum': 0.8,
                              'max_momentum': 0.9}),
        opt('adagrad', 0.5, {'type': 'onecycle', 'max_lr': 1, 'cycle_momentum': False}),
        opt('radam', 0.05, {'type': 'onecycle', 'max_lr': 0.1, 'pct_start': 0.1, 'three_phase': True,
                            'anneal_strategy': 'linear'}),
        opt('adamax', 0.1, {'type': 'onecycle', 'max_lr': 0.3, 'pct_start': 0}),
    ]),
    ('cyclic', [
        opt('sgd', 0.01, {'type': 'cyclic', 'base_lr': 0.001, 'max_lr': 0.02, 'step_size_up': 10}),
        opt('adam', 0.1, {'type': 'cyclic', 'base_lr': 0.01, 'max_lr': 0.2, 'step_size_up': 7,
                          'step_size_down': 4, 'mode': 'triangular2'}),
        opt('rmsprop', 0.01, {'type': 'cyclic', 'base_lr': 0.002, 'max_lr': 0.03, 'step_size_up': 5,
                              'mode': 'exp_range', 'gamma': 0.97, 'base_momentum': 0.5,
                              'max_momentum': 0.95}),
        opt('adagrad', 0.5, {'type': 'cyclic', 'base_lr': 0.1, 'max_lr': 1, 'step_size_up': 6,
                             'cycle_momentum': False}),
        opt('adamw', 0.05, {'type': 'cyclic', 'base_lr': 0.01, 'max_lr': 0.1, 'step_size_up': 3,
                            'scale_mode': 'iterations', 'mode': 'triangular2'}),
    ]),
    ('sequential', [
        opt('adam', 0.1, {'type': 'sequential', 'milestones': [10], 'schedulers': [
            {'type': 'linear', 'start_factor': 0.1, 'total_iters': 10}, {'type': 'cosine', 't_max': 50}]}),
        opt('sgd', 0.01, {'type': 'sequential', 'milestones': [5, 15], 'schedulers': [
            {'type': 'constant', 'factor': 0.5}, {'type': 'exponential', 'gamma': 0.9},
            {'type': 'step', 'step_size': 4, 'gamma': 0.5}]}, momentum=0.9),
        opt('rmsprop', 0.01, {'type': 'sequential', 'milestones': [8], 'schedulers': [
            {'type': 'cosine_warm_restarts', 't_0': 3}, {'type': 'multistep', 'milestones': [5, 20]}]}),
        opt('adam', 0.05, {'type': 'sequential', 'milestones': [12], 'schedulers': [
            {'type': 'exponential', 'gamma': 0.95}, {'type': 'cyclic', 'base_lr': 0.01, 'max_lr': 0.05,
                                                     'step_size_up': 6}]}),
        opt('sgd', 0.01, {'type': 'sequential', 'milestones': [20], 'schedulers': [
            {'type': 'linear', 'start_factor': 0.2, 'total_iters': 20},
            {'type': 'onecycle', 'max_lr': 0.03, 'total_steps': 60}]}),
        opt('adamax', 0.1, {'type': 'sequential', 'milestones': [25], 'schedulers': [
            {'type': 'polynomial', 'total_iters': 30}, {'type': 'constant', 'factor': 0.2, 'total_iters': 10}]}),
        # A milestone of 0: torch runs the _initial_step of schedulers[bisect_right(milestones, 0)].
        opt('sgd', 0.1, {'type': 'sequential', 'milestones': [0], 'schedulers': [
            {'type': 'constant', 'factor': 0.5}, {'type': 'exponential', 'gamma': 0.9}]}),
    ]),
    ('reduce on plateau', [
        opt('adam', 0.5, {'type': 'plateau'}),
        opt('sgd', 0.05, {'type': 'plateau', 'factor': 0.5, 'patience': 2, 'threshold': 0.01}, momentum=0.9),
        opt('rmsprop', 0.3, {'type': 'plateau', 'mode': 'max', 'patience': 3, 'cooldown': 4,
                             'min_lr': 0.01}),
        opt('adagrad', 2, {'type': 'plateau', 'threshold_mode': 'abs', 'threshold': 0.1,
                           'patience': 1, 'factor': 0.3, 'eps': 0.05}),
        opt('adamw', 0.4, {'type': 'plateau', 'mode': 'max', 'threshold_mode': 'abs', 'patience': 0}),
    ]),
    # Counts torch leaves unchecked take any number: each runs with Python's float arithmetic.
    ('non-integer counts', [
        opt('sgd', 0.05, {'type': 'step', 'step_size': 2.5, 'gamma': 0.5}),
        opt('adam', 0.1, {'type': 'multistep', 'milestones': [3.5, 6.0, 6, 11], 'gamma': 0.7}),
        opt('sgd', 0.01, {'type': 'cosine', 't_max': 7.5, 'eta_min': 0.001}, momentum=0.9),
        opt('rmsprop', 0.02, {'type': 'linear', 'start_factor': 0.2, 'total_iters': 4.5}),
        opt('adam', 0.1, {'type': 'constant', 'factor': 0.4, 'total_iters': 2.5}),
        opt('adamw', 0.1, {'type': 'polynomial', 'total_iters': 7.5, 'power': 1.5}),
        opt('sgd', 0.01, {'type': 'cyclic', 'base_lr': 0.002, 'max_lr': 0.03, 'step_size_up': 2.5,
                          'step_size_down': 3.25}, momentum=0.9),
        opt('sgd', 0.05, {'type': 'plateau', 'factor': 0.5, 'patience': 1.5, 'cooldown': 2.5}),
        opt('adam', 0.1, {'type': 'sequential', 'milestones': [4.5], 'schedulers': [
            {'type': 'constant', 'factor': 0.5}, {'type': 'exponential', 'gamma': 0.9}]}),
    ]),
]

# Schedules torch refuses, at construction or while stepping through the scene's steps.
REJECTS = [
    ('one-cycle total_steps below the scene steps', opt('sgd', 0.01, {'type': 'onecycle', 'max_lr': 0.1, 'total_steps': 59})),
    ('one-cycle momentum on adagrad', opt('adagrad', 0.1, {'type': 'onecycle', 'max_lr': 0.1})),
    ('cyclic momentum on adadelta', opt('adadelta', 1, {'type': 'cyclic', 'base_lr': 0.1, 'max_lr': 1})),
    ('sequential milestones do not match', opt('adam', 0.1, {'type': 'sequential', 'milestones': [5, 9], 'schedulers': [
        {'type': 'linear'}, {'type': 'cosine', 't_max': 10}]})),
    ('sequential holding a plateau', opt('adam', 0.1, {'type': 'sequential', 'milestones': [5], 'schedulers': [
        {'type': 'linear'}, {'type': 'plateau'}]})),
    ('linear start_factor 0', opt('sgd', 0.01, {'type': 'linear', 'start_factor': 0})),
    ('linear end_factor above 1', opt('sgd', 0.01, {'type': 'linear', 'end_factor': 1.5})),
    ('constant factor above 1', opt('sgd', 0.01, {'type': 'constant', 'factor': 2})),
    ('constant factor 0 reaching total_iters', opt('sgd', 0.01, {'type': 'constant', 'factor': 0, 'total_iters': 5})),
    ('step_size 0', opt('sgd', 0.01, {'type': 'step', 'step_size': 0})),
    ('cosine t_max 0', opt('sgd', 0.01, {'type': 'cosine', 't_max': 0})),
    ('warm restarts t_0 0', opt('sgd', 0.01, {'type': 'cosine_warm_restarts', 't_0': 0})),
    ('warm restarts t_mult 0', opt('sgd', 0.01, {'type': 'cosine_warm_restarts', 't_0': 3, 't_mult': 0})),
    ('one-cycle pct_start above 1', opt('sgd', 0.01, {'type': 'onecycle', 'max_lr': 0.1, 'pct_start': 1.5})),
    ('one-cycle div_factor 0', opt('sgd', 0.01, {'type': 'onecycle', 'max_lr': 0.1, 'div_factor': 0})),
    ('one-cycle phase of zero length', opt('sgd', 0.01, {'type': 'onecycle', 'max_lr': 0.1, 'total_steps': 100, 'pct_start': 0.01})),
    ('cyclic of zero length', opt('sgd', 0.01, {'type': 'cyclic', 'base_lr': 0.01, 'max_lr': 0.1, 'step_size_up': 0})),
    ('plateau factor 1', opt('sgd', 0.01, {'type': 'plateau', 'factor': 1})),
    ('polynomial power below 0 reaching total_iters', opt('sgd', 0.01, {'type': 'polynomial', 'total_iters': 5, 'power': -1})),
    # RMSprop makes its momentum buffer only if momentum > 0 at its first step: KeyError later.
    ('rmsprop one-cycle momentum rising from 0', opt('rmsprop', 0.01, {'type': 'onecycle', 'max_lr': 0.1, 'max_momentum': 0, 'base_momentum': 0.85})),
    ('rmsprop cyclic momentum rising from 0', opt('rmsprop', 0.01, {'type': 'cyclic', 'base_lr': 0.01, 'max_lr': 0.1, 'max_momentum': 0, 'base_momentum': 0.5, 'step_size_up': 5})),
    ('warm restarts t_0 not whole', opt('sgd', 0.01, {'type': 'cosine_warm_restarts', 't_0': 2.5})),
    ('one-cycle total_steps not whole', opt('sgd', 0.01, {'type': 'onecycle', 'max_lr': 0.1, 'total_steps': 60.5})),
]
# Edge values torch accepts (the validator must too).
ACCEPTS = [
    ('plateau factor 0 and negative min_lr', opt('sgd', 0.01, {'type': 'plateau', 'factor': 0, 'patience': 0, 'min_lr': -1})),
    ('exponential gamma 0', opt('sgd', 0.01, {'type': 'exponential', 'gamma': 0})),
    ('linear start_factor 1 and end_factor 0', opt('sgd', 0.01, {'type': 'linear', 'start_factor': 1, 'end_factor': 0, 'total_iters': 10})),
    ('constant factor 0 never reaching total_iters', opt('sgd', 0.01, {'type': 'constant', 'factor': 0, 'total_iters': 100})),
    ('one-cycle pct_start 1', opt('adam', 0.01, {'type': 'onecycle', 'max_lr': 0.1, 'pct_start': 1, 'total_steps': 100})),
    ('cosine negative t_max', opt('sgd', 0.01, {'type': 'cosine', 't_max': -7})),
]


def torch_error(scene):
    try:
        run(scene, scene['optimizers'][0])
    except Exception as err:  # noqa: BLE001 (any exception torch raises is the answer)
        return f'{type(err).__name__}: {err}'
    return None


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    cases = []
    for name, optimizers in GROUPS:
        scene = blind_scene(STEPS, optimizers)
        cases.append({'name': name, 'scene': scene, 'trajectories': [run(scene, o) for o in optimizers]})
    for name, optimizers in ACCEPTS_AS_CASES():
        scene = blind_scene(STEPS, optimizers)
        cases.append({'name': name, 'scene': scene, 'trajectories': [run(scene, o) for o in optimizers]})
    rejects = []
    for name, config in REJECTS:
        scene = {'surface': {'id': 'quadratic'}, 'start': [-4, 2], 'steps': STEPS, 'optimizers': [config]}
        error = torch_error(scene)
        if error is None:
            raise SystemExit(f'torch accepted the reject case {name!r}')
        rejects.append({'name': name, 'scene': scene, 'torch_error': error})
    out = {'torch': torch.__version__, 'cases': cases, 'rejects': rejects}
    with open(os.path.join(OUT_DIR, 'cases.json'), 'w') as fh:
        json.dump(out, fh, indent=1)
        fh.write('\n')
    print(f'wrote {len(cases)} cases and {len(rejects)} rejects with torch {torch.__version__}')


def ACCEPTS_AS_CASES():
    return [('edge values torch accepts', [config for _, config in ACCEPTS])]


if __name__ == '__main__':
    main()
