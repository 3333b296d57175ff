#!/usr/bin/env python3
"""Loss-landscape fixtures for the lab, computed with torch (float64) and numpy.

Writes three files to src/engine/__fixtures__/landscape/, each recording torch.__version__:

  cases.json      {torch, cases: [{name, input, expected}]}: `input` is exactly what
                  `npm run cli -- landscape FILE` reads and `expected` what it must print,
                  {loss: [[...]]} with loss[i][j] = L(theta + alphas[i] d1 + betas[j] d2) after Li et
                  al. 2018's filter normalisation when normalize == "filter".
  pca.json        a training path saved from torch SGD, and numpy.linalg.svd's PCA of it (both
                  centrings), explained-variance ratios, projections, and the loss the plane shows at
                  every projected point vs the true loss at the real weights.
  hessian.json    small nets with the eigenvalues of torch.autograd.functional.hessian of the
                  training loss with respect to all parameters.

The network is the backprop command's (scripts/fixtures_backprop.py): per layer z = a W^T + b ->
batch norm (training mode, batch statistics) -> activation -> + a_prev when residual; mse is the
batch mean of 1/2 ||y - t||^2, bce is F.binary_cross_entropy. Flat parameter layout, as the engine's:
per layer W (row-major), b, then gamma, beta with batch norm.

Run: npm run fixtures (or, once scripts/torch-env.sh has made it, .venv-torch/bin/python) scripts/fixtures_landscape.py
"""
import json
import os

import numpy as np
import torch

from torch_net import forward, loss as loss_fn

torch.set_default_dtype(torch.float64)
OUT_DIR = os.path.join(os.path.dirname(__file__), '..', 'src', 'engine', '__fixtures__', 'landscape')



def make_network(seed, sizes, acts, batch, loss, *, w_std=0.8, bn=(), residual=(), hard=False):
    """A backprop-command input with weights and data drawn from torch.Generator(seed)."""
    gen = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, sizes[0], generator=gen)
    if loss == 'bce':
        t = torch.rand(batch, sizes[-1], generator=gen)
        if hard:
            t = (t > 0.5).double()
    else:
        t = torch.randn(batch, sizes[-1], generator=gen)
    layers = []
    for i, (act, (n_in, n_out)) in enumerate(zip(acts, zip(sizes[:-1], sizes[1:]))):
        layer = {
            'W': (torch.randn(n_out, n_in, generator=gen) * w_std / n_in ** 0.25).tolist(),
            'b': (torch.randn(n_out, generator=gen) * 0.3).tolist(),
            'activation': act,
            'residual': i in residual,
        }
        if i in bn:
            layer['batchnorm'] = {
                'gamma': (1 + 0.3 * torch.randn(n_out, generator=gen)).tolist(),
                'beta': (0.2 * torch.randn(n_out, generator=gen)).tolist(),
                'eps': 1e-5,
            }
        layers.append(layer)
    return {'input': x.tolist(), 'target': t.tolist(), 'loss': loss, 'layers': layers}, gen


def layer_shapes(network):
    """Per layer: [(name, shape)] in the flat layout's order."""
    out = []
    for layer in network['layers']:
        n_out, n_in = len(layer['W']), len(layer['W'][0])
        shapes = [('W', (n_out, n_in)), ('b', (n_out,))]
        if 'batchnorm' in layer:
            shapes += [('gamma', (n_out,)), ('beta', (n_out,))]
        out.append(shapes)
    return out


def theta_of(network):
    """The network's parameters as a list of dicts of tensors, in layer order."""
    params = []
    for layer in network['layers']:
        p = {'W': torch.tensor(layer['W']), 'b': torch.tensor(layer['b'])}
        if 'batchnorm' in layer:
            p['gamma'] = torch.tensor(layer['batchnorm']['gamma'])
            p['beta'] = torch.tensor(layer['batchnorm']['beta'])
        params.append(p)
    return params


def flatten(params):
    parts = []
    for p in params:
        for name in ('W', 'b', 'gamma', 'beta'):
            if name in p:
                parts.append(p[name].reshape(-1))
    return torch.cat(parts)


def unflatten(network, flat):
    params, k = [], 0
    for shapes in layer_shapes(network):
        p = {}
        for name, shape in shapes:
            n = int(np.prod(shape))
            p[name] = flat[k:k + n].reshape(shape)
            k += n
        params.append(p)
    assert k == flat.numel()
    return params


def loss_of(network, params, x=None, t=None):
    """The engine's forward pass and loss (batch norm in training mode)."""
    a = torch.tensor(network['input']) if x is None else x
    t = torch.tensor(network['target']) if t is None else t
    return loss_fn(network['loss'], forward(network['layers'], params, a), t)


def filter_normalize(direction, theta):
    """Li et al. 2018: each row of d.W scaled to ||theta.W[i]|| / (||d.W[i]|| + 1e-10); b, gamma, beta of
    d set to 0 (their ignore='biasbn'). Mirrors loss-landscape's normalize_direction('filter')."""
    out = []
    for d, w in zip(direction, theta):
        nd = {}
        for name, v in d.items():
            if name == 'W':
                rows = [dr * (wr.norm() / (dr.norm() + 1e-10)) for dr, wr in zip(v, w['W'])]
                nd[name] = torch.stack(rows)
            else:
                nd[name] = torch.zeros_like(v)
        out.append(nd)
    return out


def random_direction(network, gen, scale=1.0):
    return [{name: torch.randn(*shape, generator=gen) * scale for name, shape in shapes}
            for shapes in layer_shapes(network)]


def landscape_case(name, seed, sizes, acts, batch, loss, normalize, alphas, betas, dir_scale=1.0, **kw):
    network, gen = make_network(seed, sizes, acts, batch, loss, **kw)
    d1 = random_direction(network, gen, dir_scale)
    d2 = random_direction(network, gen, dir_scale)
    theta = theta_of(network)
    u1, u2 = (filter_normalize(d, theta) for d in (d1, d2)) if normalize == 'filter' else (d1, d2)
    grid = []
    with torch.no_grad():
        for a in alphas:
            row = []
            for b in betas:
                params = [{k: w[k] + a * p1[k] + b * p2[k] for k in w} for w, p1, p2 in zip(theta, u1, u2)]
                row.append(loss_of(network, params).item())
            grid.append(row)
    inp = {
        'network': network,
        'directions': [[{k: v.tolist() for k, v in d.items()} for d in dirs] for dirs in (d1, d2)],
        'normalize': normalize,
        'alphas': list(alphas),
        'betas': list(betas),
    }
    return {'name': name, 'input': inp, 'expected': {'loss': grid}}


def lin(lo, hi, n):
    return np.linspace(lo, hi, n).tolist()


def landscape_cases():
    return [
        landscape_case('tanh/sigmoid 2-4-3-1, mse, filter-normalised', 101, [2, 4, 3, 1],
                       ['tanh', 'sigmoid', 'linear'], 10, 'mse', 'filter', lin(-1, 1.25, 7), lin(-0.8, 1, 6)),
        landscape_case('relu with batch norm and a residual, mse, raw directions', 102, [3, 5, 5, 2],
                       ['relu', 'relu', 'linear'], 9, 'mse', 'none', lin(-0.5, 0.7, 6), lin(-0.6, 0.4, 5),
                       dir_scale=0.5, bn=(0, 1), residual=(1,)),
        landscape_case('batch norm on every layer, bce, filter-normalised', 103, [2, 6, 4, 1],
                       ['leaky_relu', 'elu', 'sigmoid'], 12, 'bce', 'filter', lin(-1.5, 1.5, 9), lin(-1, 2, 5),
                       bn=(0, 1, 2), hard=True),
        landscape_case('6-layer elu/leaky relu residual net, bce, filter-normalised', 104,
                       [3, 6, 6, 6, 6, 6, 2], ['elu', 'leaky_relu', 'elu', 'tanh', 'leaky_relu', 'sigmoid'],
                       8, 'bce', 'filter', lin(-2, 2, 5), lin(-1, 1, 7), residual=(1, 2, 3, 4)),
        landscape_case('8-layer sigmoid net, mse, raw directions', 105, [4] * 8 + [1],
                       ['sigmoid'] * 7 + ['linear'], 6, 'mse', 'none', lin(-0.3, 0.3, 4), lin(-1, 1, 6),
                       dir_scale=0.7),
        landscape_case('width one, one alpha, tanh, mse, filter', 106, [1, 1, 1], ['tanh', 'linear'], 5,
                       'mse', 'filter', [0.37], lin(-3, 3, 8)),
        landscape_case('wide relu with batch norm, mse, filter, non-uniform axes', 107, [5, 12, 1],
                       ['relu', 'linear'], 16, 'mse', 'filter', [-1, -0.1, 0, 0.05, 0.9], [-2, 0, 0.3, 3],
                       bn=(0,)),
    ]


def sign_convention(v):
    """Flip so the entry of largest magnitude (first on ties) is positive, as the engine does."""
    i = int(np.argmax(np.abs(v)))
    return -v if v[i] < 0 else v


def pca_fixture():
    """SGD with momentum on a small net; 26 snapshots; numpy's PCA of the path, both centrings."""
    network, _ = make_network(201, [2, 8, 8, 1], ['tanh', 'tanh', 'sigmoid'], 24, 'bce', bn=(1,), hard=True)
    flat = flatten(theta_of(network)).clone().requires_grad_(True)
    opt = torch.optim.SGD([flat], lr=0.3, momentum=0.9)
    snapshots = [flat.detach().clone()]
    for step in range(50):
        opt.zero_grad()
        loss_of(network, unflatten(network, flat)).backward()
        opt.step()
        if step % 2 == 1:
            snapshots.append(flat.detach().clone())
    S = torch.stack(snapshots).numpy()
    final = S[-1]
    out = {'network': network, 'snapshots': S.tolist(), 'pca': {}}
    for center in ('mean', 'final'):
        c = S.mean(axis=0) if center == 'mean' else final
        _, s, vt = np.linalg.svd(S - c, full_matrices=False)
        dirs = np.stack([sign_convention(vt[0]), sign_convention(vt[1])])
        ratio = (s ** 2) / (s ** 2).sum()
        coords = (S - final) @ dirs.T
        with torch.no_grad():
            plane = [loss_of(network, unflatten(network, torch.tensor(final + x * dirs[0] + y * dirs[1]))).item()
                     for x, y in coords]
            true = [loss_of(network, unflatten(network, torch.tensor(w))).item() for w in S]
        out['pca'][center] = {
            'directions': dirs.tolist(),
            'explained_variance_ratio': ratio[:2].tolist(),
            'coords': coords.tolist(),
            'plane_loss': plane,
            'true_loss': true,
        }
    return out


def hessian_case(name, seed, sizes, acts, batch, loss, **kw):
    network, _ = make_network(seed, sizes, acts, batch, loss, **kw)
    flat = flatten(theta_of(network))
    H = torch.autograd.functional.hessian(lambda v: loss_of(network, unflatten(network, v)), flat)
    assert torch.allclose(H, H.T, atol=1e-12)
    eig = torch.linalg.eigvalsh(H)
    return {'name': name, 'network': network, 'param_count': flat.numel(),
            'eigenvalues': eig.tolist()}


def hessian_cases():
    return [
        hessian_case('tanh 2-4-1, mse', 301, [2, 4, 1], ['tanh', 'linear'], 10, 'mse'),
        hessian_case('sigmoid/elu with batch norm, mse', 302, [3, 5, 5, 2], ['sigmoid', 'elu', 'linear'], 8,
                     'mse', bn=(0,)),
        hessian_case('relu then sigmoid, bce', 303, [2, 6, 1], ['relu', 'sigmoid'], 12, 'bce', hard=True),
        hessian_case('tanh residual block, mse', 304, [3, 4, 4, 1], ['tanh', 'tanh', 'linear'], 7, 'mse',
                     residual=(1,), w_std=1.5),
    ]


def dump(name, obj):
    with open(os.path.join(OUT_DIR, name), 'w') as f:
        json.dump(obj, f, separators=(',', ':'))
        f.write('\n')


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    meta = {'torch': torch.__version__, 'numpy': np.__version__}
    dump('cases.json', {**meta, 'cases': landscape_cases()})
    dump('pca.json', {**meta, **pca_fixture()})
    dump('hessian.json', {**meta, 'cases': hessian_cases()})
    print('wrote', OUT_DIR)


if __name__ == '__main__':
    main()
