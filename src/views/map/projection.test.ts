import { scaleLinear, zoomIdentity } from 'd3';
import { describe, expect, it } from 'vitest';
import { linearScale, makeProjection } from './projection';

describe('linearScale', () => {
  const cases: [number[], number[]][] = [
    [
      [-5, 5],
      [0, 640],
    ],
    [
      [-3, 3],
      [400, 0],
    ],
    [
      [0.001, 0.0025],
      [0, 123],
    ],
  ];

  it('maps, inverts and ticks as d3 scaleLinear does', () => {
    for (const [domain, range] of cases) {
      const ours = linearScale(domain, range);
      const d3 = scaleLinear().domain(domain).range(range);
      for (const v of [domain[0]!, domain[1]!, (domain[0]! + domain[1]!) / 3, 1e3]) {
        expect(ours(v)).toBeCloseTo(d3(v), 9);
      }
      for (const px of [range[0]!, range[1]!, 17.5])
        expect(ours.invert(px)).toBeCloseTo(d3.invert(px), 9);
      for (const count of [3, 7, 10]) expect(ours.ticks(count)).toEqual(d3.ticks(count));
    }
  });

  it('gives the same zoomed domain as d3-zoom rescaleX on a d3 scale', () => {
    const transform = zoomIdentity.translate(40, -25).scale(2.5);
    const p = makeProjection({ x: [-5, 5], y: [-3, 3] }, 640, 384);
    const d3x = transform.rescaleX(scaleLinear().domain([-5, 5]).range([0, 640])).domain();
    const ours = p.x.range().map((v) => p.x.invert(transform.invertX(v)));
    expect(ours[0]).toBeCloseTo(d3x[0]!, 9);
    expect(ours[1]).toBeCloseTo(d3x[1]!, 9);
    const copy = p.x.copy().domain([0, 1]);
    expect(copy.domain()).toEqual([0, 1]);
    expect(p.x.domain()).toEqual([-5, 5]);
  });
});
