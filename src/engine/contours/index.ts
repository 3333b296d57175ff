// The map's contour maths: levels, bands, isolines and the whole static layer, pure.
export * from './contours';
export * from './isolines';
export * from './layer';
export type * from './types';
