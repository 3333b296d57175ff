/**
 * The optimizer's hidden state on the map (issue 14), for the step under the playback cursor and
 * each optimizer whose glyphs are on: −η g, the momentum arrow (NAG: to its look-ahead point), the
 * per-coordinate step as a box whose sides are each coordinate's step, L-BFGS's search α d. The
 * geometry is `stateGlyphs` (engine), read from the optimizer's own inspect() state. Lines thicken
 * with presenter mode's line scale and labels follow the figure's font size, as the other figure
 * labels do. Loaded after the first paint; pointer events pass through to the map.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { stateGlyphs } from '../../engine/analysis/glyphs';
import type { StateGlyphs } from '../../engine/analysis/glyphs';
import { loadOptimizers, optimizerLoaded } from '../../engine/optimizers';
import type { DomainPoint } from '../../engine/types';
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { usePresent } from '../../state/present';
import { useDescent } from '../../state/store';
import { optimizerStyle } from '../palette';
import { magnification } from './magnify';
import type { Box } from './placeLabels';
import { placeLabels } from './placeLabels';
import type { Projection } from './projection';

type Px = readonly [number, number];

interface Drawn {
  readonly index: number;
  readonly color: string;
  readonly glyphs: StateGlyphs;
}

const MOMENTUM_LABEL: Record<string, MessageKey> = {
  buffer: 'glyphs.buffer',
  lookahead: 'glyphs.lookahead',
  'm-hat': 'glyphs.mHat',
};

/** The glyphs of every optimizer that has them on, at the cursor's step (k → k + 1). */
function useDrawn(): Drawn[] {
  const { surface, scene, cursor, on } = useDescent(
    useShallow((s) => ({ surface: s.surface, scene: s.scene, cursor: s.cursor, on: s.glyphs })),
  );
  // A lazily loaded family (L-BFGS, Rprop, Adafactor, …) is replayed here once its code is in.
  const [loads, setLoads] = useState(0);
  const missing = on.flatMap((i) => {
    const type = scene.optimizers[i]?.type;
    return type !== undefined && !optimizerLoaded(type) ? [type] : [];
  });
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    void loadOptimizers(missing).then(() => live && setLoads((n) => n + 1));
    return () => {
      live = false;
    };
  }, [missing.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  return useMemo(() => {
    const k = Math.min(cursor, scene.steps - 1);
    const out: Drawn[] = [];
    for (const index of on) {
      const config = scene.optimizers[index];
      if (!config || config.hidden === true || !optimizerLoaded(config.type) || k < 0) continue;
      const glyphs = stateGlyphs(surface, scene, index, k);
      if (glyphs) out.push({ index, color: optimizerStyle(config, index).color, glyphs });
    }
    return out;
    // `loads` re-runs this once a family's code has arrived.
  }, [surface, scene, cursor, on, loads]); // eslint-disable-line react-hooks/exhaustive-deps
}

const finite = (p: Px): boolean => Number.isFinite(p[0]) && Number.isFinite(p[1]);
const fmtPx = (p: Px): string => `${p[0].toFixed(1)},${p[1].toFixed(1)}`;

/** The glyph layer over the map (mounted while any optimizer has its glyphs on). */
export function GlyphLayer(props: { projection: Projection }) {
  const p = props.projection;
  const drawn = useDrawn();
  const scale = usePresent((s) => s.lineScale);
  const svgRef = useRef<SVGSVGElement>(null);
  // The labels are measured where they were drawn (their anchors) and moved into place before
  // the browser paints: inside the map, off each other (see placeLabels).
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const texts = [...svg.querySelectorAll<SVGTextElement>('text[data-glyph-label]')];
    const boxes = texts.map((el) => {
      el.removeAttribute('transform');
      return el.getBBox();
    });
    // The map's buttons (zoom, 3-D) sit over its corners: no label goes under them.
    const origin = svg.getBoundingClientRect();
    // (A few pixels of room around each, so a label's halo does not touch one.)
    const buttons = [...(svg.closest('.map')?.querySelectorAll('button') ?? [])]
      .map((b) => b.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r): Box => ({
        left: r.left - origin.left - 4,
        top: r.top - origin.top - 4,
        width: r.width + 8,
        height: r.height + 8,
      }));
    const at = placeLabels(
      texts.map((el, i) => ({
        anchor: [Number(el.getAttribute('x')), Number(el.getAttribute('y'))] as const,
        width: boxes[i]!.width,
        height: boxes[i]!.height,
      })),
      p.width,
      p.height,
      buttons,
    );
    texts.forEach((el, i) =>
      el.setAttribute(
        'transform',
        `translate(${(at[i]![0] - boxes[i]!.x).toFixed(1)},${(at[i]![1] - boxes[i]!.y).toFixed(1)})`,
      ),
    );
  });
  if (drawn.length === 0) return null;
  return (
    <svg
      ref={svgRef}
      className="map-glyphs"
      width={p.width}
      height={p.height}
      aria-hidden="true"
      style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none', overflow: 'hidden' }}
    >
      <defs>
        <marker
          id="glyph-head"
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={4}
          markerHeight={4}
          orient="auto-start-reverse"
        >
          <path d="M0,0L10,5L0,10Z" fill="context-stroke" />
        </marker>
      </defs>
      {drawn.map((d) => (
        <OptimizerGlyphs key={d.index} drawn={d} projection={p} scale={scale} />
      ))}
    </svg>
  );
}

function OptimizerGlyphs(props: { drawn: Drawn; projection: Projection; scale: number }) {
  const { drawn, projection: p, scale } = props;
  const { glyphs: gl, color, index } = drawn;
  const origin = p.toScreen(gl.point) as Px;
  if (!finite(origin)) return null;
  const at = (from: DomainPoint, v: DomainPoint, f: number): Px =>
    p.toScreen([from[0] + f * v[0], from[1] + f * v[1]]) as Px;
  // One round magnification for all of this optimizer's glyphs, so they compare with each other.
  const lengths = [gl.gradient, gl.momentum?.vector, gl.box].flatMap((v) => {
    if (!v) return [];
    const e = at(gl.point, v, 1);
    return [Math.hypot(e[0] - origin[0], e[1] - origin[1])];
  });
  if (gl.search) {
    const a = p.toScreen(gl.search.from) as Px;
    const b = at(gl.search.from, gl.search.vector, 1);
    lengths.push(Math.hypot(b[0] - a[0], b[1] - a[1]));
  }
  const factor = magnification(Math.max(0, ...lengths.filter(Number.isFinite)));
  const w = 2 * scale;
  const labels: { at: Px; text: string }[] = [];
  const arrow = (from: Px, to: Px, kind: string, dash: string | undefined, label: string) => {
    if (!finite(to) || !finite(from)) return null;
    labels.push({ at: to, text: label });
    return (
      <line
        data-glyph={kind}
        data-from={fmtPx(from)}
        data-to={fmtPx(to)}
        x1={from[0]}
        y1={from[1]}
        x2={to[0]}
        y2={to[1]}
        stroke={color}
        strokeWidth={kind === 'gradient' ? w * 0.8 : w}
        strokeDasharray={dash}
        markerEnd="url(#glyph-head)"
      />
    );
  };
  let box = null;
  if (gl.box) {
    const far = at(gl.point, gl.box, factor);
    if (finite(far)) {
      labels.push({ at: far, text: t('glyphs.box') });
      box = (
        <rect
          data-glyph="box"
          data-from={fmtPx(origin)}
          data-to={fmtPx(far)}
          x={Math.min(origin[0], far[0])}
          y={Math.min(origin[1], far[1])}
          width={Math.abs(far[0] - origin[0])}
          height={Math.abs(far[1] - origin[1])}
          fill={color}
          fillOpacity={0.12}
          stroke={color}
          strokeWidth={w * 0.75}
          strokeDasharray={`${4 * scale} ${3 * scale}`}
        />
      );
    }
  }
  const momentum = gl.momentum
    ? arrow(
        origin,
        at(gl.point, gl.momentum.vector, factor),
        'momentum',
        `${6 * scale} ${3 * scale}`,
        t(MOMENTUM_LABEL[gl.momentum.kind]!),
      )
    : null;
  const lookahead =
    gl.momentum?.kind === 'lookahead' ? at(gl.point, gl.momentum.vector, factor) : null;
  const search = gl.search
    ? arrow(
        at(gl.search.from, [0, 0], 0),
        at(gl.search.from, gl.search.vector, factor),
        'search',
        `${1.5 * scale} ${3 * scale}`,
        t('glyphs.search'),
      )
    : null;
  const gradient = arrow(
    origin,
    at(gl.point, gl.gradient, factor),
    'gradient',
    undefined,
    t('glyphs.gradient'),
  );
  // The magnification is said under the point, in the same stack as the other labels.
  if (factor !== 1)
    labels.push({
      at: [origin[0], origin[1]],
      text: t('glyphs.magnified', { factor }),
    });
  return (
    <g
      data-testid={`glyphs-${index}`}
      data-k={gl.k}
      data-factor={factor}
      data-origin={fmtPx(origin)}
    >
      {box}
      {gradient}
      {momentum}
      {lookahead && finite(lookahead) && (
        <circle
          data-glyph="lookahead"
          cx={lookahead[0]}
          cy={lookahead[1]}
          r={4 * scale}
          fill="#ffffff"
          stroke={color}
          strokeWidth={w * 0.75}
        />
      )}
      {search}
      {labels.map((l, i) => (
        // Drawn at its anchor; the layer moves it beside (placeLabels). The figure's font size,
        // which presenter mode scales with the screen, as the axes' and legend's labels.
        <text
          key={i}
          data-glyph-label=""
          x={l.at[0]}
          y={l.at[1]}
          fill={color}
          fontSize="1em"
          fontWeight={600}
          paintOrder="stroke"
          stroke="#ffffff"
          style={{ strokeWidth: '0.25em' }}
          strokeLinejoin="round"
        >
          {l.text}
        </text>
      ))}
    </g>
  );
}
