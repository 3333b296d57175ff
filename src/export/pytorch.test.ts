import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../engine/scene';
import { SURFACE_IDS, parseExpression } from '../engine/surfaces';
import type { Scene } from '../engine/types';
import { expressionToPython, sceneToPyTorch } from './pytorch';

describe('copy as PyTorch', () => {
  it("writes the scene's surface, start, steps and every optimizer's settings", () => {
    const scene: Scene = {
      surface: { id: 'rosenbrock' },
      start: [-1.5, 2],
      steps: 321,
      optimizers: [
        { type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true, label: 'NAG' },
        {
          type: 'adam',
          lr: 0.1,
          betas: [0.8, 0.99],
          amsgrad: true,
          schedule: { type: 'step', step_size: 30, gamma: 0.5 },
          clip_grad_norm: 5,
        },
        { type: 'radam', schedule: { type: 'cosine', t_max: 100, eta_min: 0.001 } },
      ],
    };
    const script = sceneToPyTorch(scene);
    expect(script).toContain('(1 - x)**2 + 100 * (y - x**2)**2');
    expect(script).toContain('START = (-1.5, 2)');
    expect(script).toContain('STEPS = 321');
    expect(script).toContain('torch.optim.SGD(params, lr=0.05, momentum=0.9, nesterov=True)');
    expect(script).toContain('torch.optim.Adam(params, lr=0.1, betas=(0.8, 0.99), amsgrad=True)');
    expect(script).toContain('StepLR(o, step_size=30, gamma=0.5)');
    expect(script).toContain('CosineAnnealingLR(o, T_max=100, eta_min=0.001)');
    // RAdam's lr was left out: the script spells torch's default so the run is the same.
    expect(script).toContain('torch.optim.RAdam(params, lr=0.001)');
    expect(script).toMatch(/"NAG", lambda params/);
    expect(script).toMatch(/, 5, False, \(2,\)\),\n/);
  });

  it('writes counts as Python ints and every other whole number as a float', () => {
    const scene: Scene = {
      surface: { id: 'quadratic' },
      start: [3, -2],
      steps: 5,
      optimizers: [
        { type: 'lbfgs', lr: 1, max_iter: 3, max_eval: 4, history_size: 5 },
        { type: 'adam', lr: 1, betas: [0, 0.999], weight_decay: 0 },
        { type: 'muon', lr: 1, ns_steps: 4 },
      ],
    };
    const script = sceneToPyTorch(scene);
    // torch reads these as counts: range(), list lengths, `n_iter < max_iter`.
    expect(script).toContain('max_iter=3,');
    expect(script).toContain('max_eval=4,');
    expect(script).toContain('history_size=5');
    expect(script).toContain('ns_steps=4');
    // Adam refuses betas=(0, 0.999): "betas must be either both floats or both Tensors".
    expect(script).toContain(
      'torch.optim.Adam(params, lr=1.0, betas=(0.0, 0.999), weight_decay=0.0)',
    );
    expect(script).not.toMatch(/lr=1[,)]/);
  });

  it('writes a huge whole count as Python reads it, an int, digit for digit', () => {
    // torch raised "'float' object cannot be interpreted as an integer" at ns_steps=-1e+300.
    const scene: Scene = {
      surface: { id: 'quadratic' },
      start: [3, -2],
      steps: 2,
      optimizers: [
        { type: 'muon', lr: 0.1, ns_steps: -1e300 },
        { type: 'lbfgs', max_iter: 1e21 },
      ],
    };
    const script = sceneToPyTorch(scene);
    const ints = [...script.matchAll(/(ns_steps|max_iter)=(-?\d+)[,)]/g)].map((m) => [m[1], m[2]]);
    expect(ints.map(([name]) => name)).toEqual(['ns_steps', 'max_iter']);
    // Each is the exact integer value of the double (BigInt), not an exponent form.
    expect(BigInt(ints[0]![1]!)).toBe(BigInt(-1e300));
    expect(ints[1]![1]).toBe('1000000000000000000000');
  });

  it('knows every named surface', () => {
    for (const id of SURFACE_IDS) {
      const script = sceneToPyTorch({ ...DEFAULT_SCENE, surface: { id } });
      const body = /def f\(x, y\):\n {4}return (.*)\n/.exec(script)?.[1];
      expect(body, id).toBeDefined();
      if (id !== 'quadratic') expect(body, id).not.toBe('x**2 / 10 + y**2');
    }
  });

  it('translates typed expressions with their precedence intact', () => {
    const python = (src: string) => {
      const parsed = parseExpression(src);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return expressionToPython(parsed.ast);
    };
    expect(python('-x^2')).toBe('(-(x ** 2))');
    expect(python('2^3^2')).toBe('(2 ** (3 ** 2))');
    expect(python('max(x, 0) + pi')).toBe('(torch.maximum(_t(x), _t(0)) + math.pi)');
    expect(python('softplus(y)')).toBe('torch.nn.functional.softplus(_t(y))');
  });

  it('cannot be broken out of by a label', () => {
    const script = sceneToPyTorch({
      ...DEFAULT_SCENE,
      optimizers: [{ type: 'sgd', label: '"), __import__("os").system("x' }],
    });
    expect(script).toContain('"\\"), __import__(\\"os\\").system(\\"x"');
  });
});
