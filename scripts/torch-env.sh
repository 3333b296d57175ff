#!/bin/sh
# Makes .venv-torch/ (gitignored): a repo-local Python with current torch 2.x (2.14.1) and numpy,
# the reference every fixture script runs under (`npm run fixtures` uses it). PyTorch's CPU index
# is tried first (torch==2.14.1 matches its 2.14.1+cpu, without CUDA libraries); pip's own index
# next. The fixtures record the build that made them: 2.14.1+cu130 from a machine's local index,
# run on its CPU, where every optimizer trajectory, schedule and bound came out bit for bit as
# under 2.13.0+cpu (only LBFGS's new maximize differs).
# Usage: scripts/torch-env.sh            (creates the venv once; re-running only checks it)
#        TORCH_SPEC='torch==2.13.0+cpu' scripts/torch-env.sh   (pin another build)
set -eu
cd "$(dirname "$0")/.."
VENV=.venv-torch
TORCH_SPEC="${TORCH_SPEC:-torch==2.14.1}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --index-url https://download.pytorch.org/whl/cpu "$TORCH_SPEC" numpy ||
    "$VENV/bin/python" -m pip install --quiet "$TORCH_SPEC" numpy
fi
"$VENV/bin/python" -c 'import torch, numpy; print("torch", torch.__version__, "numpy", numpy.__version__)'
