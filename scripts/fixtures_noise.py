#!/usr/bin/env python3
"""Noise replay fixtures: torch.optim paths with recorded gradient perturbations added to p.grad.

Writes src/engine/__fixtures__/noise/replay.json: {torch, cases: [{name, config, start, steps,
deltas, points}]} where deltas[k] = [dx, dy] is the perturbation of step k (any numbers: here a
fixed formula, recorded so the test reads the very same values) and points the path of the loop
an exported PyTorch script runs to replay a noisy scene (src/engine/noise/simulate-noisy.ts):

  p = start
  for k in range(steps):
      loss = f(p); loss.backward(); p.grad += delta[k]
      if clip: clip_grad_norm_(p, max_norm)
      optimizer.step(); scheduler.step(); optimizer.zero_grad()

Surface: the notes' quadratic x^2/10 + y^2. float64 throughout.
Run: npm run fixtures (or, once scripts/torch-env.sh has made it, .venv-torch/bin/python) scripts/fixtures_noise.py
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)
OUT_DIR = os.path.join(os.path.dirname(__file__), '..', 'src', 'engine', '__fixtures__', 'noise')


def f(p):
    return p[0] ** 2 / 10 + p[1] ** 2


CASES = [
    ('sgd momentum', {'type': 'sgd', 'lr': 0.1, 'momentum': 0.9}),
    ('nesterov with exponential decay', {'type': 'sgd', 'lr': 0.3, 'momentum': 0.5, 'nesterov': True,
                                         'schedule': {'type': 'exponential', 'gamma': 0.97}}),
    ('adam clipped', {'type': 'adam', 'lr': 0.1, 'clip_grad_norm': 1.0}),
]


def make(config, params):
    if config['type'] == 'sgd':
        return torch.optim.SGD(params, lr=config['lr'], momentum=config.get('momentum', 0),
                               nesterov=config.get('nesterov', False))
    return torch.optim.Adam(params, lr=config['lr'])


def run(config, start, steps, deltas):
    p = torch.tensor(start, requires_grad=True)
    opt = make(config, [p])
    sched = None
    if 'schedule' in config:
        sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=config['schedule']['gamma'])
    points = [list(start)]
    for k in range(steps):
        opt.zero_grad()
        f(p).backward()
        with torch.no_grad():
            p.grad += torch.tensor(deltas[k])
        if 'clip_grad_norm' in config:
            torch.nn.utils.clip_grad_norm_([p], config['clip_grad_norm'])
        opt.step()
        if sched:
            sched.step()
        points.append([p[0].item(), p[1].item()])
    return points


def main():
    start = [-4.0, 2.0]
    steps = 60
    deltas = [[0.3 * math.sin(1.7 * k + 0.4), 0.5 * math.cos(0.9 * k)] for k in range(steps)]
    cases = [{'name': name, 'config': config, 'start': start, 'steps': steps, 'deltas': deltas,
              'points': run(config, start, steps, deltas)} for name, config in CASES]
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, 'replay.json'), 'w') as out:
        json.dump({'torch': torch.__version__, 'cases': cases}, out, indent=1)


if __name__ == '__main__':
    main()
