/**
 * Golden pictures of the map: `buildMapSvg` for six scenes, compared as files with the committed
 * SVGs in `__golden__/`, which open as images for review. On a mismatch the new drawing is written
 * beside the golden as `<name>-changed.svg` (git-ignored) so the two can be looked at side by side,
 * as observablehq/plot's snapshot tests do. After a deliberate drawing change, regenerate with
 * `UPDATE_GOLDENS=1 npx vitest run src/views/export/golden.test.ts`, look at the pictures and
 * commit them. The heat map is left out (it is a canvas raster in the app); its band colours show
 * in the legend.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { surfaceLayer } from '../../engine/contours/layer';
import type { LevelSpacing } from '../../engine/contours/types';
import { simulate } from '../../engine/simulate';
import { resolveSurface } from '../../engine/surfaces';
import type { Domain, Scene } from '../../engine/types';
import { PRESENT_LINE_SCALE } from '../../state/present';
import { makeProjection } from '../map/projection';
import { buildMapSvg } from './svg';

const GOLDEN_DIR = fileURLToPath(new URL('./__golden__/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const labels = { title: 'Descent', legend: 'Loss', start: 'Start', minimum: 'Minimum' };

interface Case {
  readonly name: string;
  readonly scene: Scene;
  readonly spacing?: LevelSpacing;
  readonly cursor?: number;
  readonly lineScale?: number;
  readonly theme?: 'light' | 'dark';
}

/** The seven classic optimizers on x²/10 + y², written out: not the app's default, which may change. */
const CLASSIC: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 200,
  optimizers: [
    { type: 'sgd', lr: 0.1, label: 'SGD' },
    { type: 'sgd', lr: 0.1, momentum: 0.9, label: 'Momentum' },
    { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, label: 'NAG' },
    { type: 'adagrad', lr: 0.5, label: 'AdaGrad' },
    { type: 'adadelta', lr: 1, label: 'AdaDelta' },
    { type: 'rmsprop', lr: 0.01, label: 'RMSProp' },
    { type: 'adam', lr: 0.1, label: 'Adam' },
  ],
};

const CASES: readonly Case[] = [
  { name: 'classic', scene: CLASSIC },
  {
    name: 'rosenbrock-quantile',
    spacing: 'quantile',
    scene: {
      surface: { id: 'rosenbrock' },
      start: [-1.5, 2],
      steps: 300,
      optimizers: [
        { type: 'sgd', lr: 0.001, momentum: 0.9, label: 'Momentum' },
        { type: 'adam', lr: 0.05, label: 'Adam' },
      ],
    },
  },
  {
    // lr = 1.1 on the y² term: |1 − 2·1.1| > 1, so the run diverges off the map (a cross marks it).
    name: 'diverging-lr',
    scene: {
      surface: { id: 'quadratic' },
      start: [-4, 2],
      steps: 60,
      optimizers: [
        { type: 'sgd', lr: 1.1, label: 'SGD lr 1.1' },
        { type: 'sgd', lr: 0.9, label: 'SGD lr 0.9' },
      ],
    },
  },
  {
    // A pole on the unit circle: non-finite cells read as a wall, the lines around it stay whole.
    name: 'expression-pole',
    scene: {
      surface: { expr: '0.1*(x^2 + y^2) + 1/(x^2 + y^2 - 1)^2' },
      start: [2.5, 1.5],
      steps: 100,
      optimizers: [{ type: 'adam', lr: 0.1, label: 'Adam' }],
    },
  },
  { name: 'presenter-line-scale', scene: CLASSIC, cursor: 40, lineScale: PRESENT_LINE_SCALE },
  { name: 'dark-theme', scene: CLASSIC, cursor: 120, theme: 'dark' },
];

/**
 * The sampling grid: 192 cells along the longer side, the other in proportion. Fixed here rather
 * than the app's, so a change of the app's grid resolution does not redraw every golden.
 */
function goldenGrid(domain: Domain): { width: number; height: number } {
  const w = domain.x[1] - domain.x[0];
  const h = domain.y[1] - domain.y[0];
  return w >= h
    ? { width: 192, height: Math.round((192 * h) / w) }
    : { width: Math.round((192 * w) / h), height: 192 };
}

function drawing(c: Case): string {
  const resolved = resolveSurface(c.scene.surface);
  if (!resolved.ok) throw new Error(`${c.name}: ${resolved.error.message}`);
  const surface = resolved.surface;
  const domain = surface.domain;
  const layer = surfaceLayer(surface, {
    surface: c.scene.surface,
    domain,
    ...goldenGrid(domain),
    spacing: c.spacing ?? 'log',
    levels: 18,
    quiver: 0,
  });
  return buildMapSvg(
    {
      scene: c.scene,
      surface,
      layer,
      trajectories: simulate(c.scene, surface),
      cursor: c.cursor ?? c.scene.steps,
      ghost: c.cursor !== undefined,
      arrows: false,
      projection: makeProjection(domain, 480, 320),
      ...(c.lineScale !== undefined ? { lineScale: c.lineScale } : {}),
      ...(c.theme !== undefined ? { theme: c.theme } : {}),
    },
    { heatHref: null, labels },
  );
}

/** A standalone SVG file: the XML prolog and a final newline, as the export menu writes it. */
const asFile = (svg: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;

describe('golden pictures of the map', () => {
  for (const c of CASES) {
    it(`draws ${c.name} as committed in __golden__/${c.name}.svg`, () => {
      const golden = `${GOLDEN_DIR}${c.name}.svg`;
      const changed = `${GOLDEN_DIR}${c.name}-changed.svg`;
      const actual = asFile(drawing(c));
      if (UPDATE) writeFileSync(golden, actual);
      if (!existsSync(golden)) throw new Error(`no golden ${golden}: run with UPDATE_GOLDENS=1`);
      const expected = readFileSync(golden, 'utf8');
      if (actual === expected) {
        rmSync(changed, { force: true });
        return;
      }
      writeFileSync(changed, actual);
      expect.fail(
        `${c.name}.svg differs from its golden: compare __golden__/${c.name}.svg with ` +
          `${c.name}-changed.svg; if the change is meant, run with UPDATE_GOLDENS=1 and commit`,
      );
    });
  }
});
