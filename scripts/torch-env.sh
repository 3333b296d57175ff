#!/bin/sh
# Makes .venv-torch/ (gitignored): a repo-local Python with current torch 2.x (2.14.1) and numpy,
# the reference every fixture script runs under (`npm run fixtures` uses it). PyTorch's CPU index
# is tried first (torch==2.14.1 matches its 2.14.1+cpu, without CUDA libraries); pip's own index
# next. The fixtures record the build that made them: 2.14.1+cu130 from a machine's local index,
# run on its CPU, where every optimizer trajectory, schedule and bound came out bit for bit as
# under 2.13.0+cpu (only LBFGS's new maximize differs).
# Usage: scripts/torch-env.sh            (creates the venv once; re-running only checks it)
#        VENV=/tmp/venv scripts/torch-env.sh  (another place)
#        TORCH_SPEC='torch==2.13.0+cpu' scripts/torch-env.sh   (pin another build)
set -eu
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv-torch}"
TORCH_SPEC="${TORCH_SPEC:-torch==2.14.1}"
# Last resort, for a machine whose only index is a local mirror holding a CUDA build of torch but
# not every package it lists (cuda-bindings, triton): torch alone, then its pure-Python needs, then
# the CUDA libraries it names. It runs on the CPU all the same (checked: 2.14.1+cu130 here).
install_without_missing_extras() {
  echo "torch-env: installing $TORCH_SPEC without the dependencies the index lacks" >&2
  "$VENV/bin/python" -m pip install --quiet --no-deps "$TORCH_SPEC" &&
    "$VENV/bin/python" -m pip install --quiet numpy filelock typing_extensions sympy networkx jinja2 fsspec &&
    "$VENV/bin/python" -m pip install --quiet $("$VENV/bin/python" - <<'PY'
from importlib.metadata import requires
# The CUDA libraries torch loads at import (cuda-toolkit[...] names most of them).
print(' '.join(r.split(';')[0].replace(' ', '') for r in requires('torch') or []
               if r.startswith(('nvidia-', 'cuda-toolkit'))))
PY
)
}
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import torch, numpy' 2>/dev/null; then
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --index-url https://download.pytorch.org/whl/cpu "$TORCH_SPEC" numpy ||
    "$VENV/bin/python" -m pip install --quiet "$TORCH_SPEC" numpy ||
    install_without_missing_extras
fi
"$VENV/bin/python" -c 'import torch, numpy; print("torch", torch.__version__, "numpy", numpy.__version__)'
