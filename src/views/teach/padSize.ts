/**
 * The regime pad's outer height, shared by the pad (a lazy chunk) and its stand-in in the eager
 * optimizer editor: the rows below do not move when the pad's code arrives after the first paint.
 */
export const REGIME_PAD_HEIGHT = 282;
