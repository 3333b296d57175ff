/**
 * "After the first paint": what the first screen does not need (KaTeX and the formula panel, the
 * engine worker, the map's zoom behaviour) waits for the first `scene-painted` mark, so its
 * scripts are neither fetched nor compiled while the page's first scene is being drawn. A page
 * without a map says so (noSceneToPaint); one that never marks (an engine error) gets them after
 * FALLBACK_MS anyway.
 */
import { useSyncExternalStore } from 'react';

/** Longest wait for the mark before the deferred work runs anyway. */
export const FALLBACK_MS = 3000;

const MARK = 'scene-painted';
let painted = false;
let started = false;
const waiting = new Set<() => void>();

function release(): void {
  if (painted) return;
  painted = true;
  for (const callback of [...waiting]) callback();
  waiting.clear();
}

function start(): void {
  if (started) return;
  started = true;
  if (typeof performance === 'undefined' || performance.getEntriesByName(MARK).length > 0) {
    release();
    return;
  }
  afterNextScenePaint(release, FALLBACK_MS);
}

/**
 * Calls `callback` once: a macrotask after the next `scene-painted` mark (so the painting task
 * ends first), or after `fallbackMs` when no mark comes (a scene that draws nothing, an
 * environment without PerformanceObserver). Returns a function that cancels the call.
 */
export function afterNextScenePaint(callback: () => void, fallbackMs: number): () => void {
  let pending = true;
  const run = (): void => {
    if (!pending) return;
    pending = false;
    callback();
  };
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(MARK).length === 0) return;
      observer?.disconnect();
      setTimeout(run, 0);
    });
    observer.observe({ type: 'mark' });
  } catch {
    // No observer for marks: the fallback below still calls back.
  }
  const timer = setTimeout(run, fallbackMs);
  return () => {
    pending = false;
    observer?.disconnect();
    clearTimeout(timer);
  };
}

/**
 * Says there is no first scene to wait for (the lab and the lessons gallery draw no map): what
 * waits for the first paint runs at once.
 */
export function noSceneToPaint(): void {
  started = true;
  release();
}

/** Whether the first scene has been painted (or the fallback time has passed). */
export function firstPaintDone(): boolean {
  start();
  return painted;
}

/** Runs `callback` once, after the first paint (at once when it already happened). */
export function afterFirstPaint(callback: () => void): void {
  start();
  if (painted) callback();
  else waiting.add(callback);
}

function subscribe(onChange: () => void): () => void {
  afterFirstPaint(onChange);
  return () => waiting.delete(onChange);
}

/** React: false until the first paint, then true (the component re-renders once). */
export function useAfterFirstPaint(): boolean {
  return useSyncExternalStore(subscribe, firstPaintDone, () => false);
}
