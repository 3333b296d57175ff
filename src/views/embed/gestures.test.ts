import { describe, expect, it } from 'vitest';
import { gestureVerdict } from './gestures';

describe('gestureVerdict (map-embed gestures)', () => {
  it('leaves the plain wheel to the page, with a hint; Ctrl or ⌘ + wheel zooms', () => {
    expect(gestureVerdict({ type: 'wheel' })).toBe('wheel');
    expect(gestureVerdict({ type: 'wheel', ctrlKey: false, metaKey: false })).toBe('wheel');
    expect(gestureVerdict({ type: 'wheel', ctrlKey: true })).toBe('allow');
    expect(gestureVerdict({ type: 'wheel', metaKey: true })).toBe('allow');
  });
  it('leaves one finger to the page; two or more pan and zoom', () => {
    expect(gestureVerdict({ type: 'touchstart', touches: { length: 1 } })).toBe('refuse');
    expect(gestureVerdict({ type: 'touchstart', touches: { length: 2 } })).toBe('allow');
    expect(gestureVerdict({ type: 'touchstart', touches: { length: 3 } })).toBe('allow');
  });
  it('lets the mouse drag pan (a drag cannot trap a scroll)', () => {
    expect(gestureVerdict({ type: 'mousedown' })).toBe('allow');
  });
  it("in the app on a touch screen ('free' wheel) the wheel zooms; one finger still scrolls", () => {
    expect(gestureVerdict({ type: 'wheel' }, 'free')).toBe('allow');
    expect(gestureVerdict({ type: 'touchstart', touches: { length: 1 } }, 'free')).toBe('refuse');
    expect(gestureVerdict({ type: 'touchstart', touches: { length: 2 } }, 'free')).toBe('allow');
  });
});
