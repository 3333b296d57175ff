import { describe, expect, it } from 'vitest';
import { chooseYScale, formatTick, makeYScale } from './scales';
import type { ChartSeries } from './types';

function series(values: number[], extra: Partial<ChartSeries> = {}): ChartSeries {
  return {
    label: 's',
    color: '#000',
    dash: [],
    values: new Float64Array(values),
    length: values.length,
    diverged: false,
    hidden: false,
    ...extra,
  };
}

describe('chooseYScale', () => {
  it('uses a log axis spanning whole decades for positive losses', () => {
    const spec = chooseYScale([series([4.2, 0.5, 3e-4])]);
    expect(spec.kind).toBe('log');
    expect(spec.domain[0]).toBeCloseTo(1e-4, 12);
    expect(spec.domain[1]).toBeCloseTo(10, 12);
    for (const t of spec.ticks) expect(Math.log10(t) % 1).toBeCloseTo(0, 9);
    expect(spec.ticks.length).toBeLessThanOrEqual(6);
  });

  it('thins decade ticks on a run that spans a hundred decades', () => {
    const spec = chooseYScale([series([10, 1e-100])]);
    expect(spec.ticks.length).toBeLessThanOrEqual(6);
    expect(spec.ticks.length).toBeGreaterThanOrEqual(3);
  });

  it('switches to a symmetric log when a surface goes negative (saddle)', () => {
    const spec = chooseYScale([series([12, 3, -50, -4000])]);
    expect(spec.kind).toBe('symlog');
    expect(spec.domain[0]).toBeLessThanOrEqual(-4000);
    expect(spec.domain[1]).toBeGreaterThanOrEqual(12);
    expect(spec.ticks).toContain(0);
    expect(spec.constant).toBeGreaterThan(0);
  });

  it('keeps zero on a log axis by pinning it to the bottom', () => {
    const spec = chooseYScale([series([1, 0.01, 0])]);
    expect(spec.kind).toBe('log');
    const y = makeYScale(spec, [100, 0]);
    expect(y(0)).toBe(100);
  });

  it('ignores hidden series when picking the axis', () => {
    const spec = chooseYScale([series([1, 0.1]), series([-5, -6], { hidden: true })]);
    expect(spec.kind).toBe('log');
  });

  it('keeps the converging runs readable when another run blows up', () => {
    const steady = series([10, 1e-6]);
    const exploding = series([10, 1e150, 1e300], { diverged: true });
    const spec = chooseYScale([steady, exploding]);
    // The axis follows the steady run (up to 10) with three decades of headroom, not 1e300.
    expect(spec.domain[1]).toBeLessThanOrEqual(1e4);
    expect(spec.domain[0]).toBeLessThanOrEqual(1e-6);
    const y = makeYScale(spec, [200, 0]);
    expect(y(1e300)).toBe(0);
  });

  it('lets a run that explodes without overflowing leave the top, not rescale the axis', () => {
    const steady = series([10, 1e-6]);
    // Still finite at the last step (diverged is false), but 1e40 times its start.
    const exploding = series([10, 1e5, 1e20, 1e41]);
    const spec = chooseYScale([steady, exploding]);
    expect(spec.domain[1]).toBeLessThanOrEqual(1e4);
    expect(makeYScale(spec, [200, 0])(1e41)).toBe(0);
    // A run that only climbs a little (within the headroom) keeps its place on the axis.
    const climbing = series([10, 50, 900]);
    expect(chooseYScale([steady, climbing]).domain[1]).toBeGreaterThanOrEqual(900);
  });

  it('stays finite when a loss is near the largest double', () => {
    const spec = chooseYScale([series([1, 1.7e308])]);
    expect(Number.isFinite(spec.domain[1])).toBe(true);
    expect(spec.ticks.every(Number.isFinite)).toBe(true);
  });

  it('maps bigger losses higher on screen', () => {
    const spec = chooseYScale([series([100, 1, -3])]);
    const y = makeYScale(spec, [200, 0]);
    expect(y(100)).toBeLessThan(y(1));
    expect(y(1)).toBeLessThan(y(-3));
  });
});

describe('formatTick', () => {
  it('writes decades as powers of ten', () => {
    expect(formatTick(1e-4)).toBe('10⁻⁴');
    expect(formatTick(1)).toBe('1');
    expect(formatTick(-1000)).toBe('\u221210³');
    expect(formatTick(0)).toBe('0');
  });
});
