import { describe, expect, it } from 'vitest';
import { FrameEncoder } from './encode';

/** Image descriptors (0x2C blocks) and whether each frame's control block sets transparency. */
function frames(gif: Uint8Array): { count: number; transparent: boolean[] } {
  let at = 13;
  if (gif[10]! & 0x80) at += 3 * 2 ** ((gif[10]! & 7) + 1);
  const skip = (): void => {
    while (gif[at] !== 0) at += gif[at]! + 1;
    at += 1;
  };
  let count = 0;
  const transparent: boolean[] = [];
  while (at < gif.length && gif[at] !== 0x3b) {
    if (gif[at] === 0x21) {
      if (gif[at + 1] === 0xf9) transparent.push((gif[at + 3]! & 1) === 1);
      at += 2;
      skip();
    } else {
      count++;
      const local = gif[at + 9]!;
      at += 10;
      if (local & 0x80) at += 3 * 2 ** ((local & 7) + 1);
      at += 1;
      skip();
    }
  }
  return { count, transparent };
}

function solid(
  w: number,
  h: number,
  rgb: [number, number, number],
  dot?: number,
): Uint8ClampedArray {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set(i === dot ? [255, 0, 0, 255] : [...rgb, 255], i * 4);
  return data;
}

describe('GIF frames', () => {
  it('writes one image per frame, later frames as changes over the previous one', () => {
    const encoder = new FrameEncoder(solid(8, 8, [240, 240, 240], 5), 8, 8);
    encoder.add(solid(8, 8, [240, 240, 240]), 80);
    encoder.add(solid(8, 8, [240, 240, 240], 5), 80);
    encoder.add(solid(8, 8, [240, 240, 240], 9), 1500);
    const gif = encoder.finish();
    expect(new TextDecoder().decode(gif.subarray(0, 6))).toBe('GIF89a');
    const f = frames(gif);
    expect(f.count).toBe(3);
    expect(f.transparent).toEqual([false, true, true]);
  });
});
