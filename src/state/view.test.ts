import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, decodeView, encodeView } from './view';
import type { ViewSettings } from './view';

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
});
