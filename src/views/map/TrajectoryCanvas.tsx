import { memo, useLayoutEffect, useRef } from 'react';
import { usePresent } from '../../state/present';
import { useDescent } from '../../state/store';
import type { DescentState } from '../../state/store';
import { visibleDomain } from '../../state/engine';
import { drawTrajectories } from './drawTrajectories';
import type { Projection } from './projection';

/** Whether the map now shows the current scene's contours and trajectories. */
function sceneIsCurrent(s: DescentState): boolean {
  const layer = s.layer;
  if (!layer || s.trajectoriesScene !== s.scene) return false;
  const d = visibleDomain(s);
  const r = layer.request;
  return (
    JSON.stringify(r.surface) === JSON.stringify(s.scene.surface) &&
    r.domain.x[0] === d.x[0] &&
    r.domain.x[1] === d.x[1] &&
    r.domain.y[0] === d.y[0] &&
    r.domain.y[1] === d.y[1]
  );
}

/**
 * The animated layer: a device-pixel-ratio aware canvas redrawn at most once per animation frame
 * from the store's typed arrays. It subscribes to the store directly, so playback and slider
 * drags never re-render React.
 */
export const TrajectoryCanvas = memo(function TrajectoryCanvas(props: { projection: Projection }) {
  const { projection } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const projectionRef = useRef(projection);
  const frameRef = useRef<number | undefined>(undefined);
  const drawRef = useRef<() => void>(() => undefined);

  // A layout effect, and the first draw at once: the paths are in the same paint as the map's
  // first frame (a frame earlier than waiting for the next animation frame).
  useLayoutEffect(() => {
    let lastMarked: unknown[] = [];
    const draw = (): void => {
      frameRef.current = undefined;
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const p = projectionRef.current;
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(p.width * dpr);
      const h = Math.round(p.height * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const s = useDescent.getState();
      drawTrajectories(
        ctx,
        {
          scene: s.scene,
          trajectories:
            s.trajectoriesScene === s.scene
              ? s.trajectories
              : s.trajectories.slice(0, s.scene.optimizers.length),
          cursor: s.cursor,
          ghost: s.ghost,
          arrows: s.arrows,
          surface: s.surface,
          lineScale: usePresent.getState().lineScale,
        },
        p,
      );
      if (sceneIsCurrent(s)) {
        const key = [s.layer, s.trajectories, p];
        if (key.some((v, i) => v !== lastMarked[i])) {
          lastMarked = key;
          performance.mark('scene-painted');
        }
      }
    };
    const request = (): void => {
      if (frameRef.current === undefined) frameRef.current = requestAnimationFrame(draw);
    };
    drawRef.current = request;
    const unsubscribe = useDescent.subscribe(
      (s) => [s.trajectories, s.scene, s.cursor, s.ghost, s.arrows, s.layer, s.surface] as const,
      request,
      { equalityFn: (a, b) => a.every((v, i) => Object.is(v, b[i])) },
    );
    const unsubscribePresent = usePresent.subscribe((s, prev) => {
      if (s.lineScale !== prev.lineScale) request();
    });
    draw();
    return () => {
      unsubscribe();
      unsubscribePresent();
      if (frameRef.current !== undefined) cancelAnimationFrame(frameRef.current);
      frameRef.current = undefined;
    };
  }, []);

  useLayoutEffect(() => {
    // At mount the first draw above already used this projection.
    if (projectionRef.current === projection) return;
    projectionRef.current = projection;
    drawRef.current();
  }, [projection]);

  return (
    <canvas
      ref={canvasRef}
      className="map-trajectories"
      style={{ width: projection.width, height: projection.height }}
      aria-hidden="true"
    />
  );
});
