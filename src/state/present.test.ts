import { describe, expect, it } from 'vitest';
import {
  PRESENT_LINE_SCALE,
  keyAction,
  readPresentQuery,
  usePresent,
  withPresentQuery,
  presentScreenScale,
} from './present';
import type { KeyContext, KeyPress } from './present';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});
const onPage: KeyContext = { target: 'other', dialogOpen: false };

describe('keyboard shortcuts', () => {
  it('space plays, arrows step (ten with shift), R resets, F and P toggle full screen and presenting', () => {
    expect(keyAction(press(' '), onPage)).toEqual({ kind: 'toggle-play' });
    expect(keyAction(press('ArrowRight'), onPage)).toEqual({ kind: 'step', by: 1 });
    expect(keyAction(press('ArrowLeft'), onPage)).toEqual({ kind: 'step', by: -1 });
    expect(keyAction(press('ArrowRight', { shiftKey: true }), onPage)).toEqual({
      kind: 'step',
      by: 10,
    });
    expect(keyAction(press('r'), onPage)).toEqual({ kind: 'reset' });
    expect(keyAction(press('R', { shiftKey: true }), onPage)).toEqual({ kind: 'reset' });
    expect(keyAction(press('f'), onPage)).toEqual({ kind: 'fullscreen' });
    expect(keyAction(press('p'), onPage)).toEqual({ kind: 'present' });
  });

  it('digits 1 to 9 toggle the optimizer in that position; 0 and letters do nothing', () => {
    expect(keyAction(press('1'), onPage)).toEqual({ kind: 'toggle-optimizer', index: 0 });
    expect(keyAction(press('9'), onPage)).toEqual({ kind: 'toggle-optimizer', index: 8 });
    expect(keyAction(press('0'), onPage)).toBeNull();
    expect(keyAction(press('x'), onPage)).toBeNull();
  });

  it('a multi-line text field keeps every key, Esc included when no dialog is open', () => {
    const typing: KeyContext = { target: 'text', dialogOpen: false };
    for (const key of [
      ' ',
      'ArrowLeft',
      'ArrowRight',
      'PageDown',
      'r',
      '1',
      'f',
      'p',
      '?',
      'Escape',
    ])
      expect(keyAction(press(key), typing)).toBeNull();
  });

  it('a single-line field keeps what is typed but a clicker’s PageDown/PageUp still steps', () => {
    const line: KeyContext = { target: 'line', dialogOpen: false };
    for (const key of [' ', 'ArrowLeft', 'ArrowRight', 'r', '1', 'p', '?'])
      expect(keyAction(press(key), line)).toBeNull();
    expect(keyAction(press('PageDown'), line)).toEqual({ kind: 'step', by: 1 });
    expect(keyAction(press('PageUp'), line)).toEqual({ kind: 'step', by: -1 });
  });

  it('a slider or menu reached by keyboard keeps its moving keys; letters still act', () => {
    const control: KeyContext = { target: 'control', dialogOpen: false };
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'Home', ' ', '3'])
      expect(keyAction(press(key), control)).toBeNull();
    expect(keyAction(press('p'), control)).toEqual({ kind: 'present' });
    expect(keyAction(press('r'), control)).toEqual({ kind: 'reset' });
  });

  it('a clicker’s PageDown/PageUp step even on a slider reached by keyboard (not its value)', () => {
    const control: KeyContext = { target: 'control', dialogOpen: false };
    expect(keyAction(press('PageDown'), control)).toEqual({ kind: 'step', by: 1 });
    expect(keyAction(press('PageUp'), control)).toEqual({ kind: 'step', by: -1 });
  });

  it('a clicker’s PageDown and PageUp step forward and back like the arrows', () => {
    expect(keyAction(press('PageDown'), onPage)).toEqual({ kind: 'step', by: 1 });
    expect(keyAction(press('PageUp'), onPage)).toEqual({ kind: 'step', by: -1 });
  });

  it('a focused button keeps space (it presses the button) but arrows still step', () => {
    const onButton: KeyContext = { target: 'button', dialogOpen: false };
    expect(keyAction(press(' '), onButton)).toBeNull();
    expect(keyAction(press('ArrowRight'), onButton)).toEqual({ kind: 'step', by: 1 });
  });

  it('browser shortcuts with Ctrl, Alt or Meta are left alone', () => {
    expect(keyAction(press('r', { ctrlKey: true }), onPage)).toBeNull();
    expect(keyAction(press('f', { metaKey: true }), onPage)).toBeNull();
    expect(keyAction(press('ArrowLeft', { altKey: true }), onPage)).toBeNull();
  });

  it('? opens the shortcuts; while they are open only Esc (close) and ? act', () => {
    expect(keyAction(press('?', { shiftKey: true }), onPage)).toEqual({ kind: 'shortcuts' });
    const open: KeyContext = { target: 'other', dialogOpen: true };
    expect(keyAction(press('Escape'), open)).toEqual({ kind: 'close' });
    expect(keyAction(press('?'), open)).toEqual({ kind: 'shortcuts' });
    expect(keyAction(press(' '), open)).toBeNull();
    expect(keyAction(press('1'), open)).toBeNull();
    expect(keyAction(press('Escape'), onPage)).toBeNull();
  });

  it('Esc leaves presenter mode, from any control, once no dialog is open', () => {
    for (const target of ['other', 'control', 'button', 'line'] as const) {
      const presenting: KeyContext = { target, dialogOpen: false, presenting: true };
      expect(keyAction(press('Escape'), presenting)).toEqual({ kind: 'present' });
    }
    const both: KeyContext = { target: 'other', dialogOpen: true, presenting: true };
    expect(keyAction(press('Escape'), both)).toEqual({ kind: 'close' });
  });
});

describe('teacher-mode URL', () => {
  it('reads a lesson id and the presenter flag; a malformed id is no lesson', () => {
    expect(readPresentQuery('?lesson=saddle&present=1')).toEqual({
      lesson: 'saddle',
      present: true,
    });
    expect(readPresentQuery('?scene=x')).toEqual({ lesson: null, present: false });
    expect(readPresentQuery('?lesson=%3Cscript%3E&present=yes')).toEqual({
      lesson: null,
      present: false,
    });
  });

  it('sets and clears present=1 while keeping the scene and other parameters', () => {
    const on = withPresentQuery('?lesson=saddle&scene=abc&theme=dark', { present: true });
    expect(on).toBe('?lesson=saddle&scene=abc&theme=dark&present=1');
    expect(readPresentQuery(on).present).toBe(true);
    expect(withPresentQuery(on, { present: false })).toBe('?lesson=saddle&scene=abc&theme=dark');
    expect(withPresentQuery('?lesson=a&scene=s', { lesson: null })).toBe('?scene=s');
    expect(withPresentQuery('?lesson=a', { lesson: null })).toBe('');
  });
});

describe('presenter state', () => {
  it('presenting thickens trajectory lines; leaving restores them', () => {
    usePresent.getState().setPresent(true);
    expect(usePresent.getState().lineScale).toBe(PRESENT_LINE_SCALE);
    expect(PRESENT_LINE_SCALE).toBeGreaterThan(1);
    usePresent.getState().setPresent(false);
    expect(usePresent.getState().lineScale).toBe(1);
  });
});

describe('presentScreenScale', () => {
  it('is 1 up to 1080p and grows as the figure labels do past it (1.7 at 4K, DPR 1)', () => {
    expect(presentScreenScale(1280, 720)).toBe(1);
    expect(presentScreenScale(1920, 1080)).toBe(1);
    const uhd = presentScreenScale(3840, 2160);
    // The labels' clamp: min(2.4vh, 1.4vw) capped at 44 px, against 25.92 px at 1080p.
    expect(uhd).toBeCloseTo(44 / 25.92, 5);
    expect(presentScreenScale(2560, 1440)).toBeGreaterThan(1.2);
    expect(presentScreenScale(2560, 1440)).toBeLessThan(uhd);
  });
});
