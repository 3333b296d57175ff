import { describe, expect, it } from 'vitest';
import { median, percentile } from './stats';

describe('percentile', () => {
  it('p95 of 1..100 is 95 and p95 of 20 samples is the 19th smallest', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 95)).toBe(95);
    const twenty = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(percentile(twenty, 95)).toBe(190);
  });

  it('one slow outlier among 50 samples does not become the p95', () => {
    const samples = [...Array.from({ length: 49 }, () => 5), 400];
    expect(percentile(samples, 95)).toBe(5);
    expect(percentile(samples, 100)).toBe(400);
  });

  it('is NaN without samples, so an empty run cannot pass a budget', () => {
    expect(percentile([], 95)).toBeNaN();
    expect(median([])).toBeNaN();
  });
});

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middles of an even count', () => {
    expect(median([900, 300, 1200])).toBe(900);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
