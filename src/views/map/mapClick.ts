/**
 * Who a click on the map belongs to. By default it moves the start point; a mode that asks the
 * learner to point at the map (predict-then-run's "where will it be?") takes the clicks while it
 * asks. One taker at a time; it gets the point in the surface's coordinates.
 */
type Taker = (point: readonly [number, number]) => boolean;

let taker: Taker | null = null;

/** Routes map clicks to `take` (return true to keep the click); returns the undo. */
export function takeMapClicks(take: Taker): () => void {
  taker = take;
  return () => {
    if (taker === take) taker = null;
  };
}

/** Offers a click at `point` to the taker; true when it kept it (the start stays put). */
export function mapClickTaken(point: readonly [number, number]): boolean {
  return taker?.(point) ?? false;
}
