/**
 * GIF frames to bytes with gifenc: one palette for the whole run (quantised from the frame where
 * every path is drawn, plus one reserved transparent slot), and after the first frame only the
 * pixels that changed are written; the rest are transparent over the previous frame, which keeps
 * a 60-frame run small. Runs in the GIF worker, or inline when no worker can be started.
 */
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import type { Encoder, Palette } from 'gifenc';

/** Encodes frames of one size into an animated GIF, frame by frame. */
export class FrameEncoder {
  private readonly gif: Encoder = GIFEncoder();
  private readonly palette: Palette;
  private readonly clear: number;
  private previous: Uint8Array | null = null;

  /** `reference`: RGBA pixels of a frame that shows every colour the run will use. */
  constructor(
    reference: Uint8Array | Uint8ClampedArray,
    private readonly width: number,
    private readonly height: number,
  ) {
    this.palette = quantize(reference, 255, { format: 'rgb565' });
    this.clear = this.palette.length;
    this.palette.push([255, 0, 255]);
  }

  /** Adds one frame (RGBA, width × height) shown for `delay` ms. */
  add(rgba: Uint8Array | Uint8ClampedArray, delay: number): void {
    // Match against the real colours only (the last entry is the transparent slot).
    const index = applyPalette(rgba, this.palette.slice(0, this.clear), 'rgb565');
    const previous = this.previous;
    this.previous = index;
    if (!previous) {
      this.gif.writeFrame(index, this.width, this.height, {
        palette: this.palette,
        repeat: 0,
        delay,
      });
      return;
    }
    const delta = new Uint8Array(index.length);
    for (let i = 0; i < index.length; i++)
      delta[i] = index[i] === previous[i] ? this.clear : index[i]!;
    this.gif.writeFrame(delta, this.width, this.height, {
      delay,
      transparent: true,
      transparentIndex: this.clear,
      dispose: 1,
    });
  }

  /** The GIF file's bytes. */
  finish(): Uint8Array {
    this.gif.finish();
    return this.gif.bytes();
  }
}
