import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../engine/scene';
import { encodeSceneParam } from '../engine/scene-url';
import type { Scene } from '../engine/types';
import { readQuery, writeQuery } from './url';
import { DEFAULT_VIEW, FIRST_VISIT_VIEW } from './view';
import type { ViewSettings } from './view';

describe('the address bar', () => {
  it('carries a scene and its view there and back unchanged', () => {
    const scene: Scene = {
      surface: { expr: 'sin(x)*cos(y) + (x^2 + y^2)/10' },
      start: [1.5, -2.25],
      steps: 350,
      optimizers: [
        {
          type: 'sgd',
          lr: 0.05,
          momentum: 0.9,
          nesterov: true,
          label: 'NAG, fast',
          color: '#112233',
        },
        {
          type: 'adam',
          lr: 0.2,
          betas: [0.8, 0.99],
          schedule: { type: 'step', step_size: 50, gamma: 0.5 },
          hidden: true,
        },
        { type: 'rmsprop', clip_grad_norm: 2 },
      ],
    };
    const view: ViewSettings = {
      ...DEFAULT_VIEW,
      domain: { x: [-2, 3], y: [-1, 1] },
      quiver: true,
      cursor: 12,
      selected: 1,
    };
    const query = writeQuery(scene, view);
    expect(readQuery(query)).toEqual({ scene, view, errors: [] });
  });

  it('an empty query is the calm first visit: the default scene at step 0, without complaints', () => {
    expect(readQuery('')).toEqual({ scene: DEFAULT_SCENE, view: FIRST_VISIT_VIEW, errors: [] });
    expect(FIRST_VISIT_VIEW.cursor).toBe(0);
    expect(DEFAULT_SCENE.optimizers.length).toBeLessThanOrEqual(3);
    // A shared link without a cursor still opens at the end of its paths.
    expect(readQuery(`?scene=${encodeSceneParam(DEFAULT_SCENE)}`).view.cursor).toBe(-1);
  });

  it('bad parts are named and replaced, good parts kept', () => {
    const { scene, view, errors } = readQuery('?scene=f:rosenbrock;n:-3&view=q:1;l:spiral');
    expect(scene.surface).toEqual({ id: 'rosenbrock' });
    expect(scene.steps).toBe(DEFAULT_SCENE.steps);
    expect(view.quiver).toBe(true);
    expect(view.spacing).toBe(DEFAULT_VIEW.spacing);
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['steps', 'view.l']));
  });

  it('a malformed percent escape in the view is reported, not thrown', () => {
    const { view, errors } = readQuery('?view=%E0%A4%A');
    expect(view).toEqual(DEFAULT_VIEW);
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'view',
        message: expect.stringContaining('percent-encoded'),
      }),
    ]);
  });
});
