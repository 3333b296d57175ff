/**
 * The analysis engine's heavy jobs, as the worker runs them: a 128 × 128 basin map of 500-step
 * Adam runs on Himmelblau, and a 60-point LR sweep of the default scene's seven optimizers at 1,000
 * steps each. Informational: the issue sets no budget, only "seconds". Each figure is the median of
 * a few repeats after one warm-up.
 */
import { basinMap, lrSweep } from '../src/engine/analysis';
import { DEFAULT_SCENE } from '../src/engine/scene';
import { NAMED_SURFACES } from '../src/engine/surfaces';
import type { BenchRow, BenchSuite } from './types';

const REPEATS = 3;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(run: () => void): number[] {
  run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples;
}

const describeSamples = (xs: readonly number[]) => xs.map((x) => x.toFixed(0)).join(', ');

/** Basin map and LR sweep timings. */
export const analysisBench: BenchSuite = async () => {
  const himmelblau = NAMED_SURFACES.himmelblau!;
  let attractors = 0;
  const basin = time(() => {
    const map = basinMap(himmelblau, himmelblau.domain, 128, 128, 500, { type: 'adam', lr: 0.1 });
    attractors = map.attractors.length;
  });

  const quadratic = NAMED_SURFACES.quadratic!;
  const sweep = time(() => {
    for (const config of DEFAULT_SCENE.optimizers) {
      lrSweep(quadratic, DEFAULT_SCENE.start, 1000, config, { lrMin: 1e-4, lrMax: 10, points: 60 });
    }
  });

  const rows: BenchRow[] = [
    {
      name: 'analysis: basin map 128x128, 500-step Adam runs on Himmelblau',
      value: median(basin) / 1000,
      unit: 's',
      detail: `informational (issue: "seconds"); ${(128 * 128 * 500) / 1e6} M steps, ${attractors} basins; runs ${describeSamples(basin)} ms`,
    },
    {
      name: 'analysis: LR sweep, 7 optimizers x 60 lrs x 1,000 steps (quadratic)',
      value: median(sweep) / 1000,
      unit: 's',
      detail: `informational (issue: "seconds"); 0.42 M steps; runs ${describeSamples(sweep)} ms`,
    },
  ];
  return rows;
};
