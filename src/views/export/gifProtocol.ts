/** Messages between the GIF export and its worker. */

/** Page → worker. */
export type GifRequest =
  | {
      readonly type: 'start';
      readonly width: number;
      readonly height: number;
      /** RGBA of a frame with every path drawn, for the palette. */
      readonly reference: Uint8ClampedArray;
    }
  | { readonly type: 'frame'; readonly rgba: Uint8ClampedArray; readonly delay: number }
  | { readonly type: 'finish' };

/** Worker → page. */
export type GifReply =
  | { readonly type: 'frame'; readonly count: number }
  | { readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly type: 'error'; readonly message: string };
