/**
 * Map-embed gesture handling (what map embeds call "cooperative"): in an embed, one finger and the
 * plain wheel over the map belong to the host page's scroll; pan and zoom take two fingers or
 * Ctrl/⌘ + wheel, and a mouse drag and the zoom buttons still work. A refused gesture shows a
 * hint saying what works. The CSS half (touch-action) is in embed.css.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { t } from '../../i18n';
import { ZOOM_KEY } from './zoomKey';
import './gestures.css';

/** Which refused gesture a hint answers. */
export type GestureHint = 'wheel' | 'touch';

/** How long a hint stays up after the last refused gesture (ms). */
const HINT_MS = 1800;

/** The parts of a DOM event the verdict reads. */
export interface GestureEvent {
  readonly type: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly touches?: { readonly length: number };
}

/**
 * Whether the map may pan/zoom on `event` in an embed: 'allow'; 'wheel' (a plain wheel: refused,
 * with a hint); 'refuse' (a one-finger touch start: refused, silent until the finger moves).
 * `wheel: 'free'` (the whole app on a touch screen) leaves the wheel to the map.
 */
export function gestureVerdict(
  event: GestureEvent,
  wheel: 'cooperative' | 'free' = 'cooperative',
): 'allow' | 'refuse' | 'wheel' {
  if (event.type === 'wheel')
    return wheel === 'free' || event.ctrlKey || event.metaKey ? 'allow' : 'wheel';
  if (event.type === 'touchstart') return (event.touches?.length ?? 0) >= 2 ? 'allow' : 'refuse';
  return 'allow';
}

/**
 * The filter to hand MapView (`gestureFilter`) and the hint to show over `stage`. A one-finger
 * move over the stage (the page scrolling) shows the two-finger hint, unless a two-finger
 * gesture is under way. `wheel` as in `gestureVerdict`.
 */
export function useCooperativeGestures(
  stage: RefObject<HTMLElement | null>,
  wheel: 'cooperative' | 'free' = 'cooperative',
): {
  filter: (event: Event) => boolean;
  hint: GestureHint | null;
} {
  const [hint, setHint] = useState<GestureHint | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pinching = useRef(false);
  const show = useCallback((kind: GestureHint) => {
    setHint(kind);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setHint(null), HINT_MS);
  }, []);
  const filter = useCallback(
    (event: Event): boolean => {
      const verdict = gestureVerdict(event as GestureEvent, wheel);
      if (verdict === 'wheel') show('wheel');
      if (verdict === 'allow' && event.type === 'touchstart') pinching.current = true;
      return verdict === 'allow';
    },
    [show, wheel],
  );
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const onMove = (e: TouchEvent): void => {
      if (e.touches.length === 1 && !pinching.current) show('touch');
    };
    const onEnd = (e: TouchEvent): void => {
      if (e.touches.length === 0) pinching.current = false;
    };
    el.addEventListener('touchmove', onMove, { passive: true });
    el.addEventListener('touchend', onEnd, { passive: true });
    el.addEventListener('touchcancel', onEnd, { passive: true });
    // Said on the stage: in the whole app this loads after the first paint, and a swipe before
    // that scrolls the page with no hint (tests wait for it).
    el.setAttribute('data-gesture-hints', 'on');
    return () => {
      el.removeAttribute('data-gesture-hints');
      el.removeEventListener('touchmove', onMove);
      el.removeEventListener('touchend', onEnd);
      el.removeEventListener('touchcancel', onEnd);
      clearTimeout(timer.current);
    };
  }, [stage, show]);
  return { filter, hint };
}

/** The hint over the map: what to do instead of the refused gesture. */
export function GestureHintBanner(props: { hint: GestureHint | null }) {
  if (!props.hint) return null;
  return (
    <div className="map-hint" role="status" data-testid="map-hint">
      {props.hint === 'wheel' ? t('embed.hintWheel', { key: ZOOM_KEY }) : t('embed.hintTouch')}
    </div>
  );
}

/**
 * The whole app on a touch screen (coarse pointer): one finger over the map scrolls the page, two
 * fingers pan and zoom, with the same hint as an embed; the mouse and wheel are untouched. Loaded
 * after the first paint (the map's zoom comes then too): it hands its filter up with `onFilter`
 * and draws the hint over `stage`.
 */
export function TouchGestures(props: {
  stage: RefObject<HTMLElement | null>;
  onFilter: (filter: (event: Event) => boolean) => void;
}) {
  const { filter, hint } = useCooperativeGestures(props.stage, 'free');
  const { onFilter } = props;
  useEffect(() => onFilter(filter), [onFilter, filter]);
  return <GestureHintBanner hint={hint} />;
}
