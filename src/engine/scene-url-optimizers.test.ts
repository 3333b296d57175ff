/**
 * The URL text carries every torch 2.x hyper-parameter: tuples with None (Adafactor's eps),
 * None choices (Muon's adjust_lr_fn, L-BFGS's line_search_fn and max_eval), new switches, and
 * values the sliders cannot reach but torch accepts.
 */
import { describe, expect, it } from 'vitest';
import { decodeSceneParam, encodeSceneParam } from './scene-url';
import { parseScene } from './scene';
import type { Scene } from './types';

const SCENE: Scene = {
  surface: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 50,
  optimizers: [
    { type: 'rprop', lr: 0.02, etas: [0.3, 1.5], step_sizes: [0, 0.5], maximize: true },
    { type: 'asgd', lr: 0.05, lambd: -0.2, alpha: 1.5, t0: 10, weight_decay: 0.1 },
    { type: 'adafactor', lr: 0.1, beta2_decay: -0.5, eps: [null, 0.01], d: 2 },
    { type: 'adafactor', eps: [1e-30, 0], weight_decay: 0.2 },
    {
      type: 'muon',
      lr: 0.05,
      momentum: 1.5,
      nesterov: false,
      ns_coefficients: [2, -1.5, 0.5],
      ns_steps: 3,
      adjust_lr_fn: 'match_rms_adamw',
    },
    { type: 'muon', adjust_lr_fn: null, eps: -1 },
    // lr 0 only without the line search: with strong_wolfe torch divides by zero (refused).
    { type: 'lbfgs', lr: 2, max_iter: 2.5, max_eval: null, line_search_fn: 'strong_wolfe' },
    { type: 'lbfgs', lr: 0, max_eval: 7, tolerance_grad: 0, history_size: 3, line_search_fn: null },
    { type: 'adam', betas: [0, 0.999999], decoupled_weight_decay: true, weight_decay: 0.5 },
    { type: 'sgd', momentum: 1.5, dampening: -1, clip_grad_norm: -2 },
  ],
};

describe('the URL text of torch 2.x optimizers', () => {
  it('is a valid scene to start with (values torch takes that no slider reaches)', () => {
    const parsed = parseScene(SCENE);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('reads back as the very scene it was written from', () => {
    const text = encodeSceneParam(SCENE);
    const { scene, errors } = decodeSceneParam(text);
    expect(errors).toEqual([]);
    expect(scene).toEqual(SCENE);
  });

  it('names a bad tuple element and a bad choice', () => {
    const { errors } = decodeSceneParam(
      'f:quadratic;p:1,1;n:5;o:rprop,etas=1.5/1.2;o:muon,adjust_lr_fn=rms;o:lbfgs,history_size=0',
    );
    expect(errors.map((e) => e.path)).toEqual([
      'optimizers[0].etas[0]',
      'optimizers[1].adjust_lr_fn',
      'optimizers[2].history_size',
    ]);
    expect(errors[0]!.message).toMatch(/must be < 1, got 1\.5 \(torch/);
  });

  it('names a number that is not one as it was written, not as NaN or null', () => {
    const said = (text: string): string[] => decodeSceneParam(text).errors.map((e) => e.message);
    expect(said('f:quadratic;p:a,b;n:5')[0]).toMatch(/got "a"$/);
    expect(said('f:quadratic;n:abc')[0]).toMatch(/got "abc"$/);
    expect(said('f:quadratic;p:1e999,2')[0]).toMatch(/got "1e999"$/);
    expect(said('f:quadratic;o:adam,betas=2~3')[0]).toMatch(/got \["2~3"\]$/);
    // A number still parses as one: no message.
    expect(said('f:quadratic;p:-1.5e0,2;n:5;o:adam,betas=0.8/0.99')).toEqual([]);
  });
});
