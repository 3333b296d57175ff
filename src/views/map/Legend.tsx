import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { OPTIMIZERS } from '../../engine/optimizers';
import { t, useLocale } from '../../i18n';
import { useDescent } from '../../state/store';
import type { SurfaceLayer } from '../../engine/contours/types';
import { formatLr, formatNumber } from '../format';
import { optimizerNames } from '../names';
import { heatColor, optimizerStyle } from '../palette';
import type { MarkerShape } from '../palette';

/** SVG path of a marker of radius r at (x, y), the shapes the map's canvas draws. */
function markerD(shape: MarkerShape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    case 'square':
      return `M${x - r * 0.85},${y - r * 0.85}h${r * 1.7}v${r * 1.7}h${-r * 1.7}Z`;
    case 'triangle':
      return `M${x},${y - r * 1.1}L${x + r},${y + r * 0.8}L${x - r},${y + r * 0.8}Z`;
    case 'diamond':
      return `M${x},${y - r * 1.2}L${x + r},${y}L${x},${y + r * 1.2}L${x - r},${y}Z`;
    case 'plus': {
      const a = r * 0.4;
      return `M${x - a},${y - r}H${x + a}V${y - a}H${x + r}V${y + a}H${x + a}V${y + r}H${x - a}V${y + a}H${x - r}V${y - a}H${x - a}Z`;
    }
    case 'star': {
      let d = '';
      for (let i = 0; i < 10; i++) {
        const rr = i % 2 === 0 ? r * 1.25 : r * 0.55;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        d += `${i === 0 ? 'M' : 'L'}${(x + rr * Math.cos(a)).toFixed(2)},${(y + rr * Math.sin(a)).toFixed(2)}`;
      }
      return `${d}Z`;
    }
  }
}

/**
 * The figure's key to its paths: one entry per optimizer shown on the map, with its line (colour
 * and dash), its marker and its name, then its current learning rate (read live, so it never
 * goes stale). Part of the map panel, so the normal view, presenter mode, lessons and embeds all
 * carry it. Sizes follow `--figure-font`, which presenter mode scales with the screen.
 */
export function OptimizerLegend() {
  useLocale();
  const optimizers = useDescent(useShallow((s) => s.scene.optimizers));
  const names = optimizerNames(optimizers);
  const shown = optimizers.flatMap((config, i) => (config.hidden ? [] : [{ config, i }]));
  if (shown.length === 0) return null;
  return (
    <ul className="map-key" aria-label={t('map.key')} data-testid="map-key">
      {shown.map(({ config, i }) => {
        const style = optimizerStyle(config, i);
        const lr =
          config.lr ??
          (OPTIMIZERS[config.type].params.find((p) => p.name === 'lr')?.default as
            number | undefined);
        return (
          <li key={i} data-testid={`map-key-${i}`}>
            <svg viewBox="0 0 36 14" className="map-key-sample" aria-hidden="true">
              <line
                x1={1}
                x2={35}
                y1={7}
                y2={7}
                stroke="#fff"
                strokeWidth={5}
                strokeLinecap="round"
              />
              <line
                x1={1}
                x2={35}
                y1={7}
                y2={7}
                stroke={style.color}
                strokeWidth={2.5}
                strokeDasharray={style.dash.length > 0 ? style.dash.join(' ') : undefined}
              />
              <path
                d={markerD(style.marker, 30, 7, 4.5)}
                fill={style.color}
                stroke="#fff"
                strokeWidth={1}
              />
            </svg>
            <span className="map-key-name">{names[i]}</span>
            {lr !== undefined && (
              <span className="map-key-lr">{t('map.keyLr', { lr: formatLr(lr) })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The colour key: one swatch per band with the level values between them. */
export const Legend = memo(function Legend(props: { layer: SurfaceLayer | null }) {
  useLocale(); // memo would skip a language switch
  const { layer } = props;
  const [labelsRef, labelsBox] = useLabelsBox(layer !== null && layer.thresholds.length > 0);
  if (!layer || layer.thresholds.length === 0) return <div className="legend" />;
  const n = layer.thresholds.length + 1;
  const labelEvery = colourBarLabelEvery(
    layer.thresholds.map((v) => formatNumber(v, 2)),
    labelsBox.width,
    labelsBox.fontPx,
  );
  return (
    <div className="legend" aria-label={t('map.legend')}>
      <span className="legend-name">{t('map.legend')}</span>
      <div className="legend-bar">
        {Array.from({ length: n }, (_, b) => (
          <span
            key={b}
            className="legend-swatch"
            style={{ background: heatColor(n > 1 ? b / (n - 1) : 0) }}
          />
        ))}
      </div>
      <div className="legend-labels" ref={labelsRef}>
        {layer.thresholds.map((v, i) =>
          i % labelEvery === 0 ? (
            <span key={i} style={{ left: `${((i + 1) / n) * 100}%` }}>
              {formatNumber(v, 2)}
            </span>
          ) : null,
        )}
      </div>
    </div>
  );
});

/**
 * Every how many thresholds the colour bar names one: at most six names, and fewer when the bar
 * is too narrow for them (at 320 px "0.061" and "0.15" ran together), so that neighbours keep a
 * gap of half an em. `texts` are the thresholds' labels (the label of threshold i is centred at
 * (i + 1) / (n + 1) of `width` px); widths are estimated at 0.6 em a character.
 */
export function colourBarLabelEvery(
  texts: readonly string[],
  width: number,
  fontPx: number,
): number {
  const count = texts.length;
  const bands = count + 1;
  const w = (s: string): number => Array.from(s).length * 0.6 * fontPx;
  for (let every = Math.max(1, Math.ceil(count / 6)); every < count; every++) {
    let fits = true;
    for (let i = 0; i + every < count; i += every) {
      const gap = (every / bands) * width - (w(texts[i]!) + w(texts[i + every]!)) / 2;
      if (gap < 0.5 * fontPx) {
        fits = false;
        break;
      }
    }
    if (fits) return every;
  }
  return Math.max(1, count);
}

/** Width (px) and font size (px) of the colour bar's label row, kept current while `shown`. */
function useLabelsBox(
  shown: boolean,
): [RefObject<HTMLDivElement | null>, { width: number; fontPx: number }] {
  const ref = useRef<HTMLDivElement>(null);
  // Before the first measure: wide enough for six names, as before.
  const [box, setBox] = useState({ width: 10_000, fontPx: 13 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const measure = (): void => {
      const width = Math.round(el.getBoundingClientRect().width);
      const fontPx = parseFloat(getComputedStyle(el).fontSize) || 13;
      if (width > 0)
        setBox((b) => (b.width === width && b.fontPx === fontPx ? b : { width, fontPx }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);
  return [ref, box];
}
