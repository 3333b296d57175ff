/**
 * The two coordinate spaces of the map: domain (the surface's x, y) and screen (CSS pixels inside
 * the plot area, y down). ScreenPoint is branded so a pixel position cannot be passed where a
 * domain point is expected, or the other way round.
 */
import { scaleLinear } from 'd3';
import type { ScaleLinear } from 'd3';
import type { Domain, DomainPoint } from '../../engine/types';

/** A position in CSS pixels inside the plot area. */
export type ScreenPoint = readonly [sx: number, sy: number] & { readonly __space: 'screen' };

/** Marks a pixel position as a ScreenPoint. */
export const screenPoint = (sx: number, sy: number): ScreenPoint =>
  [sx, sy] as unknown as ScreenPoint;

/** Domain ↔ screen mapping of one plot area. */
export interface Projection {
  readonly domain: Domain;
  readonly width: number;
  readonly height: number;
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  toScreen(p: DomainPoint): ScreenPoint;
  toDomain(p: ScreenPoint): DomainPoint;
}

/** The projection of `domain` onto a width × height plot area. */
export function makeProjection(domain: Domain, width: number, height: number): Projection {
  const x = scaleLinear().domain(domain.x).range([0, width]);
  const y = scaleLinear().domain(domain.y).range([height, 0]);
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
