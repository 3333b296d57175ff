import { describe, expect, it } from 'vitest';
import { initParams, initStd } from './init';
import type { InitScheme } from './init';
import { buildNetwork, layerViews } from './network';

// Two 256 × 128 layers: 32,768 weights each, so a sample variance is within ~1.5% (3σ ≈ 2.3%)
// of the truth, and a wrong formula (fan_out for fan_in, no factor 2, ...) is off by ≥ 33%.
const net = buildNetwork({
  inputSize: 128,
  layers: [
    { units: 256, activation: 'relu' },
    { units: 128, activation: 'relu', batchnorm: {} },
  ],
});

function moments(w: Float64Array): { mean: number; variance: number; min: number; max: number } {
  let s = 0;
  for (const x of w) s += x;
  const mean = s / w.length;
  let v = 0;
  for (const x of w) v += (x - mean) ** 2;
  return { mean, variance: v / w.length, min: Math.min(...w), max: Math.max(...w) };
}

function weights(scheme: InitScheme, seed = 7): Float64Array[] {
  const p = initParams(net, scheme, seed);
  return net.layers.map((l) => layerViews(l, p).W);
}

describe('weight initialisation', () => {
  it('zero init sets every weight to 0', () => {
    for (const w of weights({ type: 'zero' })) expect(w.every((x) => x === 0)).toBe(true);
  });

  it('N(0, 1) has mean 0 and variance 1', () => {
    for (const w of weights({ type: 'normal' })) {
      const m = moments(w);
      expect(Math.abs(m.mean)).toBeLessThan(0.03);
      expect(m.variance).toBeGreaterThan(0.97);
      expect(m.variance).toBeLessThan(1.03);
    }
  });

  it('N(0, σ²) uses the chosen σ', () => {
    for (const w of weights({ type: 'normal_sigma', sigma: 0.05 })) {
      expect(Math.abs(Math.sqrt(moments(w).variance) / 0.05 - 1)).toBeLessThan(0.015);
    }
  });

  it('Xavier uniform stays inside ±√(6/(fan_in + fan_out)) and fills it (variance a²/3)', () => {
    const a = Math.sqrt(6 / (128 + 256));
    for (const w of weights({ type: 'xavier' })) {
      const m = moments(w);
      expect(m.min).toBeGreaterThanOrEqual(-a);
      expect(m.max).toBeLessThanOrEqual(a);
      expect(m.min).toBeLessThan(-0.99 * a);
      expect(m.max).toBeGreaterThan(0.99 * a);
      expect(Math.abs(m.variance / ((a * a) / 3) - 1)).toBeLessThan(0.03);
    }
  });

  it('He normal has variance 2 / fan_in for each layer', () => {
    const [w0, w1] = weights({ type: 'he' });
    expect(Math.abs(moments(w0!).variance / (2 / 128) - 1)).toBeLessThan(0.03);
    expect(Math.abs(moments(w1!).variance / (2 / 256) - 1)).toBeLessThan(0.03);
    // Normal, not uniform: about 4.6% of draws lie beyond 2σ (a uniform of equal variance has none).
    const sd = Math.sqrt(2 / 128);
    const tail = w0!.filter((x) => Math.abs(x) > 2 * sd).length / w0!.length;
    expect(tail).toBeGreaterThan(0.04);
    expect(tail).toBeLessThan(0.052);
  });

  it('initStd reports the same spreads the draws have', () => {
    expect(initStd({ type: 'he' }, 50, 10)).toBeCloseTo(0.2, 12);
    expect(initStd({ type: 'xavier' }, 30, 70)).toBeCloseTo(Math.sqrt(0.02), 12);
  });

  it('biases start at 0, batch norm at γ = 1, β = 0', () => {
    const p = initParams(net, { type: 'he' }, 3);
    const v0 = layerViews(net.layers[0]!, p);
    const v1 = layerViews(net.layers[1]!, p);
    expect(v0.b.every((x) => x === 0)).toBe(true);
    expect(v1.gamma!.every((x) => x === 1)).toBe(true);
    expect(v1.beta!.every((x) => x === 0)).toBe(true);
  });

  it('is reproducible from the seed and changes with it', () => {
    const a = initParams(net, { type: 'he' }, 42);
    const b = initParams(net, { type: 'he' }, 42);
    const c = initParams(net, { type: 'he' }, 43);
    expect(Array.from(a)).toEqual(Array.from(b));
    let same = 0;
    for (let i = 0; i < a.length; i++) if (a[i] === c[i]) same++;
    expect(same).toBeLessThan(net.paramCount / 2); // only the zero biases and unit γ coincide
  });
});
