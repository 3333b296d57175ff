"""The backprop command's network in torch (float64), shared by the fixture scripts.

Per layer, in the CLI's order: z = a W^T + b -> batch norm (training mode, batch statistics,
biased variance) -> activation -> + a_prev when residual. Losses:
  mse       = mean over the batch of 1/2 ||y - t||^2   (the notes' convention)
  mse_torch = torch.nn.functional.mse_loss(y, t)      (torch.nn.MSELoss: mean over every element)
  bce       = torch.nn.functional.binary_cross_entropy(y, t) on the last layer's (sigmoid) output.
  bce_with_logits = torch.nn.functional.binary_cross_entropy_with_logits(y, t) on the last
              layer's output taken as logits (torch.nn.BCEWithLogitsLoss).
"""
import torch
import torch.nn.functional as F

ACT = {
    'sigmoid': torch.sigmoid,
    'tanh': torch.tanh,
    'relu': F.relu,
    'leaky_relu': lambda x: F.leaky_relu(x, 0.01),
    'elu': lambda x: F.elu(x, 1.0),
    'linear': lambda x: x,
}


def forward(layers, params, a):
    """The network's output for input rows `a`; params[i] holds layer i's W, b (gamma, beta with
    batch norm) as tensors, layers[i] its activation, batch-norm eps and residual flag."""
    for layer, p in zip(layers, params):
        z = a @ p['W'].T + p['b']
        if 'gamma' in p:
            eps = layer['batchnorm'].get('eps', 1e-5)
            z = F.batch_norm(z, None, None, p['gamma'], p['beta'], training=True, eps=eps)
        h = ACT[layer['activation']](z)
        if layer.get('residual'):
            assert h.shape == a.shape
            h = h + a
        a = h
    return a


def loss(kind, y, t):
    """The loss named `kind` (mse, mse_torch, bce, bce_with_logits) of outputs y against targets t."""
    if kind == 'mse':
        return 0.5 * ((y - t) ** 2).sum(dim=1).mean()
    if kind == 'mse_torch':
        return F.mse_loss(y, t)
    if kind == 'bce':
        return F.binary_cross_entropy(y, t)
    if kind == 'bce_with_logits':
        return F.binary_cross_entropy_with_logits(y, t)
    raise ValueError(f'unknown loss {kind!r}')
