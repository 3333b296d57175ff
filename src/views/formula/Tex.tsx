import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type KatexModule from 'katex';
import { afterFirstPaint } from '../hooks/afterFirstPaint';
import { maxReflowLevel, reflowTex } from './reflow';

type Katex = typeof KatexModule;

let katex: Katex | undefined;
let katexLoading: Promise<Katex> | undefined;

/**
 * Loads KaTeX and its stylesheet once, on first use, so neither weighs on the initial bundle.
 * A failed load is forgotten so a later render can try again.
 */
export function loadKatex(): Promise<Katex> {
  katexLoading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([module]) => {
      katex = module.default;
      return module.default;
    },
    (error: unknown) => {
      katexLoading = undefined;
      throw error;
    },
  );
  return katexLoading;
}

/** KaTeX's safe settings: no \href/\url/\includegraphics, bounded sizes and macro expansion. */
const KATEX_OPTIONS = {
  trust: false,
  maxSize: 10,
  maxExpand: 100,
  throwOnError: false,
  strict: 'ignore',
} as const;

/** True once KaTeX has loaded; the first call starts loading it. */
function useKatexReady(): boolean {
  const [ready, setReady] = useState(katex !== undefined);
  useEffect(() => {
    if (ready) return;
    let live = true;
    // KaTeX (~75 KB gzip) is not fetched while the first scene is being drawn.
    afterFirstPaint(() => {
      if (!live) return;
      loadKatex().then(
        () => {
          if (live) setReady(true);
        },
        () => undefined,
      );
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}

/** KaTeX's HTML for `tex`, or the raw TeX in a <code> until KaTeX is `ready`. */
function TexView(props: {
  tex: string;
  display: boolean;
  className?: string | undefined;
  ready: boolean;
}) {
  const { tex, display, className, ready } = props;
  const html = useMemo(
    () =>
      ready && katex
        ? katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display })
        : undefined,
    [ready, tex, display],
  );
  const classes = ['descent-tex', display ? 'descent-tex--display' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  if (html === undefined) {
    return (
      <span className={classes} aria-busy="true">
        <code>{tex}</code>
      </span>
    );
  }
  // Safe: KaTeX output of app-built TeX with trust: false (see DESIGN.md, Safety notes).
  // A display formula may scroll sideways on a narrow screen: keyboard users can focus and scroll it.
  return (
    <span
      className={classes}
      tabIndex={display ? 0 : undefined}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/**
 * TeX rendered by KaTeX (loaded lazily). Until KaTeX arrives the raw TeX shows in a <code>.
 * The TeX must come from the app's own templates and numbers, never from user text.
 */
export function Tex(props: { tex: string; display?: boolean; className?: string }) {
  const ready = useKatexReady();
  return (
    <TexView
      tex={props.tex}
      display={props.display ?? false}
      className={props.className}
      ready={ready}
    />
  );
}

/** Font scales tried, in order, once every reflow level is still too wide. */
const SHRINK = [0.88, 0.76] as const;

/** One way to set a formula: a reflow level, a font scale, and whether it must fit the box's height too. */
interface Fit {
  readonly level: number;
  readonly scale: number | undefined;
  readonly height: boolean;
  /** Terms on two balanced rows rather than one row each (see reflowTex's `twoRows`). */
  readonly twoRows: boolean;
}

/**
 * The fits FitTex tries, in order. Fitting the width: every reflow level at full size, then the
 * narrowest form shrunk. With `fitHeight`, first the fits that also keep the box at its CSS
 * `min-height` (one row, then two rows, then each level, each at full size then smaller), so a box
 * sized before KaTeX arrives keeps its size and the panels below stay put; the width-only fits
 * follow for a formula that fits no such way.
 */
function fitsToTry(lastReflow: number, fitHeight: boolean): Fit[] {
  const fit = (level: number, scale?: number, height = false, twoRows = false): Fit => ({
    level,
    scale,
    height,
    twoRows,
  });
  const levels = Array.from({ length: lastReflow + 1 }, (_, level) => level);
  const widthOnly = [
    ...levels.map((level) => fit(level)),
    // Past the last level reflowTex also breaks inside \Big( … \Big) (its narrowest form).
    ...SHRINK.map((scale, i) => fit(lastReflow + 1 + i, scale)),
  ];
  if (!fitHeight) return widthOnly;
  const scales = [undefined, ...SHRINK];
  const both = [
    ...scales.map((scale) => fit(0, scale, true)),
    ...scales.map((scale) => fit(2, scale, true, true)),
    ...[...levels.slice(1), lastReflow + 1].flatMap((level) =>
      scales.map((scale) => fit(level, scale, true)),
    ),
  ];
  return [...both, ...widthOnly];
}

/**
 * A display formula that fits its column: rendered at reflow level 0, then, while KaTeX's output is
 * wider than the box, at the next level (chains, then terms, then column vectors on their own rows;
 * see reflowTex), then a little smaller. With `fitHeight` it first tries to fit the height its
 * parent reserves (CSS `min-height`) as well, smaller type before more rows. A wider box or newly
 * loaded fonts start again from the first fit, so wide screens keep one row per equation. Give it
 * a `key` that changes with the formula's structure (e.g. the optimizer shown) so a new formula
 * starts from the first fit too; mere number changes keep the fit.
 */
export function FitTex(props: {
  tex: string;
  className?: string;
  columnVectors?: boolean;
  fitHeight?: boolean;
}) {
  const { tex, className, columnVectors = false, fitHeight = false } = props;
  const ready = useKatexReady();
  const box = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const [width, setWidth] = useState(0);
  const [fontsLoaded, setFontsLoaded] = useState(0);
  const fits = useMemo(
    () => fitsToTry(maxReflowLevel({ columnVectors }), fitHeight),
    [columnVectors, fitHeight],
  );
  const fit = fits[index]!;
  const shown = useMemo(
    () => reflowTex(tex, fit.level, { columnVectors, twoRows: fit.twoRows }),
    [tex, fit.level, fit.twoRows, columnVectors],
  );

  // Before paint: the next fit while the formula is wider (or taller) than its box.
  useLayoutEffect(() => {
    const el = box.current;
    if (!ready || el === null) return;
    const inner = el.firstElementChild;
    const overflows = (e: Element): boolean => e.scrollWidth > e.clientWidth;
    const parent = el.parentElement;
    const tooTall = (): boolean => {
      if (!fit.height || parent === null) return false;
      const reserved = parseFloat(getComputedStyle(parent).minHeight);
      return Number.isFinite(reserved) && parent.getBoundingClientRect().height > reserved + 1;
    };
    if (
      (overflows(el) || (inner !== null && overflows(inner)) || tooTall()) &&
      index < fits.length - 1
    ) {
      setIndex(index + 1);
    }
  }, [ready, shown, fit, index, fits, width, fontsLoaded]);

  useLayoutEffect(() => {
    const el = box.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    let last = Math.round(el.clientWidth);
    const observer = new ResizeObserver(() => {
      const w = Math.round(el.clientWidth);
      if (w === last) return;
      if (w > last) setIndex(0);
      last = w;
      setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    if (fonts === undefined) return;
    // Metrics change when KaTeX's own fonts replace the fallback: fit again from the start.
    const refit = (): void => {
      setIndex(0);
      setFontsLoaded((n) => n + 1);
    };
    fonts.addEventListener('loadingdone', refit);
    return () => fonts.removeEventListener('loadingdone', refit);
  }, []);

  return (
    <div
      ref={box}
      className="descent-fit"
      data-reflow-level={fit.level}
      style={{
        maxWidth: '100%',
        minWidth: 0,
        ...(fit.scale !== undefined ? { fontSize: `${fit.scale * 100}%` } : {}),
      }}
    >
      <TexView tex={shown} display className={className} ready={ready} />
    </div>
  );
}
