#!/usr/bin/env python3
"""Backprop fixtures for the gradient-flow lab, computed by torch autograd in float64.

Writes src/engine/__fixtures__/backprop/cases.json: {"torch": version, "cases": [...]}, each case
{name, input, expected} where
`input` is exactly what `npm run cli -- backprop FILE` reads and `expected` what it must print:
{loss, layers: [{dW, db, dgamma?, dbeta?}]}.

Per layer, in the CLI's order: z = a W^T + b -> batch norm (training mode, batch statistics,
biased variance) -> activation -> + a_prev when residual. Losses:
  mse = mean over the batch of 1/2 ||y - t||^2   (the notes' convention)
  mse_torch = torch.nn.functional.mse_loss(y, t)  (torch.nn.MSELoss: mean over every element)
  bce = torch.nn.functional.binary_cross_entropy(y, t) on the last layer's (sigmoid) output.
Saturated sigmoids (outputs within 1e-12 of 0 or 1, or exactly 0 or 1) exercise torch's own
guards: the log clamp at -100 and binary_cross_entropy_backward's EPSILON, a C++ float.

Also writes running_stats.json: torch.nn.BatchNorm1d running mean/var after a few training
batches, and the network's output in eval mode, for the engine's inference path.

Run with torch 2.x: npm run fixtures.
"""
import json
import os

import torch

from torch_net import ACT, forward, loss as loss_fn

torch.set_default_dtype(torch.float64)
OUT_DIR = os.path.join(os.path.dirname(__file__), '..', 'src', 'engine', '__fixtures__', 'backprop')



def make_layers(sizes, acts, *, w_std=0.8, bn=(), residual=(), gen):
    layers = []
    for i, (act, (n_in, n_out)) in enumerate(zip(acts, zip(sizes[:-1], sizes[1:]))):
        layer = {
            'W': (torch.randn(n_out, n_in, generator=gen) * w_std).tolist(),
            'b': (torch.randn(n_out, generator=gen) * 0.3).tolist(),
            'activation': act,
            'residual': i in residual,
        }
        if i in bn:
            layer['batchnorm'] = {
                'gamma': (1 + 0.4 * torch.randn(n_out, generator=gen)).tolist(),
                'beta': (0.3 * torch.randn(n_out, generator=gen)).tolist(),
                'eps': 1e-5,
            }
        layers.append(layer)
    return layers


def run(case_input):
    """Forward + backward with autograd; returns the CLI's expected output."""
    a = torch.tensor(case_input['input'], dtype=torch.float64)
    t = torch.tensor(case_input['target'], dtype=torch.float64)
    params = []
    for layer in case_input['layers']:
        p = {
            'W': torch.tensor(layer['W'], dtype=torch.float64, requires_grad=True),
            'b': torch.tensor(layer['b'], dtype=torch.float64, requires_grad=True),
        }
        bn = layer.get('batchnorm')
        if bn is not None:
            p['gamma'] = torch.tensor(bn['gamma'], requires_grad=True)
            p['beta'] = torch.tensor(bn['beta'], requires_grad=True)
        params.append(p)
    loss = loss_fn(case_input['loss'], forward(case_input['layers'], params, a), t)
    loss.backward()
    layers = []
    for p in params:
        out = {'dW': p['W'].grad.tolist(), 'db': p['b'].grad.tolist()}
        if 'gamma' in p:
            out['dgamma'] = p['gamma'].grad.tolist()
            out['dbeta'] = p['beta'].grad.tolist()
        layers.append(out)
    return {'loss': loss.item(), 'layers': layers}


def case(name, seed, sizes, acts, batch, loss, **kw):
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, sizes[0], generator=gen)
    if loss in ('bce', 'bce_with_logits'):
        target = torch.rand(batch, sizes[-1], generator=gen)
        if kw.pop('hard_targets', False):
            target = (target > 0.5).double()
    else:
        target = torch.randn(batch, sizes[-1], generator=gen)
    inp = {
        'input': x.tolist(),
        'target': target.tolist(),
        'loss': loss,
        'layers': make_layers(sizes, acts, gen=gen, **kw),
    }
    return {'name': name, 'input': inp, 'expected': run(inp)}


def cases():
    out = [
        # Note 004's net: sigmoid hidden layers, a linear output, squared error.
        case('note 004: sigmoid hidden layers, linear output, mse', 1, [2, 4, 3, 2],
             ['sigmoid', 'sigmoid', 'linear'], 5, 'mse'),
        case('every activation in one net, mse', 2, [3, 5, 5, 5, 5, 5, 5, 2],
             ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'linear', 'tanh'], 6, 'mse', w_std=1.0),
        case('relu family on wide negative pre-activations, mse', 3, [4, 6, 6, 6, 1],
             ['relu', 'leaky_relu', 'elu', 'linear'], 8, 'mse', w_std=1.5),
        case('bce on a single sigmoid output, hard targets', 4, [2, 8, 8, 1],
             ['tanh', 'relu', 'sigmoid'], 8, 'bce', hard_targets=True),
        case('bce on three sigmoid outputs, soft targets', 5, [3, 6, 3],
             ['elu', 'sigmoid'], 5, 'bce'),
        case('batch norm (training mode) before relu and tanh, mse', 6, [3, 6, 6, 2],
             ['relu', 'tanh', 'linear'], 7, 'mse', bn=(0, 1)),
        case('batch norm on every layer including a sigmoid output, bce', 7, [2, 5, 4, 1],
             ['leaky_relu', 'elu', 'sigmoid'], 6, 'bce', bn=(0, 1, 2), hard_targets=True),
        case('residual relu blocks, mse', 8, [4, 4, 4, 4, 1],
             ['relu', 'relu', 'relu', 'linear'], 5, 'mse', residual=(1, 2)),
        case('residual with batch norm, tanh and elu, mse', 9, [3, 5, 5, 5, 2],
             ['tanh', 'elu', 'tanh', 'linear'], 6, 'mse', bn=(1, 2), residual=(1, 2)),
        case('a single sample, mse', 10, [3, 4, 2], ['tanh', 'linear'], 1, 'mse'),
        case('width one, sigmoid', 11, [1, 1, 1], ['sigmoid', 'sigmoid'], 3, 'mse'),
    ]
    # Note 000's linear chain x -> h1 -> h2 -> h3 with L = 1/2 (y_hat - y)^2 on one sample.
    out.append(case('note 000: linear 3-layer scalar chain', 12, [1, 1, 1, 1],
                    ['linear', 'linear', 'linear'], 1, 'mse', w_std=1.2))
    # Vanishing gradients: 12 sigmoid layers, each multiplying the gradient by at most 0.25 |W|.
    deep = case('12-layer sigmoid net: first-layer gradients near 1e-8', 13, [4] * 13,
                ['sigmoid'] * 12, 8, 'mse', w_std=0.5)
    first = max(abs(v) for row in deep['expected']['layers'][0]['dW'] for v in row)
    last = max(abs(v) for row in deep['expected']['layers'][-1]['dW'] for v in row)
    assert 1e-9 < first < 1e-7, first
    assert last > 1e-3, last
    out.append(deep)
    out.append(case('mse_torch (torch.nn.MSELoss) on a tanh net', 14, [3, 5, 4],
                    ['tanh', 'linear'], 6, 'mse_torch'))
    out.append(case('mse_torch with batch norm and a residual block', 15, [2, 4, 4, 3],
                    ['elu', 'relu', 'sigmoid'], 5, 'mse_torch', bn=(0,), residual=(1,)))
    # Saturated sigmoids: torch's guards decide the gradient (the instance first).
    out.append(explicit('bce on a saturated sigmoid: the float32 EPSILON of the backward',
                        [[1.0]], [[1.0]], [{'W': [[-50.0]], 'b': [0], 'activation': 'sigmoid'}]))
    out.append(explicit('bce on saturated sigmoids both ways, mixed targets',
                        [[1.0, -0.5], [-2.0, 0.25], [0.5, 3.0]], [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
                        [{'W': [[-40.0, 3.0], [35.0, -1.0]], 'b': [0.5, -2.0], 'activation': 'sigmoid'}]))
    out.append(explicit('bce at outputs of exactly 0 and 1: logs clamped at -100',
                        [[1.0], [-1.0]], [[0.0], [1.0]],
                        [{'W': [[800.0]], 'b': [0], 'activation': 'sigmoid'}]))
    out.append(explicit('bce where log1p(-y) differs from log(1 - y)',
                        [[1.0]], [[0.0]],
                        [{'W': [[-39.0]], 'b': [0], 'activation': 'sigmoid'}]))
    # BCEWithLogitsLoss: the loss on logits, which never saturates (the lab trains with it).
    out.append(case('bce_with_logits on a linear output, hard targets', 16, [2, 8, 8, 1],
                    ['tanh', 'relu', 'linear'], 8, 'bce_with_logits', hard_targets=True))
    out.append(case('bce_with_logits with batch norm, residual, three soft outputs', 17, [3, 5, 5, 3],
                    ['elu', 'tanh', 'linear'], 6, 'bce_with_logits', bn=(0,), residual=(1,)))
    out.append(explicit('bce_with_logits where bce saturates: logits of +-50, +-800, 39',
                        [[1.0], [-1.0], [0.0625]], [[1.0], [1.0], [0.0]],
                        [{'W': [[-50.0]], 'b': [0], 'activation': 'linear'}], loss='bce_with_logits', guarded=False))
    out.append(explicit('bce_with_logits at huge logits both ways, mixed targets',
                        [[1.0, -0.5], [-2.0, 0.25], [0.5, 3.0]], [[1.0, 0.0], [0.0, 1.0], [1.0, 0.5]],
                        [{'W': [[-400.0, 3.0], [350.0, -1.0]], 'b': [0.5, -2.0], 'activation': 'linear'}],
                        loss='bce_with_logits', guarded=False))
    return out


def explicit(name, x, target, layers, loss='bce', guarded=True):
    inp = {'input': x, 'target': target, 'loss': loss,
           'layers': [{**layer, 'residual': False} for layer in layers]}
    # torch's guards (log clamp, EPSILON) make bce's gradients here differ from the true derivative.
    out = {'name': name, 'input': inp, 'expected': run(inp)}
    if guarded:
        out['guarded'] = True
    return out


def running_stats():
    """BatchNorm1d (momentum 0.1) after three training batches, then an eval-mode batch."""
    gen = torch.Generator().manual_seed(20)
    sizes = [3, 5, 4, 2]
    acts = ['relu', 'tanh', 'linear']
    layers = make_layers(sizes, acts, gen=gen, bn=(0, 1))
    mods = []
    for layer in layers:
        lin = torch.nn.Linear(len(layer['W'][0]), len(layer['W']))
        with torch.no_grad():
            lin.weight.copy_(torch.tensor(layer['W']))
            lin.bias.copy_(torch.tensor(layer['b']))
        bn = None
        if 'batchnorm' in layer:
            bn = torch.nn.BatchNorm1d(len(layer['W']), eps=1e-5, momentum=0.1)
            with torch.no_grad():
                bn.weight.copy_(torch.tensor(layer['batchnorm']['gamma']))
                bn.bias.copy_(torch.tensor(layer['batchnorm']['beta']))
        mods.append((lin, bn, ACT[layer['activation']]))

    def fwd(x):
        for lin, bn, act in mods:
            x = lin(x)
            if bn is not None:
                x = bn(x)
            x = act(x)
        return x

    batches = [(torch.randn(6, 3, generator=gen) * 2 + 1).tolist() for _ in range(3)]
    with torch.no_grad():
        for m in mods:
            if m[1] is not None:
                m[1].train()
        for b in batches:
            fwd(torch.tensor(b))
        for m in mods:
            if m[1] is not None:
                m[1].eval()
        test = torch.randn(4, 3, generator=gen)
        out = fwd(test)
    return {
        'layers': layers,
        'batches': batches,
        'running_mean': [m[1].running_mean.tolist() if m[1] is not None else None for m in mods],
        'running_var': [m[1].running_var.tolist() if m[1] is not None else None for m in mods],
        'test_input': test.tolist(),
        'eval_output': out.tolist(),
    }


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, 'cases.json'), 'w') as f:
        json.dump({'torch': torch.__version__, 'cases': cases()}, f, indent=1)
        f.write('\n')
    with open(os.path.join(OUT_DIR, 'running_stats.json'), 'w') as f:
        json.dump({'torch': torch.__version__, **running_stats()}, f, indent=1)
        f.write('\n')
    print('wrote', OUT_DIR)


if __name__ == '__main__':
    main()
