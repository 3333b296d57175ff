/**
 * Messages between the GIF export and its worker. Every request carries an `id`; its reply (an
 * acknowledgement, the file, or an error) carries the same one.
 */

/** Page → worker. */
export type GifRequest =
  | {
      readonly id: number;
      readonly type: 'start';
      readonly width: number;
      readonly height: number;
      /** RGBA of a frame with every path drawn, for the palette. */
      readonly reference: Uint8ClampedArray;
    }
  | {
      readonly id: number;
      readonly type: 'frame';
      readonly rgba: Uint8ClampedArray;
      readonly delay: number;
    }
  | { readonly id: number; readonly type: 'finish' };

/** Worker → page. */
export type GifReply =
  | { readonly id: number; readonly type: 'ready' }
  | { readonly id: number; readonly type: 'frame'; readonly count: number }
  | { readonly id: number; readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly id: number; readonly type: 'error'; readonly message: string };
