"""Bounds audit: which hyper-parameter values current torch (2.x) accepts, found by trying them.

For every numeric, tuple and choice field of every optimizer the app offers (and for
torch.nn.utils.clip_grad_norm_'s max_norm), each edge value (0, tiny, negative, 1, just below 1,
above 1, huge, NaN, ±inf, ...) is tried by constructing the optimizer on a 1x2 parameter and taking
two steps with a closure (a few checks, e.g. Muon's ns_steps < 100, only run inside step). A value
is accepted when neither raises; otherwise the row keeps torch's own message.

Writes src/engine/__fixtures__/optim/bounds.json:
  {torch: version, rows: [{type, field, index, value, accepted, torch_error}]}
`index` is the element of a tuple field that was varied (the others keep torch's defaults), null
for a plain field and for a whole tuple tried at once (all None, one element short, one too many;
`value` is then that list). Non-finite numbers are written as the strings "nan", "inf" and "-inf".
The test src/engine/bounds.test.ts checks the app's validator agrees with every row.

Run with the repo's torch venv (scripts/torch-env.sh): .venv-torch/bin/python scripts/fixtures_bounds.py
"""
import inspect
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'engine', '__fixtures__', 'optim', 'bounds.json')

CLASSES = {
    'sgd': torch.optim.SGD, 'adagrad': torch.optim.Adagrad, 'adadelta': torch.optim.Adadelta,
    'rmsprop': torch.optim.RMSprop, 'adam': torch.optim.Adam, 'adamw': torch.optim.AdamW,
    'adamax': torch.optim.Adamax, 'nadam': torch.optim.NAdam, 'radam': torch.optim.RAdam,
    'rprop': torch.optim.Rprop, 'asgd': torch.optim.ASGD, 'adafactor': torch.optim.Adafactor,
    'muon': torch.optim.Muon, 'lbfgs': torch.optim.LBFGS,
}
# Switches of torch's machinery, and the booleans (any value is a bool to torch; the app's
# validator asks for true/false, a type check rather than a bound).
SKIP = {'self', 'params', 'foreach', 'capturable', 'differentiable', 'fused', 'maximize', 'nesterov',
        'centered', 'amsgrad', 'decoupled_weight_decay'}
INTEGER_FIELDS = {'max_iter', 'max_eval', 'history_size', 'ns_steps'}
CHOICES = {
    'adjust_lr_fn': [None, 'original', 'match_rms_adamw', 'rms'],
    'line_search_fn': [None, 'strong_wolfe', 'backtracking'],
}
REALS = [-math.inf, -1e6, -1.5, -1.0, -1e-9, 0.0, 1e-12, 1e-9, 0.01, 0.5, 0.99999, 0.999999, 1.0, 1.0000001,
         1.5, 2.0, 10.0, 1e4, 1e6, 1e12, 1e300, 3.5e38, math.inf, math.nan]
INTEGERS = [-1, 0, 1, 2, 2.5, 20, 99, 100, 1000]


def encode(v):
    if isinstance(v, float) and not math.isfinite(v):
        return 'nan' if math.isnan(v) else ('inf' if v > 0 else '-inf')
    return v


def tried(make):
    """Constructs with make(params) and takes two closure steps; returns torch's error or None."""
    p = torch.tensor([[0.7, -1.3]], requires_grad=True)

    def closure():
        opt.zero_grad()
        loss = ((p - torch.tensor([[1.0, 2.0]])) ** 2).sum()
        loss.backward()
        return loss

    try:
        opt = make([p])
        for _ in range(2):
            opt.step(closure)
        return None
    except Exception as e:  # noqa: BLE001  any error torch raises means "refused"
        return f'{type(e).__name__}: {e}'.split('\n')[0][:200]


def fields(cls):
    out = []
    for p in inspect.signature(cls.__init__).parameters.values():
        if p.name in SKIP or p.default is inspect.Parameter.empty:
            continue
        out.append((p.name, p.default))
    return out


def rows_for(type_name, cls):
    rows = []
    for name, default in fields(cls):
        if name in CHOICES:
            variants = [(None, v) for v in CHOICES[name]]
        elif isinstance(default, tuple):
            # Each element None or an edge value (the others at torch's default), then all None.
            variants = []
            for i in range(len(default)):
                for v in [None] + REALS:
                    t = list(default)
                    t[i] = v
                    variants.append((i, tuple(t), v))
            variants.append((None, (None,) * len(default), [None] * len(default)))
            # One element short, one too many (Adam keeps a longer betas' first two).
            for t in (default[:-1], default + (0.5,)):
                variants.append((None, t, list(t)))
        elif name in INTEGER_FIELDS:
            variants = [(None, v) for v in ([None] if name == 'max_eval' else []) + INTEGERS]
        else:
            variants = [(None, v) for v in REALS]
        for variant in variants:
            if len(variant) == 3:
                index, passed, shown = variant
            else:
                index, passed = variant
                shown = passed
            if type_name == 'lbfgs' and name == 'max_iter' and passed == 1000:
                continue
            error = tried(lambda ps: cls(ps, **{name: passed}))
            rows.append({'type': type_name, 'field': name, 'index': index, 'value': encode(shown),
                         'accepted': error is None, 'torch_error': error})
    return rows


def clip_rows():
    rows = []
    for v in REALS:
        p = torch.tensor([3.0, 4.0], requires_grad=True)
        p.grad = torch.tensor([3.0, 4.0])
        try:
            torch.nn.utils.clip_grad_norm_([p], v)
            error = None
        except (ValueError, RuntimeError) as e:
            error = f'{type(e).__name__}: {e}'
        rows.append({'type': None, 'field': 'clip_grad_norm', 'index': None, 'value': encode(v),
                     'accepted': error is None, 'torch_error': error})
    return rows


def main():
    rows = []
    for type_name, cls in CLASSES.items():
        rows += rows_for(type_name, cls)
    rows += clip_rows()
    with open(OUT, 'w') as fh:
        json.dump({'torch': torch.__version__, 'rows': rows}, fh, indent=0, allow_nan=False)
        fh.write('\n')
    print(f'wrote {len(rows)} rows, {sum(r["accepted"] for r in rows)} accepted')


if __name__ == '__main__':
    main()
