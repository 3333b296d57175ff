import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, decodeView, encodeView } from './view';
import type { ViewSettings } from './view';
import { HOME_ORBIT, MAX_ELEVATION } from './orbit';

describe('view settings in the URL', () => {
  it('the default view is the empty string and decodes back to the default', () => {
    expect(encodeView(DEFAULT_VIEW)).toBe('');
    expect(decodeView('')).toEqual({ view: DEFAULT_VIEW, errors: [] });
  });

  it('every field survives a round trip', () => {
    const view: ViewSettings = {
      domain: { x: [-2.5, 1.25], y: [-1, 3] },
      spacing: 'quantile',
      quiver: true,
      arrows: true,
      ghost: false,
      cursor: 37,
      speed: 120,
      selected: 3,
      glyphs: [0, 2],
      view3d: { azimuth: 1.234, elevation: 0.9, distance: 2.5 },
    };
    const text = encodeView(view);
    expect(text).not.toMatch(/[&#?=\s]/);
    expect(decodeView(text)).toEqual({ view, errors: [] });
  });

  it('reads -0 as 0, so a view equals what its own link reads back as', () => {
    const { view, errors } = decodeView('o:-0;d:-0,2,-1,-0');
    expect(errors).toEqual([]);
    expect(Object.is(view.selected, 0)).toBe(true);
    expect(decodeView(encodeView(view)).view).toEqual(view);
  });

  it('a bad field keeps its default, is named, and the good fields still apply', () => {
    const { view, errors } = decodeView('d:5,1,0,2;l:cubic;q:1;t:abc;zz:3');
    expect(view.domain).toBeNull();
    expect(view.spacing).toBe('log');
    expect(view.quiver).toBe(true);
    expect(view.cursor).toBe(DEFAULT_VIEW.cursor);
    expect(errors.map((e) => e.path)).toEqual(['view.d', 'view.l', 'view.t', 'view.zz']);
    expect(errors[0]!.message).toContain('x0 < x1');
  });

  it('reads a speed to the six digits its link writes, so it round-trips (fuzzing found s:0.5000000000000001)', () => {
    const { view, errors } = decodeView('s:0.5000000000000001');
    expect(errors).toEqual([]);
    expect(view.speed).toBe(0.5);
    expect(decodeView(encodeView(view)).view).toEqual(view);
  });

  it('rejects non-finite and absurd numbers', () => {
    expect(decodeView('d:0,Infinity,0,1').errors).toHaveLength(1);
    expect(decodeView('d:0,1,NaN,1').errors).toHaveLength(1);
    expect(decodeView('s:1e9').errors).toHaveLength(1);
    expect(decodeView('o:-1').errors).toHaveLength(1);
  });

  it('says what a view window must be, with the ±1e9 limit and the text it got', () => {
    for (const bad of ['-2e9,2e9,-1,1', '0,1,0', '1,0,0,1', '0,1,a,2']) {
      const [error] = decodeView(`d:${bad}`).errors;
      expect(error!.path).toBe('view.d');
      expect(error!.message).toContain('±1e9');
      expect(error!.message).toContain(`"${bad}"`);
    }
    // At the limit itself the window is read.
    expect(decodeView('d:-1e9,1e9,-1e9,1e9').view.domain).toEqual({
      x: [-1e9, 1e9],
      y: [-1e9, 1e9],
    });
  });

  it('reads the hidden-state glyph list in order, once each, and names a bad entry', () => {
    expect(decodeView('h:2,0,2').view.glyphs).toEqual([0, 2]);
    const bad = decodeView('h:1,x;q:1');
    expect(bad.view.glyphs).toEqual([]);
    expect(bad.view.quiver).toBe(true);
    expect(bad.errors.map((e) => e.path)).toEqual(['view.h']);
    expect(decodeView('h:64').errors).toHaveLength(1);
  });

  it('an over-long view text is ignored with one message', () => {
    const { view, errors } = decodeView('q:1;'.repeat(200));
    expect(view).toEqual(DEFAULT_VIEW);
    expect(errors).toHaveLength(1);
  });

  it('the 3-D view: 3d:1 at the first camera, 3d:A,E,D at another, off by default', () => {
    expect(encodeView({ ...DEFAULT_VIEW, view3d: HOME_ORBIT })).toBe('3d:1');
    expect(decodeView('3d:1')).toEqual({
      view: { ...DEFAULT_VIEW, view3d: HOME_ORBIT },
      errors: [],
    });
    expect(decodeView('3d:0')).toEqual({ view: DEFAULT_VIEW, errors: [] });
    const turned = { azimuth: -2.5, elevation: 1.2, distance: 5.75 };
    expect(encodeView({ ...DEFAULT_VIEW, view3d: turned })).toBe('3d:-2.5,1.2,5.75');
    expect(decodeView('3d:-2.5,1.2,5.75').view.view3d).toEqual(turned);
    // A camera from a drag (any float) is written to three decimals and reads back as written.
    const dragged = { azimuth: 0.123456789, elevation: MAX_ELEVATION, distance: 3.33333333 };
    const text = encodeView({ ...DEFAULT_VIEW, view3d: dragged });
    expect(text).toBe('3d:0.123,1.561,3.333');
    const back = decodeView(text);
    expect(back.errors).toEqual([]);
    expect(back.view.view3d?.elevation).toBe(MAX_ELEVATION);
    expect(encodeView(back.view)).toBe(text);
  });

  it('a bad 3-D camera keeps the contour map and names the value', () => {
    for (const bad of [
      '2',
      'yes',
      '1,2',
      '0,0.01,3',
      '4,0.5,3',
      '0,0.5,30',
      '0,0.5,NaN',
      '1e2,1,2',
    ]) {
      const { view, errors } = decodeView(`q:1;3d:${bad}`);
      expect(view.view3d, bad).toBeNull();
      expect(view.quiver).toBe(true);
      expect(errors.map((e) => e.path)).toEqual(['view.3d']);
      expect(errors[0]!.message).toContain(`got "${bad}"`);
      expect(errors[0]!.code).toBe('view.orbit');
    }
  });
});
