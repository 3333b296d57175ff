import { memo, useCallback } from 'react';
import { useLocale } from '../../i18n';
import type { KeyboardEvent } from 'react';
import { interpolateViridis, range } from 'd3';
import type { LabConfig } from '../../state/lab';
import type { LabSnapshot } from '../../worker/lab/protocol';
import { useElementWidth } from '../charts/useElementWidth';
import { formatNorm, normColor, normWidth } from './gradients';
import { t } from './strings';

const HEIGHT = 206;
/** The svg's own height: the colour legend below it is HTML. */
const SVG_HEIGHT = HEIGHT - 22;
const MID = 92;

interface Props {
  config: LabConfig;
  snapshot: LabSnapshot | null;
  domain: readonly [number, number];
  selected: number;
  onSelect: (layer: number) => void;
  idPrefix: string;
}

/**
 * Layers left to right (input, hidden layers, output). The link into each layer is drawn with
 * that layer's ‖∂L/∂W‖: thick and yellow when large, thin and dark when vanishing. The layers form
 * one roving-tabindex group: arrows move the chosen layer, whose chain rule the panel shows.
 */
export const NetworkDiagram = memo(function NetworkDiagram(props: Props) {
  useLocale(); // memo would skip a language switch
  const { config, snapshot, domain, selected, onSelect, idPrefix } = props;
  const [ref, width] = useElementWidth<HTMLDivElement>(640);
  const layers = config.depth;
  const left = 34;
  const right = Math.max(left + 40, width - 34);
  const x = (column: number): number => left + ((right - left) * column) / layers;
  const colWidth = (right - left) / layers;
  const units = (l: number): number => (l === layers - 1 ? 1 : config.width);
  const boxHeight = (n: number): number => 14 + 86 * Math.sqrt(n / 256) + Math.min(n, 8) * 5;
  const norms = snapshot?.weightGradNorms;

  const onKey = useCallback(
    (event: KeyboardEvent<SVGGElement>) => {
      const moves: Record<string, number> = {
        ArrowRight: 1,
        ArrowDown: 1,
        ArrowLeft: -1,
        ArrowUp: -1,
      };
      let next: number | undefined;
      if (event.key in moves) next = selected + moves[event.key]!;
      if (event.key === 'Home') next = 0;
      if (event.key === 'End') next = layers - 1;
      if (next === undefined) return;
      event.preventDefault();
      const clamped = Math.max(0, Math.min(layers - 1, next));
      onSelect(clamped);
      document.getElementById(`${idPrefix}-layer-${clamped}`)?.focus();
    },
    [selected, layers, onSelect, idPrefix],
  );

  return (
    <div ref={ref} className="lab-diagram">
      <svg width={width} height={SVG_HEIGHT} role="group" aria-label={t('lab.diagram')}>
        <defs>
          <marker
            id={`${idPrefix}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0L10,5L0,10z" fill="#56606e" />
          </marker>
        </defs>
        <line
          x1={left}
          x2={right}
          y1={14}
          y2={14}
          className="lab-flow"
          markerEnd={`url(#${idPrefix}-arrow)`}
        />
        <text x={left} y={10} className="lab-flow-label">
          {t('lab.forward')}
        </text>
        <line
          x1={right}
          x2={left}
          y1={HEIGHT - 50}
          y2={HEIGHT - 50}
          className="lab-flow"
          markerEnd={`url(#${idPrefix}-arrow)`}
        />
        <text x={right} y={HEIGHT - 38} textAnchor="end" className="lab-flow-label">
          {t('lab.backward')}
        </text>
        {range(layers).map((l) => {
          const norm = norms?.[l];
          return (
            <line
              key={`e${l}`}
              x1={x(l)}
              x2={x(l + 1)}
              y1={MID}
              y2={MID}
              stroke={norm === undefined ? '#c9ced6' : normColor(norm, domain)}
              strokeWidth={
                norm === undefined
                  ? 2
                  : normWidth(norm, domain, Math.min(16, Math.max(3, colWidth * 0.5)))
              }
              strokeLinecap="butt"
            />
          );
        })}
        <g>
          <rect
            x={x(0) - 5}
            y={MID - boxHeight(2) / 2}
            width={10}
            height={boxHeight(2)}
            rx={4}
            className="lab-node lab-node--input"
          />
          <text
            x={x(0)}
            y={MID + boxHeight(2) / 2 + 14}
            textAnchor="middle"
            className="lab-node-label"
          >
            {t('lab.input')}
          </text>
        </g>
        {range(layers).map((l) => {
          const h = boxHeight(units(l));
          const w = Math.max(4, Math.min(14, colWidth * 0.45));
          const cx = x(l + 1);
          const norm = norms?.[l];
          const layerLabel = t('lab.diagramLayer', {
            layer: l + 1,
            norm: norm === undefined ? '…' : formatNorm(norm),
          });
          // The last node shows the word "output": its name starts with it (speech input).
          const label = l === layers - 1 ? `${t('lab.output')}, ${layerLabel}` : layerLabel;
          const isSelected = l === selected;
          return (
            <g
              key={`n${l}`}
              id={`${idPrefix}-layer-${l}`}
              role="button"
              tabIndex={isSelected ? 0 : -1}
              aria-label={label}
              aria-pressed={isSelected}
              className={isSelected ? 'lab-layer lab-layer--selected' : 'lab-layer'}
              onClick={() => onSelect(l)}
              onKeyDown={onKey}
            >
              <title>{label}</title>
              <rect
                x={cx - colWidth / 2}
                y={20}
                width={colWidth}
                height={HEIGHT - 80}
                fill="transparent"
              />
              <rect
                x={cx - w / 2}
                y={MID - h / 2}
                width={w}
                height={h}
                rx={Math.min(5, w / 2)}
                className="lab-node"
              />
              {(layers <= 16 || l === layers - 1 || l === 0 || isSelected) && (
                <text x={cx} y={MID + h / 2 + 14} textAnchor="middle" className="lab-node-label">
                  {l === layers - 1 ? t('lab.output') : l + 1}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {/* HTML, not svg text: the bar starts where the words end, in any language and at any size. */}
      <p className="lab-diagram-legend" style={{ marginLeft: left }}>
        <span>
          {t('lab.legendSmall')} 10{sup(domain[0])}
        </span>
        <span className="lab-diagram-legend-bar" style={{ background: VIRIDIS_GRADIENT }} />
        <span>
          10{sup(domain[1])} {t('lab.legendLarge')}
        </span>
      </p>
    </div>
  );
});

/** The colour bar's CSS gradient: the same viridis as the links, from vanishing to exploding. */
const VIRIDIS_GRADIENT = `linear-gradient(to right, ${range(0, 1.0001, 0.125)
  .map((s) => `${interpolateViridis(s)} ${s * 100}%`)
  .join(', ')})`;

const SUPERSCRIPTS: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** An integer exponent in superscript digits. */
export function sup(n: number): string {
  return String(n)
    .split('')
    .map((c) => SUPERSCRIPTS[c] ?? c)
    .join('');
}
