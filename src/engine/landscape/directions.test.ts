import { describe, expect, it } from 'vitest';
import { buildNetwork, layerViews } from '../nn/network';
import { createRng } from '../nn/rng';
import { FILTER_NORM_EPS, filterNormalize, randomDirection } from './directions';

const net = buildNetwork({
  inputSize: 3,
  layers: [
    { units: 40, activation: 'relu', batchnorm: {} },
    { units: 40, activation: 'tanh', residual: true },
    { units: 2, activation: 'linear' },
  ],
});
const theta = Float64Array.from({ length: net.paramCount }, (_, i) => Math.sin(1.7 * i) * 0.4);

function rowNorm(v: Float64Array, at: number, n: number): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += v[at + k]! ** 2;
  return Math.sqrt(s);
}

describe('random directions', () => {
  it('are reproducible from the seed and differ between seeds', () => {
    const a = randomDirection(net, theta, createRng(7), 'none');
    const b = randomDirection(net, theta, createRng(7), 'none');
    const c = randomDirection(net, theta, createRng(8), 'none');
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a).toHaveLength(net.paramCount);
  });

  it('unnormalised, every parameter (biases and γ, β too) is a standard normal draw', () => {
    const d = randomDirection(net, theta, createRng(3), 'none');
    const mean = d.reduce((s, v) => s + v, 0) / d.length;
    const variance = d.reduce((s, v) => s + (v - mean) ** 2, 0) / d.length;
    expect(d.length).toBeGreaterThan(1500);
    expect(Math.abs(mean)).toBeLessThan(0.06);
    expect(Math.abs(variance - 1)).toBeLessThan(0.08);
    const v = layerViews(net.layers[0]!, d);
    expect(v.b.some((x) => x !== 0) && v.gamma!.some((x) => x !== 0)).toBe(true);
  });

  it('filter-normalised: each row of W has θ’s row norm and keeps its direction; b, γ, β are 0', () => {
    const raw = randomDirection(net, theta, createRng(5), 'none');
    const d = randomDirection(net, theta, createRng(5), 'filter');
    for (const layer of net.layers) {
      for (let i = 0; i < layer.outSize; i++) {
        const at = layer.wOffset + i * layer.inSize;
        // ‖θ.W[i]‖ · ‖d.W[i]‖ / (‖d.W[i]‖ + 1e-10): θ's row norm up to Li et al.'s 1e-10.
        const rawNorm = rowNorm(raw, at, layer.inSize);
        const want = (rowNorm(theta, at, layer.inSize) * rawNorm) / (rawNorm + FILTER_NORM_EPS);
        expect(Math.abs(rowNorm(d, at, layer.inSize) - want)).toBeLessThan(1e-14 * want);
        const scale = d[at]! / raw[at]!;
        expect(scale).toBeGreaterThan(0);
        for (let k = 1; k < layer.inSize; k++) {
          expect(d[at + k]!).toBeCloseTo(raw[at + k]! * scale, 12);
        }
      }
      const v = layerViews(layer, d);
      expect([...v.b, ...(v.gamma ?? []), ...(v.beta ?? [])].every((x) => x === 0)).toBe(true);
    }
  });

  it('a zero row of θ or of the direction gives a zero row, never NaN', () => {
    const th = Float64Array.from(theta);
    const layer = net.layers[2]!;
    th.fill(0, layer.wOffset, layer.wOffset + layer.inSize); // row 0 of the last W
    const d = Float64Array.from({ length: net.paramCount }, () => 1);
    d.fill(0, layer.wOffset + layer.inSize, layer.wOffset + 2 * layer.inSize); // row 1
    filterNormalize(net, th, d);
    expect(d.every(Number.isFinite)).toBe(true);
    expect(rowNorm(d, layer.wOffset, 2 * layer.inSize)).toBe(0);
  });
});
