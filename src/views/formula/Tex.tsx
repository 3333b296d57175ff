import { useEffect, useMemo, useState } from 'react';
import type KatexModule from 'katex';
import { afterFirstPaint } from '../hooks/afterFirstPaint';

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

/**
 * TeX rendered by KaTeX (loaded lazily). Until KaTeX arrives the raw TeX shows in a <code>.
 * The TeX must come from the app's own templates and numbers, never from user text.
 */
export function Tex(props: { tex: string; display?: boolean; className?: string }) {
  const { tex, display = false, className } = props;
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
