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

/** The class list of a rendered formula's element (TexView's, and FitTex's hidden copy). */
function texClasses(display: boolean, className: string | undefined): string {
  return ['descent-tex', display ? 'descent-tex--display' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
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
  const classes = texClasses(display, className);
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
 * Index of the first of `fits`, from `from` on, whose formula should fit `box`: not wider than the
 * box, and, for fits that ask, no taller than the height the box's parent reserves (CSS
 * `min-height`, less its padding and border; the box is the parent's only child in flow). The last
 * index when none does. FitTex checks the chosen fit on the live box and searches on if it is off.
 *
 * Each distinct reflow of the formula is set once, at full size, in a hidden, fixed, size-contained
 * copy of the box, and all are measured in one layout; a fit's font scale shrinks its width and
 * height in proportion (KaTeX sizes everything in em). Stepping the live box one fit per render
 * re-rendered and laid the page out per try (Beale's formula: 11 tries; Ackley's and the bumps'
 * 22–28, as a width change restarted them), and a layout per try even in the copy cost 2–12 ms
 * each (Chromium, 2 cores).
 */
function firstFitting(
  box: HTMLElement,
  fits: readonly Fit[],
  from: number,
  html: (fit: Fit) => string,
  texClassName: string,
): number {
  const width = box.clientWidth;
  const parent = box.parentElement;
  let allowed = Infinity;
  if (parent !== null) {
    const style = getComputedStyle(parent);
    const reserved = parseFloat(style.minHeight);
    const frame =
      style.boxSizing === 'border-box'
        ? parseFloat(style.paddingTop) +
          parseFloat(style.paddingBottom) +
          parseFloat(style.borderTopWidth) +
          parseFloat(style.borderBottomWidth)
        : 0;
    if (Number.isFinite(reserved)) allowed = reserved - frame;
  }
  const probe = document.createElement('div');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:0;contain:strict;visibility:hidden;pointer-events:none`;
  const copies = new Map<string, { copy: HTMLElement; formula: HTMLElement }>();
  const shapeOf = (fit: Fit): string => `${fit.level}/${fit.twoRows}`;
  for (let i = from; i < fits.length; i++) {
    const shape = shapeOf(fits[i]!);
    if (copies.has(shape)) continue;
    const copy = document.createElement('div');
    copy.className = box.className;
    // Its own formatting context, so KaTeX's display margins count in its height as in the box;
    // no scroll bar on the formula, whose height would not shrink with the font.
    copy.style.cssText = 'max-width:100%;min-width:0;display:flow-root';
    const formula = document.createElement('span');
    formula.className = texClassName;
    formula.style.overflow = 'visible';
    // Safe: KaTeX output of app-built TeX with trust: false, as TexView renders it.
    formula.innerHTML = html(fits[i]!);
    copy.append(formula);
    probe.append(copy);
    copies.set(shape, { copy, formula });
  }
  // Beside the box, so the copies inherit its fonts and match the same CSS rules.
  (parent ?? box).append(probe);
  const sizes = new Map<string, { width: number; height: number }>();
  for (const [shape, { copy, formula }] of copies) {
    sizes.set(shape, {
      width: Math.max(copy.scrollWidth, formula.scrollWidth),
      height: copy.getBoundingClientRect().height,
    });
  }
  probe.remove();
  for (let i = from; i < fits.length; i++) {
    const fit = fits[i]!;
    const size = sizes.get(shapeOf(fit))!;
    const scale = fit.scale ?? 1;
    const wide = size.width > width && size.width * scale > width;
    const tall = fit.height && size.height * scale > allowed + 1;
    if (!wide && !tall) return i;
  }
  return fits.length - 1;
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

  // Before paint: when the shown fit is wider (or taller) than its box, the first later fit that
  // is not, found in a hidden copy of the box (see firstFitting).
  useLayoutEffect(() => {
    const el = box.current;
    if (!ready || katex === undefined || el === null || index >= fits.length - 1) return;
    const inner = el.firstElementChild;
    const overflows = (e: Element): boolean => e.scrollWidth > e.clientWidth;
    const parent = el.parentElement;
    const tooTall = (): boolean => {
      if (!fit.height || parent === null) return false;
      const reserved = parseFloat(getComputedStyle(parent).minHeight);
      return Number.isFinite(reserved) && parent.getBoundingClientRect().height > reserved + 1;
    };
    if (!overflows(el) && !(inner !== null && overflows(inner)) && !tooTall()) return;
    const render = katex.renderToString;
    const html = (f: Fit): string =>
      render(reflowTex(tex, f.level, { columnVectors, twoRows: f.twoRows }), {
        ...KATEX_OPTIONS,
        displayMode: true,
      });
    setIndex(firstFitting(el, fits, index + 1, html, texClasses(true, className)));
  }, [ready, shown, fit, index, fits, width, fontsLoaded, tex, columnVectors, className]);

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
