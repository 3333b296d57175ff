/**
 * The momentum regime pad (issue 14; Goh 2017's Distill widget, for torch SGD with its dampening,
 * Nesterov and weight decay): the (lr, μ) plane coloured by how fast the local quadratic at the
 * playback cursor's step (this optimizer's point there, its exact Hessian) converges, its regions named, the critical-damping curve dashed, the current setting
 * ringed. Hover reads a setting out; a click or a drag sets this optimizer's lr and momentum; with
 * keyboard focus the arrows move the ring (← → lr, ↑ ↓ μ). Loaded after the first paint.
 */
import { labelWidth, markerBox, placeLabels } from '../analysis/placeLabels';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KeyboardEvent, PointerEvent } from 'react';
import { directionDynamics } from '../../engine/analysis/regime';
import type { Regime } from '../../engine/analysis/regime';
import type { Domain, OptimizerConfig } from '../../engine/types';
import { t, useLocale } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { formatNumber } from '../../i18n/teach';
import { useDescent } from '../../state/store';
import { holdInput } from '../../state/inputActivity';
import { formatPair } from '../format';
import { optimizerName } from '../names';
import {
  LR_POINTS,
  MU_MAX,
  criticalDamping,
  fastestCell,
  fromPad,
  keyStep,
  padGrid,
  padModel,
  samePadModel,
  regionLabels,
  toPad,
} from './regimePad';
import type { PadModel } from './regimePad';
import './teach.css';

/** The plot's size in CSS pixels. */
const W = 180;
const H = 130;
/** Font size of the region names (teach.css .regime-name). */
const NAME_PX = 10;

/** Okabe–Ito colours per region (distinct for red–green colour blindness too). */
const COLOURS: Readonly<Record<Regime, readonly [number, number, number]>> = {
  monotone: [0, 114, 178],
  oscillation: [0, 158, 115],
  ripples: [230, 159, 0],
  divergence: [213, 94, 0],
};

/** The slowest (or fastest-growing) direction at (lr, μ), its λ and its dynamics. */
function dynamicsAt(
  positive: readonly number[],
  lr: number,
  momentum: number,
  form: { dampening: number; nesterov: boolean },
) {
  return positive
    .map((lambda) => ({ lambda, ...directionDynamics(lambda, { lr, momentum, ...form }) }))
    .reduce((a, b) => (b.radius > a.radius || Number.isNaN(b.radius) ? b : a));
}

/** Whether (x, y) lies within the surface's domain widened ten times its size on every side. */
function nearDomain(domain: Domain, x: number, y: number): boolean {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const wx = 10 * (x1 - x0);
  const wy = 10 * (y1 - y0);
  return x >= x0 - wx && x <= x1 + wx && y >= y0 - wy && y <= y1 + wy;
}

export function RegimePad(props: { index: number; config: OptimizerConfig }) {
  const { index, config } = props;
  useLocale();
  const surface = useDescent((s) => s.surface);
  // The step under the playback cursor and this optimizer's point there (its last point when the
  // run stopped before; the start until the run is in). A run that blew up is read at its last
  // point near the surface's domain: a quadratic fitted at (−7e26, 4e17) advised lr 1e-59.
  const live = useDescent(
    useShallow((s) => {
      const run = s.trajectoriesScene === s.scene ? s.trajectories[index] : undefined;
      if (!run || run.length === 0) return { k: 0, x: s.scene.start[0], y: s.scene.start[1] };
      let k = Math.min(s.cursor, run.length - 1);
      while (k > 0 && !nearDomain(s.surface.domain, run.points[2 * k]!, run.points[2 * k + 1]!))
        k--;
      return { k, x: run.points[2 * k]!, y: run.points[2 * k + 1]! };
    }),
  );
  // While a drag changes lr and μ, the run (and so the cursor's point) changes under it: the
  // pad keeps the point the drag started at, so its axes hold still under the pointer.
  const [dragFrom, setDragFrom] = useState<typeof live | null>(null);
  const releaseHold = useRef<() => void>(() => undefined);
  // A pad unmounted mid-drag (the optimizer changed) must not hold the panels for good.
  useEffect(() => () => releaseHold.current(), []);
  // The pad's picture (an eigen-analysis and a grid of runs' regimes) is redrawn in a deferred
  // render: a drag of the lr slider repaints the map first (issue 11's slider budget).
  const deferred = useDeferredValue(live);
  const at = dragFrom ?? deferred;
  const name = useDescent((s) => optimizerName(s.scene.optimizers, index));
  const dampening = config.dampening ?? 0;
  const nesterov = config.nesterov ?? false;
  const weightDecay = config.weight_decay ?? 0;
  const form = useMemo(
    () => ({ dampening, nesterov, weightDecay }),
    [dampening, nesterov, weightDecay],
  );
  const atPoint = useMemo(() => padModel(surface, [at.x, at.y], form), [surface, at.x, at.y, form]);
  // The previous model object while the pad would look the same, so the grid below is kept
  // (React's pattern for information from previous renders).
  const [model, setModel] = useState<PadModel | null>(atPoint);
  if (!samePadModel(model, atPoint)) setModel(atPoint);
  const drawn = useMemo(() => {
    if (!model || model.positive.length === 0) return null;
    const grid = padGrid(model, form);
    // Colour: the region's hue, stronger where the error shrinks faster (log of the radius
    // against the pad's fastest), a flat pale tint where it does not converge.
    const best = fastestCell(grid);
    const image = new ImageData(LR_POINTS, grid.momenta.length);
    const logBest = Math.log(best.radius);
    for (let j = 0; j < grid.momenta.length; j++) {
      for (let i = 0; i < LR_POINTS; i++) {
        const c = j * LR_POINTS + i;
        const regime = (['monotone', 'oscillation', 'ripples', 'divergence'] as const)[
          grid.regime[c]!
        ]!;
        const r = grid.radius[c]!;
        const speed = r < 1 ? Math.min(1, Math.log(r) / logBest) : 0;
        const alpha = regime === 'divergence' ? 0.28 : 0.18 + 0.77 * Math.sqrt(speed);
        const [red, green, blue] = COLOURS[regime];
        // Row 0 is μ = 0: the image's bottom row.
        const p = ((grid.momenta.length - 1 - j) * LR_POINTS + i) * 4;
        image.data[p] = red;
        image.data[p + 1] = green;
        image.data[p + 2] = blue;
        image.data[p + 3] = Math.round(alpha * 255);
      }
    }
    const curves = criticalDamping(model.positive, grid, form);
    return { grid, image, best, curves, labels: regionLabels(grid) };
  }, [model, form]);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const paint = (canvas: HTMLCanvasElement | null): void => {
    canvasRef.current = canvas;
    if (canvas && drawn) canvas.getContext('2d')?.putImageData(drawn.image, 0, 0);
  };
  const [hover, setHover] = useState<{ lr: number; momentum: number } | null>(null);

  const lr = config.lr ?? 0.001;
  const momentum = config.momentum ?? 0;
  const format = (lrValue: number, mu: number): string => {
    if (!model || !drawn) return '';
    const d = dynamicsAt(model.positive, lrValue, mu, form);
    return t('regime.readout', {
      lr: formatNumber(lrValue),
      mu: formatNumber(mu),
      regime: t(`regime.${d.regime}` as MessageKey),
      lambda: formatNumber(d.lambda),
      rate: formatNumber(d.radius),
    });
  };

  const lambdas = model ? model.eigenvalues.map(formatNumber).join(', ') : '';
  const where = { step: at.k, point: formatPair(at.x, at.y, 3) };
  const heading = (
    <>
      <p className="regime-title">{t('regime.title')}</p>
      <p className="regime-model" data-testid="regime-model" data-step={at.k}>
        {t('regime.model', { lambdas, ...where })}
      </p>
    </>
  );
  if (!model || !drawn) {
    return (
      <div className="regime-pad" data-testid="regime-pad">
        {heading}
        <p className="regime-readout">{t('regime.noCurvature', { lambdas, ...where })}</p>
      </div>
    );
  }
  const { lrMax } = model;
  const set = (next: { lr: number; momentum: number }): void => {
    if (next.lr === lr && next.momentum === momentum) return;
    useDescent.getState().updateOptimizer(index, { ...config, ...next });
  };
  const fractionAt = (event: PointerEvent<HTMLElement>): { x: number; y: number } => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: (event.clientX - box.left) / box.width,
      y: 1 - (event.clientY - box.top) / box.height,
    };
  };
  const onPointer = (event: PointerEvent<HTMLDivElement>): void => {
    const { x, y } = fractionAt(event);
    const setting = fromPad(x, y, lrMax);
    setHover(setting);
    if (event.type === 'pointerdown') {
      event.currentTarget.setPointerCapture(event.pointerId);
      // The divergence note above waits for the drag's end: its changing length moved the pad.
      releaseHold.current();
      releaseHold.current = holdInput();
      setDragFrom(live);
      set(setting);
    } else if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      set(setting);
    }
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next = keyStep(event.key, event.shiftKey, lr, momentum, lrMax);
    if (!next) return;
    event.preventDefault();
    setHover(null);
    set(next);
  };
  const px = (lrValue: number, mu: number): [number, number] => {
    const f = toPad(lrValue, mu, lrMax);
    return [f.x * W, (1 - f.y) * H];
  };
  const [cx, cy] = px(lr, momentum);
  const [bx, by] = px(drawn.best.lr, drawn.best.momentum);
  // Region names and the critical-damping key, off the two markers and off each other (the
  // shared greedy placer; the names at their regions' centres, the key in a bottom corner).
  const nameText = (regime: string): string => t(`regime.${regime}` as MessageKey);
  const wanted = [
    ...(drawn.curves.length > 0
      ? [{ key: 'critical', text: `┄ ${t('regime.critical')}`, x: 4, y: H - 4 }]
      : []),
    ...drawn.labels.map((l) => {
      const [x, y] = px(l.lr, l.momentum);
      const text = nameText(l.regime);
      return { key: l.regime as string, text, x: x - labelWidth(text, NAME_PX) / 2, y };
    }),
  ].map((l) => ({
    ...l,
    alternatives: l.key === 'critical' ? [{ x: 4, y: NAME_PX + 2 }] : [],
  }));
  const placed = placeLabels(wanted, {
    size: NAME_PX,
    obstacles: [markerBox(cx, cy, 8), markerBox(bx, by, 7)],
    bounds: { width: W, height: H },
  });
  const current = format(lr, momentum);
  const offPad = lr > lrMax || momentum > MU_MAX;
  return (
    <div className="regime-pad" data-testid="regime-pad">
      {heading}
      <div className="regime-frame">
        <span className="regime-axis-y" aria-hidden="true">
          <span>{MU_MAX}</span>
          <span>μ</span>
          <span>0</span>
        </span>
        <div
          className="regime-plot"
          style={{ width: W, height: H }}
          role="slider"
          tabIndex={0}
          aria-label={t('regime.label', { name })}
          aria-valuemin={0}
          aria-valuemax={Number(lrMax.toPrecision(3))}
          aria-valuenow={lr}
          aria-valuetext={current}
          data-testid="regime-plot"
          data-lr-max={lrMax}
          onPointerDown={onPointer}
          onPointerMove={onPointer}
          onPointerLeave={() => setHover(null)}
          onLostPointerCapture={() => {
            releaseHold.current();
            setDragFrom(null);
          }}
          onKeyDown={onKey}
        >
          <canvas ref={paint} width={LR_POINTS} height={drawn.grid.momenta.length} />
          <svg width={W} height={H} aria-hidden="true">
            {drawn.curves.map((curve, k) => (
              <polyline
                key={k}
                className="regime-critical"
                points={curve.map((p) => px(p.lr, p.momentum).join(',')).join(' ')}
              />
            ))}
            {placed.map((l) => (
              <text
                key={l.key}
                className={
                  l.key === 'critical' ? 'regime-name regime-name--critical' : 'regime-name'
                }
                data-testid={`regime-name-${l.key}`}
                x={l.x}
                y={l.y}
              >
                {l.text}
              </text>
            ))}
            <path
              className="regime-best"
              d={`M${bx},${by - 5}L${bx + 4},${by + 3}L${bx - 4},${by + 3}Z`}
            />
            <circle
              className={`regime-current${offPad ? ' regime-current--off' : ''}`}
              data-testid="regime-current"
              cx={cx}
              cy={cy}
              r={5}
            />
          </svg>
        </div>
      </div>
      <span className="regime-axis-x" aria-hidden="true" style={{ width: W }}>
        <span>0</span>
        <span>{t('regime.axisLr')}</span>
        <span>{formatNumber(lrMax)}</span>
      </span>
      <p className="regime-readout" data-testid="regime-readout">
        {hover ? format(hover.lr, hover.momentum) : current}
        <br />
        {t('regime.best', {
          lr: formatNumber(drawn.best.lr),
          mu: formatNumber(drawn.best.momentum),
          rate: formatNumber(drawn.best.radius),
        })}
        {model.eigenvalues
          .filter((l) => l <= 0)
          .map((l) => (
            <span key={l}>
              <br />
              {t('regime.downhill', { lambda: formatNumber(l) })}
            </span>
          ))}
      </p>
    </div>
  );
}
