#!/usr/bin/env python3
""""Copy as PyTorch" fixtures: the exported script, run under torch, gives the CLI's trajectories.

For each scene of scripts/pytorch_export_scenes.ts (every optimizer and every schedule the
engine has), writes the script `npm run cli -- pytorch` prints, runs it with `--json` under this
Python's torch, and records both in src/engine/__fixtures__/pytorch_export/cases.json:
  {"torch": version, "cases": [{name, scene, script, output: {"trajectories": [...]}}]}
src/export/pytorch-run.test.ts checks that the exporter still writes the same script and that
the CLI's trajectory equals torch's output to 1e-9.

Run with torch 2.x: npm run fixtures (needs node for the exporter).
"""
import json
import os
import subprocess
import sys
import tempfile

import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT_DIR = os.path.join(ROOT, 'src', 'engine', '__fixtures__', 'pytorch_export')
NODE = ['node', '--import', 'tsx']


def main():
    scenes = json.loads(subprocess.run(
        NODE + ['scripts/pytorch_export_scenes.ts'], cwd=ROOT, check=True, capture_output=True,
        text=True).stdout)
    cases = []
    for case in scenes:
        script = subprocess.run(
            NODE + ['src/cli/main.ts', 'pytorch', '-'], cwd=ROOT, check=True, capture_output=True,
            text=True, input=json.dumps(case['scene'])).stdout
        with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as fh:
            fh.write(script)
            path = fh.name
        try:
            run = subprocess.run([sys.executable, path, '--json'], check=True, capture_output=True, text=True)
        finally:
            os.unlink(path)
        cases.append({'name': case['name'], 'scene': case['scene'], 'script': script,
                      'output': json.loads(run.stdout)})
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, 'cases.json'), 'w') as fh:
        json.dump({'torch': torch.__version__, 'cases': cases}, fh, indent=1)
        fh.write('\n')
    print(f'wrote {len(cases)} exported scripts and their torch runs with torch {torch.__version__}')


if __name__ == '__main__':
    main()
