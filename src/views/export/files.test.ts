import { describe, expect, it } from 'vitest';
import { frameCursors } from './files';

describe('GIF frame cursors', () => {
  it('spreads frames evenly from the start to the last step', () => {
    expect(frameCursors(200, 60)).toHaveLength(60);
    expect(frameCursors(200, 60)[0]).toBe(0);
    expect(frameCursors(200, 60).at(-1)).toBe(200);
    expect(frameCursors(10, 60)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
