#!/bin/sh
# Makes .venv-torch/ (gitignored): a repo-local Python with the CPU build of current torch 2.x and
# numpy, the reference every fixture script runs under (`npm run fixtures` uses it).
# Usage: scripts/torch-env.sh            (creates the venv once; re-running only checks it)
#        TORCH_SPEC='torch==2.13.0+cpu' scripts/torch-env.sh   (pin another build)
set -eu
cd "$(dirname "$0")/.."
VENV=.venv-torch
# The CPU wheel avoids pulling CUDA libraries; pip's own config decides which index serves it.
TORCH_SPEC="${TORCH_SPEC:-torch==2.13.0+cpu}"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet "$TORCH_SPEC" numpy ||
    "$VENV/bin/python" -m pip install --quiet --index-url https://download.pytorch.org/whl/cpu "$TORCH_SPEC" numpy
fi
"$VENV/bin/python" -c 'import torch, numpy; print("torch", torch.__version__, "numpy", numpy.__version__)'
