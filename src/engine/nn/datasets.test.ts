import { describe, expect, it } from 'vitest';
import { DATASETS, generateDataset } from './datasets';
import { createRng } from './rng';

describe('toy datasets', () => {
  for (const kind of DATASETS) {
    it(`${kind} is reproducible from its seed and differs with another seed`, () => {
      const a = generateDataset({ kind, seed: 11, count: 100 });
      const b = generateDataset({ kind, seed: 11, count: 100 });
      const c = generateDataset({ kind, seed: 12, count: 100 });
      expect(Array.from(a.input)).toEqual(Array.from(b.input));
      expect(Array.from(a.target)).toEqual(Array.from(b.target));
      expect(Array.from(a.input)).not.toEqual(Array.from(c.input));
    });

    it(`${kind} has balanced 0/1 labels and finite points in view`, () => {
      const d = generateDataset({ kind, seed: 5, count: 201 });
      expect(d.input).toHaveLength(402);
      expect(d.target.filter((t) => t === 1).length).toBe(100);
      expect(d.target.every((t) => t === 0 || t === 1)).toBe(true);
      expect(d.input.every((x) => Number.isFinite(x) && Math.abs(x) < 2.5)).toBe(true);
    });
  }

  it('xor labels points 1 exactly where x and y share a sign', () => {
    const d = generateDataset({ kind: 'xor', seed: 1, count: 400, noise: 0 });
    for (let i = 0; i < d.count; i++) {
      expect(d.target[i]).toBe(d.input[2 * i]! * d.input[2 * i + 1]! > 0 ? 1 : 0);
    }
  });

  it('circles puts class 1 on the inner circle (radius 0.5) and class 0 on the outer (radius 1)', () => {
    const d = generateDataset({ kind: 'circles', seed: 1, count: 100, noise: 0 });
    for (let i = 0; i < d.count; i++) {
      const r = Math.hypot(d.input[2 * i]!, d.input[2 * i + 1]!);
      expect(r).toBeCloseTo(d.target[i] === 1 ? 0.5 : 1, 12);
    }
  });

  it('spiral arms are point reflections of each other', () => {
    const d = generateDataset({ kind: 'spiral', seed: 1, count: 100, noise: 0 });
    // Point 2i (class 0) and 2i + 1 (class 1) share a radius and angle offset π.
    for (let i = 0; i < 50; i++) {
      expect(d.input[4 * i + 2]).toBeCloseTo(-d.input[4 * i]!, 12);
      expect(d.input[4 * i + 3]).toBeCloseTo(-d.input[4 * i + 1]!, 12);
    }
  });

  it('noise moves points by about its standard deviation', () => {
    const clean = generateDataset({ kind: 'moons', seed: 9, count: 2000, noise: 0 });
    const noisy = generateDataset({ kind: 'moons', seed: 9, count: 2000, noise: 0.2 });
    let sq = 0;
    for (let i = 0; i < clean.input.length; i++) sq += (noisy.input[i]! - clean.input[i]!) ** 2;
    expect(Math.sqrt(sq / clean.input.length)).toBeGreaterThan(0.19);
    expect(Math.sqrt(sq / clean.input.length)).toBeLessThan(0.21);
  });
});

describe('seeded random numbers', () => {
  it('uniform draws fill [0, 1) evenly', () => {
    const rng = createRng(2024);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 100000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]++;
    }
    // Each bin expects 10,000 ± 95 (1σ); 4σ bounds.
    for (const b of bins) expect(Math.abs(b - 10000)).toBeLessThan(380);
  });

  it('nearby seeds give unrelated streams', () => {
    const a = createRng(1);
    const b = createRng(2);
    let same = 0;
    for (let i = 0; i < 1000; i++)
      if (Math.floor(a.next() * 2) === Math.floor(b.next() * 2)) same++;
    expect(same).toBeGreaterThan(430);
    expect(same).toBeLessThan(570);
  });
});
