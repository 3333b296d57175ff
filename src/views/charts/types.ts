/** One line of a step chart: per-step values of one optimizer (losses, or distances to a minimum). */
export interface ChartSeries {
  /** Display name, e.g. 'Adam'. */
  label: string;
  /** Line colour as a CSS colour (#rrggbb). */
  color: string;
  /** SVG stroke-dasharray in px; empty for a solid line. */
  dash: readonly number[];
  /** values[k] for step k; only the first `length` entries are read. */
  values: Float64Array;
  /** Number of finite values (the finite prefix of a diverged run). */
  length: number;
  /** The run stopped early because a value became non-finite. */
  diverged: boolean;
  /** It stopped because a step left f's domain (see Trajectory.leftDomain). */
  leftDomain?: boolean;
  /** Hidden series are not drawn. */
  hidden: boolean;
}

/**
 * A playback cursor followed outside React: during playback the step changes every frame, and
 * the chart moves its cursor line and dots itself instead of re-rendering.
 */
export interface CursorSource {
  /** The current step. */
  get(): number;
  /** Calls `listener` whenever the step may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Props shared by the loss and distance charts. */
export interface ChartProps {
  series: readonly ChartSeries[];
  /** The playback step shown by the vertical cursor line. */
  cursor: number;
  /** Total number of steps of the scene (the x axis runs 0..steps). */
  steps: number;
  /** Called with a step when the user clicks, drags or uses the keyboard on the chart. */
  onCursor?: (step: number) => void;
  /** Height in px (default 220). */
  height?: number;
  /**
   * When given, the cursor line and dots follow this source at frame rate without a React
   * render, and `cursor` may lag behind it (it still drives the legend's values).
   */
  liveCursor?: CursorSource;
}
