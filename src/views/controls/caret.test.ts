import { describe, expect, it } from 'vitest';
import { caretWindow } from './caret';

describe('caretWindow', () => {
  it('echoes a short expression whole, caret under the column', () => {
    expect(caretWindow('sinx + y', 1)).toEqual({ line: 'sinx + y', caret: 0 });
    expect(caretWindow('x +* y', 4)).toEqual({ line: 'x +* y', caret: 3 });
  });

  it('cuts a 10,000-character expression to one short line around the error', () => {
    const text = `${'x+'.repeat(5000)}`;
    const column = 6001;
    const { line, caret } = caretWindow(text, column);
    expect(line.length).toBeLessThanOrEqual(50);
    expect(line.startsWith('…') && line.endsWith('…')).toBe(true);
    // The caret still points at the same character.
    expect(line[caret]).toBe(Array.from(text)[column - 1]);
  });

  it('keeps the caret right after the text when the error is at the end', () => {
    const text = 'y*'.repeat(100);
    const { line, caret } = caretWindow(text, text.length + 1);
    expect(line.startsWith('…')).toBe(true);
    expect(caret).toBe(line.length);
  });
});
