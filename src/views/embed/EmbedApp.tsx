/**
 * Embed mode (`?embed=1`): the map and the chosen controls, without the app's header and panels.
 * It fills whatever box its iframe gives it (controls first, the map takes the rest) and posts the
 * height its layout would like, so a host page's resizer can give it that.
 */
import { localMessage } from '../fieldMessage';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EmbedOptions, ParamControl } from '../../embed/options';
import { heightNotifier } from '../../embed/resize';
import { appLink } from '../../embed/url';
import { OPTIMIZERS } from '../../engine/optimizers';
import { allTextsLoaded, t, useLocale } from '../../i18n';
import { useDescent, viewOf } from '../../state/store';
import { ChartsPanel } from '../ChartsPanel';
import { paramValue, sliderRange, withParam } from '../controls/params';
import { ParamRange } from '../controls/ParamRange';
import { ErrorBoundary } from '../ErrorBoundary';
import { MapView, plotSize } from '../map/MapView';
import { optimizerName } from '../names';
import { optimizerStyle } from '../palette';
import { runKeyAction, useKeyboardShortcuts } from '../lessons/useShortcuts';
import type { KeyAction } from '../../state/present';
import type { OptimizerConfig, ParamSpec } from '../../engine/types';
import { GestureHintBanner, useCooperativeGestures } from './gestures';
import { placeShortKey } from './shortKeyPlace';
import { makeProjection } from '../map/projection';
import { visibleDomain } from '../../state/layerRequest';
import './embed.css';

/** Tallest plot the embed asks its host for (CSS px): a figure in a post, not a full page. */
const NATURAL_PLOT_HEIGHT = 400;
/** Shortest plot the embed draws when its iframe is very short. */
const MIN_PLOT_HEIGHT = 60;

function Icon(props: { name: 'reset' | 'back' | 'play' | 'pause' | 'forward' }) {
  const paths = {
    reset: 'M3 2h2v12H3zM14 2v12L6 8z',
    back: 'M11 2v12L3 8zM12 2h2v12h-2z',
    play: 'M4 2l10 6-10 6z',
    pause: 'M3 2h4v12H3zM9 2h4v12H9z',
    forward: 'M5 2v12l8-6zM2 2h2v12H2z',
  } as const;
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={paths[props.name]} fill="currentColor" />
    </svg>
  );
}

/** Play/pause, step, reset, scrubber and step readout: the playback bar without its settings. */
function EmbedPlayback() {
  const { cursor, playing, steps } = useDescent(
    useShallow((s) => ({ cursor: s.cursor, playing: s.playing, steps: s.scene.steps })),
  );
  const store = useDescent.getState;
  const button = (
    name: 'reset' | 'back' | 'forward',
    label: string,
    testId: string,
    act: () => void,
  ) => (
    <button type="button" onClick={act} aria-label={label} title={label} data-testid={testId}>
      <Icon name={name} />
    </button>
  );
  return (
    <div className="embed-playback" role="group" aria-label={t('playback.keys')}>
      {button('reset', t('playback.reset'), 'reset', () => {
        store().setPlaying(false);
        store().setCursor(0);
      })}
      {button('back', t('playback.stepBack'), 'step-back', () => store().stepBy(-1))}
      <button
        type="button"
        className="play"
        onClick={() => store().togglePlaying()}
        aria-label={playing ? t('playback.pause') : t('playback.play')}
        title={playing ? t('playback.pause') : t('playback.play')}
        data-testid="play"
        data-playing={playing}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      {button('forward', t('playback.stepForward'), 'step-forward', () => store().stepBy(1))}
      <label className="embed-scrub">
        <span className="visually-hidden">{t('playback.scrub')}</span>
        <input
          type="range"
          min={0}
          max={steps}
          value={cursor}
          onChange={(e) => store().setCursor(Number(e.target.value))}
          data-testid="scrub"
        />
      </label>
    </div>
  );
}

/** The shortcuts an embed with a play bar has: play/pause, step, back to the start. */
const playbackOnly = (action: KeyAction): boolean =>
  action.kind === 'toggle-play' || action.kind === 'step' || action.kind === 'reset';
const noShortcuts = (): boolean => false;

/**
 * The app's keyboard rule in the embed (see useKeyboardShortcuts): a clicker's PageDown/PageUp,
 * → ← and Space step and play, also after a slider, the scrubber or a button was used with the
 * pointer; a control reached by Tab keeps its own keys. Without a play bar the keys do nothing but
 * still leave a pointer-used slider alone.
 */
function useEmbedShortcuts(play: boolean): void {
  useKeyboardShortcuts(runKeyAction, play ? playbackOnly : noShortcuts);
}

/** "Step 5 / 60". */
function StepReadout() {
  const { cursor, steps } = useDescent(
    useShallow((s) => ({ cursor: s.cursor, steps: s.scene.steps })),
  );
  return (
    <output className="step-readout" data-testid="step-readout">
      {t('playback.step', { step: cursor, steps })}
    </output>
  );
}

/** What a requested slider (`lr:0`) needs: its optimizer, parameter, slider range and value. */
interface SliderParts {
  readonly config: OptimizerConfig;
  readonly spec: ParamSpec;
  readonly range: [number, number];
  readonly value: number;
}

/**
 * The parts of slider `control` on `optimizers`, or why it cannot be shown (`lr:9` on three
 * optimizers, `momentum:0` on Adam): the slider and the link notice ask the same question here.
 */
function sliderParts(
  control: ParamControl,
  optimizers: readonly OptimizerConfig[],
): SliderParts | { readonly missing: string } {
  const text = `${control.name}:${control.index}`;
  const config = optimizers[control.index];
  if (!config)
    return { missing: t('embed.noOptimizer', { control: text, last: optimizers.length - 1 }) };
  const spec = OPTIMIZERS[config.type].params.find((p) => p.name === control.name);
  const range = spec && spec.kind === 'number' ? sliderRange(spec) : undefined;
  const value = spec ? paramValue(config, spec) : undefined;
  if (spec && range && typeof value === 'number') return { config, spec, range, value };
  return {
    missing: t('embed.noSlider', {
      control: text,
      name: optimizerName(optimizers, control.index),
      param: control.name,
    }),
  };
}

/** One hyper-parameter slider (`lr:0`), or nothing when the scene has no such parameter. */
function ParamSlider(props: { control: ParamControl }) {
  const { index, name } = props.control;
  const optimizers = useDescent((s) => s.scene.optimizers);
  const optimizer = optimizerName(optimizers, index);
  const [problem, setProblem] = useState<string | null>(null);
  const parts = sliderParts(props.control, optimizers);
  if ('missing' in parts) return null;
  const { config, spec, range, value } = parts;
  const log = spec.log === true;
  const style = optimizerStyle(config, index);
  const label = t('embed.param', { param: name, name: optimizer });
  return (
    <div className="embed-param" data-testid={`embed-param-${name}-${index}`}>
      <label>
        <span className="embed-param-name" title={label}>
          <span className="embed-swatch" style={{ background: style.color }} aria-hidden="true" />
          <span className="embed-param-text">{label}</span>
        </span>
        <ParamRange
          value={value}
          range={range}
          log={log}
          onValue={(v) => {
            const errors = useDescent.getState().updateOptimizer(index, withParam(config, name, v));
            setProblem(errors.length > 0 ? errors.map(localMessage).join('; ') : null);
          }}
        />
      </label>
      <output className="embed-param-value">{value}</output>
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}

/**
 * Problems found in the link, and each requested slider that cannot be shown, small above the
 * map until dismissed.
 */
function EmbedNotices(props: { params: readonly ParamControl[] }) {
  const loadErrors = useDescent((s) => s.loadErrors);
  const optimizers = useDescent((s) => s.scene.optimizers);
  // The link's own problems, then each requested slider that cannot be shown.
  const [dismissed, setDismissed] = useState(false);
  const missing = dismissed
    ? []
    : props.params.flatMap((c) => {
        const parts = sliderParts(c, optimizers);
        return 'missing' in parts ? [parts.missing] : [];
      });
  if (loadErrors.length === 0 && missing.length === 0) return null;
  return (
    <div className="embed-notice" role="alert" data-testid="load-errors">
      <span>{t('app.urlProblems')}</span>{' '}
      {/* Every problem, in the notice's own scroll box (embed.css): none is dropped unsaid. */}
      {loadErrors.map((e, i) => (
        <code key={i}>
          {e.path || t('app.sceneField')}: {localMessage(e)}
        </code>
      ))}
      {missing.map((text, i) => (
        <code key={`m${i}`}>{text}</code>
      ))}
      <button
        type="button"
        onClick={() => {
          setDismissed(true);
          useDescent.getState().dismissLoadErrors();
        }}
      >
        {t('app.dismiss')}
      </button>
    </div>
  );
}

/**
 * A link to the scene as it is now in the whole app (scene, view, language; no embed parameters).
 * A sandboxed iframe without `allow-popups` silently drops a new tab: then the link is shown in a
 * field, selected, for the reader to copy.
 */
function OpenInApp() {
  const scene = useDescent((s) => s.scene);
  const view = useDescent(useShallow(viewOf));
  const href = appLink(window.location.href, scene, view);
  const [blocked, setBlocked] = useState<string | null>(null);
  const copyRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (blocked === null) return;
    copyRef.current?.focus();
    copyRef.current?.select();
  }, [blocked]);
  // The step moves on during playback: the address is brought up to date when it is used.
  const refresh = (event: { currentTarget: HTMLAnchorElement }): string => {
    const s = useDescent.getState();
    const now = appLink(window.location.href, s.scene, viewOf(s));
    event.currentTarget.href = now;
    return now;
  };
  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    const now = refresh(event);
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)
      return;
    // window.open says whether the tab opened (null when the sandbox or a blocker refused it).
    event.preventDefault();
    const tab = window.open(now, '_blank');
    if (tab) tab.opener = null;
    else setBlocked(now);
  };
  return (
    <>
      <a
        className="embed-open"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        onClick={open}
        onAuxClick={refresh}
        onContextMenu={refresh}
        data-testid="open-in-app"
      >
        {t('embed.open')}
      </a>
      {blocked !== null && (
        <span className="embed-open-blocked" role="status" data-testid="open-blocked">
          <label>
            {t('embed.openBlocked')}
            <input
              type="text"
              readOnly
              value={blocked}
              ref={copyRef}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="open-blocked-link"
            />
          </label>
          <button type="button" onClick={() => setBlocked(null)}>
            {t('embed.openBlockedClose')}
          </button>
        </span>
      )}
    </>
  );
}

/** Tallest iframe (CSS px) given the short layout: embed.css's `max-height: 420px` query. */
const SHORT_EMBED = 420;

/**
 * The height the layout needs at this width (the height notice): everything but the map as it is
 * now, plus the map at its domain's aspect across the width, its plot no taller than
 * NATURAL_PLOT_HEIGHT, plus the charts' full height. A height of SHORT_EMBED or less gets the
 * short layout (the paths' key without the colour key, see embed.css), so the notice asks for the
 * full layout's height when that is taller than SHORT_EMBED and for the short layout's otherwise:
 * at the height asked for, everything shown fits with no blank band.
 */
function naturalHeight(
  root: HTMLElement,
  main: HTMLElement,
  naturalPlot: number,
  sideHeight: number,
): number {
  const panel = main.querySelector<HTMLElement>('.map-panel');
  const plot = main.querySelector<HTMLElement>('[data-testid="map-plot"]');
  const side = main.querySelector<HTMLElement>('.embed-side');
  if (!panel || !plot) return root.offsetHeight;
  // The colour key: out of flow (measured, not shown) in the short layout.
  const colour = panel.querySelector<HTMLElement>('.map-legends .legend');
  const legends = panel.querySelector<HTMLElement>('.map-legends');
  const key = panel.querySelector<HTMLElement>('.map-key');
  // Out of flow in the shortest layout (a column over the map): measured as the row it is under
  // the map in a taller iframe, which is what the height asked for is for.
  const keyOverMap = key !== null && getComputedStyle(key).position === 'absolute';
  if (keyOverMap) key.classList.add('map-key--measured');
  const now = naturalPlot + panel.offsetHeight - plot.offsetHeight;
  let full = now;
  let short = now;
  if (legends && colour) {
    const keyStyle = key ? getComputedStyle(key) : null;
    const keyOuter = key && keyStyle ? key.offsetHeight + parseFloat(keyStyle.marginTop) : 0;
    if (getComputedStyle(colour).position === 'absolute') {
      // Where the colour key would go (embed.css / app.css .map-legends: one wrapping row): beside
      // the paths' key when both fit on a line at their flex bases, else on a line of its own.
      const row = getComputedStyle(legends);
      const width = legends.clientWidth;
      const items = key
        ? Array.from(key.children).map((li) => (li as HTMLElement).offsetWidth)
        : [];
      const keyWidth =
        items.reduce((sum, w) => sum + w, 0) +
        (parseFloat(keyStyle?.columnGap ?? '') || 0) * Math.max(0, items.length - 1) +
        (parseFloat(keyStyle?.paddingLeft ?? '') || 0) +
        (parseFloat(keyStyle?.paddingRight ?? '') || 0);
      const colourBasis = Math.max(
        0.4 * width,
        Math.min(width, 24 * parseFloat(getComputedStyle(colour).fontSize)),
      );
      const beside = keyWidth + (parseFloat(row.columnGap) || 0) + colourBasis <= width;
      const fullLegends = beside
        ? Math.max(keyOuter, colour.offsetHeight)
        : keyOuter + (key ? parseFloat(row.rowGap) || 0 : 0) + colour.offsetHeight;
      full = now - legends.offsetHeight + fullLegends;
    } else {
      // The legends without the colour key: the paths' key alone.
      short = now - legends.offsetHeight + keyOuter;
    }
  }
  if (keyOverMap) key.classList.remove('map-key--measured');
  // Everything around the map and charts: padding, notices, controls (not the centring slack),
  // measured without the Charts button: at the height asked for the charts are whole and it is
  // hidden (with it, a narrow iframe's last row wraps and the notice asked 19 px too much).
  const style = getComputedStyle(root);
  let chrome = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  const toggle = root.querySelector<HTMLElement>('.embed-charts-toggle');
  if (toggle) toggle.style.display = 'none';
  for (const child of Array.from(root.children)) {
    if (child === main || !(child instanceof HTMLElement)) continue;
    const margins = getComputedStyle(child);
    chrome += child.offsetHeight + parseFloat(margins.marginTop) + parseFloat(margins.marginBottom);
  }
  if (toggle) toggle.style.removeProperty('display');
  // Sliders scrolled in their own list (too many for the iframe): asked for whole.
  const params = root.querySelector<HTMLElement>('.embed-params');
  if (params) chrome += params.scrollHeight - params.clientHeight;
  const total = (stage: number): number => {
    if (!side) return chrome + stage;
    const layout = getComputedStyle(main);
    if (layout.flexDirection === 'row') return chrome + Math.max(stage, sideHeight);
    return chrome + stage + (parseFloat(layout.rowGap) || 0) + sideHeight;
  };
  const fullHeight = Math.ceil(total(full));
  return fullHeight > SHORT_EMBED ? fullHeight : Math.ceil(total(short));
}

/**
 * The most height (px) the sliders' list may take so that the map's stage keeps `stageMin` px
 * inside the iframe, or undefined when every slider fits. Many sliders in a short iframe (five in
 * 320 × 240) pushed the map out of the top; they scroll in their own list instead, at least one
 * slider tall, and the height notice asks for the height where all of them show.
 */
function paramsRoom(
  root: HTMLElement,
  main: HTMLElement,
  stage: HTMLElement,
  stageMin: number,
): number | undefined {
  const params = root.querySelector<HTMLElement>('.embed-params');
  if (!params) return undefined;
  const style = getComputedStyle(root);
  const inner = root.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  // Everything but the map's stage and the sliders' list: the notices, what is beside the stage
  // (the charts, when shown), the playback row and the step line, at their heights now.
  let others = Math.max(0, main.scrollHeight - stage.offsetHeight) - params.offsetHeight;
  for (const child of Array.from(root.children)) {
    if (!(child instanceof HTMLElement) || child === main) continue;
    const margins = getComputedStyle(child);
    others += child.offsetHeight + parseFloat(margins.marginTop) + parseFloat(margins.marginBottom);
  }
  // Every slider fits beside the smallest map: no cap.
  if (inner - others - stageMin >= params.scrollHeight) return undefined;
  // Else the map keeps a fair share (MAP_SHARE of the iframe; a 60 px map was a stamp whose tick
  // labels ran together) and the list shows whole rows: a half-hidden slider read as another.
  const room = inner - others - Math.max(stageMin, MAP_SHARE * inner);
  const row = params.firstElementChild;
  const oneSlider = row instanceof HTMLElement ? row.offsetHeight : 0;
  if (oneSlider <= 0) return Math.max(0, Math.floor(room));
  const gap = parseFloat(getComputedStyle(params).rowGap) || 0;
  const rows = Math.max(1, Math.floor((room + gap) / (oneSlider + gap)));
  return rows * oneSlider + (rows - 1) * gap;
}

/** The least share of a short iframe's height the map keeps when the sliders must scroll. */
const MAP_SHARE = 0.4;

/**
 * The height of `el`'s content: its children's extent and its padding (px). Not its scrollHeight:
 * beside the map (a row) the charts' column is stretched to the iframe's height, and a notice
 * that followed that height asked for whatever height the host had set (614 px, then 900).
 */
function contentHeight(el: HTMLElement): number {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  let bottom = box.top + parseFloat(style.paddingTop);
  for (const child of Array.from(el.children)) {
    if (!(child instanceof HTMLElement) || child.offsetParent === null) continue;
    const margin = parseFloat(getComputedStyle(child).marginBottom) || 0;
    bottom = Math.max(bottom, child.getBoundingClientRect().bottom + margin);
  }
  // Children scrolled up out of the box still count.
  return bottom - box.top + el.scrollTop + parseFloat(style.paddingBottom);
}

/** The length of the union of the boxes' vertical extents (px). */
function verticalUnion(boxes: readonly { top: number; bottom: number }[]): number {
  const sorted = [...boxes].sort((a, b) => a.top - b.top);
  let total = 0;
  let end = -Infinity;
  for (const { top, bottom } of sorted) {
    if (bottom <= end) continue;
    total += bottom - Math.max(top, end);
    end = bottom;
  }
  return total;
}

/** Most points of one path the key's placement looks at (it is placed for the whole run). */
const KEY_POINTS_PER_PATH = 300;

/**
 * In a short iframe the paths' key is out of flow (embed.css): beside the plot when the
 * letter-box there holds it, else in the plot's corner that hides the fewest drawn points
 * (shortKeyPlace.ts). Sets `--embed-key-left` and `--embed-key-top` (px) on the stage.
 */
function placeShortKeyOnStage(stage: HTMLElement): void {
  const panel = stage.querySelector<HTMLElement>('.map-panel');
  const plot = stage.querySelector<HTMLElement>('[data-testid="map-plot"]');
  const key = panel?.querySelector<HTMLElement>('.map-key');
  if (!panel || !plot || !key || getComputedStyle(key).position !== 'absolute') {
    stage.style.removeProperty('--embed-key-left');
    stage.style.removeProperty('--embed-key-top');
    stage.style.removeProperty('--embed-map-justify');
    return;
  }
  // Absolute boxes are placed from the panel's padding edge, inside its border.
  const panelBox = panel.getBoundingClientRect();
  const originX = panelBox.left + panel.clientLeft;
  const originY = panelBox.top + panel.clientTop;
  const plotBox = plot.getBoundingClientRect();
  const box = {
    left: plotBox.left - originX,
    top: plotBox.top - originY,
    width: plotBox.width,
    height: plotBox.height,
  };
  const s = useDescent.getState();
  // The map's own projection (MapView), moved to the plot's place in the panel.
  const projection = makeProjection(visibleDomain(s), box.width, box.height);
  const points: number[] = [];
  const add = (x: number, y: number, weight: number): void => {
    const [sx, sy] = projection.toScreen([x, y]);
    const px = box.left + sx;
    const py = box.top + sy;
    if (!Number.isFinite(px) || !Number.isFinite(py)) return;
    for (let w = 0; w < weight; w++) points.push(px, py);
  };
  // The start and the minima count as many path points: hiding one hides the story's ends.
  add(s.scene.start[0], s.scene.start[1], 50);
  for (const m of s.surface.minima) add(m[0], m[1], 20);
  s.trajectories.forEach((tr, i) => {
    if (s.scene.optimizers[i]?.hidden) return;
    const every = Math.max(1, Math.ceil(tr.length / KEY_POINTS_PER_PATH));
    for (let k = 0; k < tr.length; k += every) add(tr.points[2 * k]!, tr.points[2 * k + 1]!, 1);
  });
  // The map's row (.map-box centres .map in it): the width it leaves free beside the map.
  const row = panel.querySelector<HTMLElement>('.map-box');
  const map = row?.querySelector<HTMLElement>('.map');
  const at = placeShortKey({
    panel: { width: panel.clientWidth, height: panel.clientHeight },
    plot: box,
    key: { width: key.offsetWidth, height: key.offsetHeight },
    points,
    ...(row && map
      ? {
          row: {
            slack: Math.max(0, row.clientWidth - map.offsetWidth),
            atStart: stage.style.getPropertyValue('--embed-map-justify') === 'flex-start',
          },
        }
      : {}),
  });
  stage.style.setProperty('--embed-key-left', `${Math.round(at.left)}px`);
  stage.style.setProperty('--embed-key-top', `${Math.round(at.top)}px`);
  if (at.mapAtStart) stage.style.setProperty('--embed-map-justify', 'flex-start');
  else stage.style.removeProperty('--embed-map-justify');
}

/**
 * The embedded scene. It fills its iframe: the controls keep their height at the bottom and the
 * map takes the box that is left, at its domain's aspect (letter-boxed), so every control stays in
 * view at any iframe size from 320 × 240. It also tells the host the height it would like.
 */
export function EmbedApp(props: { options: EmbedOptions }) {
  const { controls } = props.options;
  const rootRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [plotMax, setPlotMax] = useState(MIN_PLOT_HEIGHT);
  // The sliders' list height when they would push the map out of the iframe (else unset).
  const [paramsMax, setParamsMax] = useState<number | undefined>(undefined);
  const [fullStage, setFullStage] = useState<number | undefined>(undefined);
  const [chartsSwap, setChartsSwap] = useState(false);
  const sideHeight = useRef(0);
  // The charts' height scale when swapped into the map's place (1 otherwise).
  const chartsScale = useRef(1);
  const [chartsHeightScale, setChartsHeightScale] = useState(1);
  const gestures = useCooperativeGestures(stageRef);
  useEmbedShortcuts(controls.play);
  const domain = useDescent((s) => s.domain ?? s.surface.domain);
  const domainRef = useRef(domain);
  useLayoutEffect(() => {
    domainRef.current = domain;
  }, [domain]);

  useLayoutEffect(() => {
    const root = rootRef.current;
    const main = mainRef.current;
    const stage = stageRef.current;
    if (!root || !main || !stage) return;
    const notify = heightNotifier();
    const side = main.querySelector<HTMLElement>('.embed-side');
    const measure = (): void => {
      const panel = stage.querySelector<HTMLElement>('.map-panel');
      const plot = stage.querySelector<HTMLElement>('[data-testid="map-plot"]');
      const box = stage.querySelector<HTMLElement>('.map-box');
      if (!panel || !plot || !box) return;
      // What the map panel needs besides its plot: the axes' margins and the keys under it.
      const overhead = panel.offsetHeight - plot.offsetHeight;
      setPlotMax(Math.max(MIN_PLOT_HEIGHT, Math.floor(stage.clientHeight - overhead)));
      placeShortKeyOnStage(stage);
      // The most the map could use: its plot across the whole width. A taller iframe centres
      // map and controls together rather than opening a gap between them. With the charts under
      // the map, its natural size: a larger one would take their height (both give up height in
      // proportion when the iframe is short).
      const stacked = side !== null && getComputedStyle(main).flexDirection !== 'row';
      const tallest = stacked ? NATURAL_PLOT_HEIGHT : 1e6;
      setFullStage(
        Math.ceil(overhead + plotSize(domainRef.current, box.clientWidth, tallest).height),
      );
      const naturalPlot = plotSize(domainRef.current, box.clientWidth, NATURAL_PLOT_HEIGHT).height;
      // The charts' height while they are shown (unscaled); the last one measured while hidden.
      if (side !== null && getComputedStyle(side).display !== 'none') {
        const s = chartsScale.current;
        // The height the charts' plots take down the box (side by side ones counted once).
        const chartPx = verticalUnion(
          Array.from(side.querySelectorAll('.descent-chart__svg'), (c) =>
            c.getBoundingClientRect(),
          ),
        );
        const other = contentHeight(side) - chartPx;
        sideHeight.current = other + chartPx / s;
        // Swapped into the map's place, the charts shrink to fit its box rather than be cut.
        const swapped = getComputedStyle(side).position === 'absolute';
        const next =
          swapped && chartPx > 0
            ? Math.min(1, Math.max(0.3, (s * (side.clientHeight - other)) / chartPx))
            : 1;
        if (Math.abs(next - s) > 0.02 || (next === 1 && s !== 1)) {
          chartsScale.current = next;
          setChartsHeightScale(next);
        }
      }
      setParamsMax(paramsRoom(root, main, stage, overhead + MIN_PLOT_HEIGHT));
      const wanted = naturalHeight(root, main, naturalPlot, sideHeight.current);
      notify(wanted);
      // Shorter than map and charts need: the charts go behind a button (not squeezed).
      setChartsSwap(side !== null && root.clientHeight + 1 < wanted);
    };
    const observer = new ResizeObserver(measure);
    for (const el of [root, main, stage, ...Array.from(root.children)]) observer.observe(el);
    // The map panel, and the keys under it (out of flow in a short iframe; the colour key is
    // filled once computed, the paths' key changes with the optimizers shown).
    for (const el of Array.from(
      stage.querySelectorAll('.map-panel, .map-legends, .legend, .map-key'),
    ))
      observer.observe(el);
    if (side) for (const el of Array.from(side.children)) observer.observe(el);
    measure();
    // The key moves off the paths when they change (a slider, a new scene).
    const unsubscribe = useDescent.subscribe(
      (s) => s.trajectories,
      () => placeShortKeyOnStage(stage),
    );
    return () => {
      observer.disconnect();
      unsubscribe();
    };
  }, []);

  // In a short iframe the charts take the map's place on demand instead of squeezing it.
  const [chartsUp, setChartsUp] = useState(false);
  const mainClass = ['embed-main', controls.charts && 'with-side', chartsUp && 'charts-up']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={rootRef}
      className={chartsSwap ? 'embed embed--charts-swap' : 'embed'}
      data-testid="embed"
    >
      <EmbedNotices params={controls.params} />
      <ErrorBoundary name="map">
        <div ref={mainRef} className={mainClass}>
          <div
            ref={stageRef}
            className="embed-stage"
            style={{ height: fullStage }}
            data-testid="embed-stage"
          >
            <MapView maxHeight={plotMax} gestureFilter={gestures.filter} tapSetsStart={false} />
            <GestureHintBanner hint={gestures.hint} />
          </div>
          {controls.charts && (
            <div className="embed-side" data-testid="embed-side">
              <ErrorBoundary name="charts">
                <ChartsPanel heightScale={chartsHeightScale} />
              </ErrorBoundary>
            </div>
          )}
        </div>
        <div className="embed-controls" data-testid="embed-controls">
          {controls.play && <EmbedPlayback />}
          {controls.params.length > 0 && (
            <div
              className="embed-params"
              style={
                paramsMax === undefined ? undefined : { maxHeight: paramsMax, overflowY: 'auto' }
              }
              data-testid="embed-params"
            >
              {controls.params.map((c) => (
                <ParamSlider key={`${c.name}:${c.index}`} control={c} />
              ))}
            </div>
          )}
          <p className="embed-meta">
            {controls.play && <StepReadout />}
            {controls.charts && (
              <ChartsToggle chartsUp={chartsUp} onToggle={() => setChartsUp((up) => !up)} />
            )}
            <OpenInApp />
          </p>
        </div>
      </ErrorBoundary>
    </div>
  );
}

/**
 * In a short iframe, the button that puts the charts in the map's place and back. Its text names
 * what a press shows; aria-pressed would read "Map, pressed" while the charts are up.
 */
function ChartsToggle(props: { chartsUp: boolean; onToggle: () => void }) {
  // Its long label is in the texts loaded after the first paint: asked for once they are here
  // (asking before would show it empty), and re-rendered when they arrive.
  useLocale();
  const label = !allTextsLoaded() ? '' : props.chartsUp ? t('embed.toMap') : t('embed.toCharts');
  return (
    <button
      type="button"
      className="embed-charts-toggle"
      aria-label={label || undefined}
      title={label || undefined}
      onClick={props.onToggle}
      data-testid="embed-charts-toggle"
    >
      {props.chartsUp ? t('embed.showMap') : t('embed.showCharts')}
    </button>
  );
}
