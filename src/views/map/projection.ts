/**
 * The two coordinate spaces of the map: domain (the surface's x, y) and screen (CSS pixels inside
 * the plot area, y down). ScreenPoint is branded so a pixel position cannot be passed where a
 * domain point is expected, or the other way round.
 */
import { ticks } from 'd3';
import type { Domain, DomainPoint } from '../../engine/types';

/** A position in CSS pixels inside the plot area. */
export type ScreenPoint = readonly [sx: number, sy: number] & { readonly __space: 'screen' };

/** Marks a pixel position as a ScreenPoint. */
export const screenPoint = (sx: number, sy: number): ScreenPoint =>
  [sx, sy] as unknown as ScreenPoint;

/**
 * A linear map from a domain interval onto a range interval: d3's `scaleLinear` reduced to what
 * the map uses (call, invert, ticks) and what d3-zoom's `rescaleX`/`rescaleY` need (domain,
 * range, copy). Why not d3-scale itself: its linear scale drags in d3-format and d3's generic
 * interpolators (~4 KB gzip) that the map never calls, on the page's critical path.
 */
export interface LinearScale {
  (value: number): number;
  invert(value: number): number;
  domain(): [number, number];
  domain(domain: readonly number[]): LinearScale;
  range(): [number, number];
  range(range: readonly number[]): LinearScale;
  copy(): LinearScale;
  /** About `count` round values inside the domain (d3-array's `ticks`). */
  ticks(count?: number): number[];
}

/** A LinearScale from [d0, d1] onto [r0, r1] (a degenerate domain maps to the range's middle). */
export function linearScale(
  domain: readonly number[] = [0, 1],
  range: readonly number[] = [0, 1],
): LinearScale {
  const d0 = domain[0]!;
  const d1 = domain[1]!;
  const r0 = range[0]!;
  const r1 = range[1]!;
  const span = d1 - d0;
  const scale = ((v: number): number =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((v - d0) / span) * (r1 - r0)) as LinearScale;
  scale.invert = (v) => (r1 === r0 ? (d0 + d1) / 2 : d0 + ((v - r0) / (r1 - r0)) * span);
  scale.domain = ((next?: readonly number[]) =>
    next === undefined ? [d0, d1] : linearScale(next, [r0, r1])) as LinearScale['domain'];
  scale.range = ((next?: readonly number[]) =>
    next === undefined ? [r0, r1] : linearScale([d0, d1], next)) as LinearScale['range'];
  scale.copy = () => linearScale([d0, d1], [r0, r1]);
  scale.ticks = (count = 10) => ticks(d0, d1, count);
  return scale;
}

/** Domain ↔ screen mapping of one plot area. */
export interface Projection {
  readonly domain: Domain;
  readonly width: number;
  readonly height: number;
  readonly x: LinearScale;
  readonly y: LinearScale;
  toScreen(p: DomainPoint): ScreenPoint;
  toDomain(p: ScreenPoint): DomainPoint;
}

/** The projection of `domain` onto a width × height plot area. */
export function makeProjection(domain: Domain, width: number, height: number): Projection {
  const x = linearScale(domain.x, [0, width]);
  const y = linearScale(domain.y, [height, 0]);
  return {
    domain,
    width,
    height,
    x,
    y,
    toScreen: (p) => screenPoint(x(p[0]), y(p[1])),
    toDomain: (p) => [x.invert(p[0]), y.invert(p[1])],
  };
}
