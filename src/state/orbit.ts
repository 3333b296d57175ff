/**
 * The 3-D view's camera (an orbit around the surface) and its short URL form, shared by the
 * visualizer's `view=…;3d:…` and the lab's `labview=…;3d:…`: `1` is the view on at its first
 * camera, `A,E,D` the view on at azimuth A and elevation E (radians) and distance D (world
 * units). Pure and small: it is read before the first paint; three.js is not.
 */

/** The orbit camera: angles in radians, distance in world units from the target. */
export interface Orbit {
  /** Around the vertical axis; 0 looks from +z (the map's bottom edge) towards −z. */
  readonly azimuth: number;
  /** Above the horizontal, clamped to [MIN_ELEVATION, MAX_ELEVATION]. */
  readonly elevation: number;
  readonly distance: number;
}

export const MIN_ELEVATION = 0.05;
export const MAX_ELEVATION = Math.PI / 2 - 0.01;
export const MIN_DISTANCE = 1.2;
export const MAX_DISTANCE = 8;
/** The first view: from the map's bottom edge, a little to the left, looking down 35°. */
export const HOME_ORBIT: Orbit = { azimuth: -0.5, elevation: 0.6, distance: 3.8 };

/** Decimals a link keeps: a thousandth of a radian or of the distance is below a pixel. */
const DIGITS = 3;
const round = (v: number): number => Number(v.toFixed(DIGITS)) + 0;

/** An orbit as a link keeps it: each number to {@link DIGITS} decimals, inside its range. */
export function roundOrbit(orbit: Orbit): Orbit {
  const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
  return {
    azimuth: clamp(round(orbit.azimuth), -Math.PI, Math.PI),
    elevation: clamp(round(orbit.elevation), MIN_ELEVATION, MAX_ELEVATION),
    distance: clamp(round(orbit.distance), MIN_DISTANCE, MAX_DISTANCE),
  };
}

const sameOrbit = (a: Orbit, b: Orbit): boolean =>
  a.azimuth === b.azimuth && a.elevation === b.elevation && a.distance === b.distance;

/** The `3d:` value of a 3-D view that is on at `orbit`: `1` at the first camera, else `A,E,D`. */
export function encodeOrbit(orbit: Orbit): string {
  const r = roundOrbit(orbit);
  if (sameOrbit(r, roundOrbit(HOME_ORBIT))) return '1';
  return [r.azimuth, r.elevation, r.distance].map((v) => String(round(v))).join(',');
}

/**
 * A `3d:` value read: null for `0` (off), the first camera for `1`, the camera of `A,E,D` (each
 * number within its range, give or take the link's rounding); undefined when the text is none of
 * these (the caller keeps its default and names the value).
 */
export function decodeOrbit(text: string): Orbit | null | undefined {
  if (text === '0') return null;
  if (text === '1') return HOME_ORBIT;
  const parts = text.split(',');
  if (parts.length !== 3) return undefined;
  const n = parts.map((p) => (/^-?\d{1,3}(\.\d{1,12})?$/.test(p) ? Number(p) : NaN));
  const [azimuth, elevation, distance] = n as [number, number, number];
  const slack = 10 ** -DIGITS;
  const within = (v: number, lo: number, hi: number): boolean => v >= lo - slack && v <= hi + slack;
  if (
    !within(azimuth, -Math.PI, Math.PI) ||
    !within(elevation, MIN_ELEVATION, MAX_ELEVATION) ||
    !within(distance, MIN_DISTANCE, MAX_DISTANCE)
  )
    return undefined;
  const orbit = roundOrbit({ azimuth, elevation, distance });
  return sameOrbit(orbit, roundOrbit(HOME_ORBIT)) ? HOME_ORBIT : orbit;
}
