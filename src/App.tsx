import { isWatchdogReason } from './worker/workerClient';
import { ProblemList } from './views/ProblemList';
import { lazy, Suspense, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { loadAllTexts, t, useLocale, withAllTexts } from './i18n';
import { useDescent } from './state/store';
import type { DescentState } from './state/store';
import { currentLink } from './state/url';
import { OptimizerPanel } from './views/controls/OptimizerPanel';
import { PlaybackBar, ViewToggles } from './views/controls/PlaybackBar';
import { SurfacePanel } from './views/controls/SurfacePanel';
import { AnalyzeEntry } from './views/analysis/AnalyzeEntry';
import { EmbedButton } from './views/embed/EmbedButton';
import { ErrorBoundary } from './views/ErrorBoundary';
import { LanguageSwitcher } from './views/LanguageSwitcher';
import { LiveRegion } from './views/a11y/LiveRegion';
import { LessonPanel } from './views/lessons/LessonPanel';
import { PredictPanel } from './views/predict/PredictEntry';
import { ShortcutsButton } from './views/lessons/ShortcutsButton';
import { useShortcuts } from './views/lessons/useShortcuts';
import { ThemeToggle } from './views/theme/ThemeToggle';
import { PanelHelp } from './views/help/PanelHelp';
import { Welcome } from './views/help/Welcome';
import { usePresent } from './state/present';
import { useThrottledStore } from './views/hooks/useThrottledStore';
import { useAfterFirstPaint } from './views/hooks/afterFirstPaint';
import { loadOptimizers } from './engine/optimizers';
import { lazyAfterFirstPaint } from './views/hooks/lazyAfterFirstPaint';
import { COARSE_POINTER, useMediaQuery, WIDE_LAYOUT } from './views/hooks/useMediaQuery';
import { MapView } from './views/map/MapView';
import { optimizerStyle } from './views/palette';

// Presenting is a mode a lesson turns on: its view is a chunk of its own.
const PresenterView = lazy(() =>
  withAllTexts(import('./views/lessons/PresenterView')).then((m) => ({ default: m.PresenterView })),
);
// The charts follow the map: their code (StepChart, log and symlog scales) loads after the
// map's first paint, in a box of their size so nothing moves when they arrive.
const ChartsPanel = lazyAfterFirstPaint(
  () => import('./views/ChartsPanel').then((m) => m.ChartsPanel),
  <section className="panel charts-panel charts-panel--pending" aria-busy="true" />,
);
/** Opened without a scene or view in the URL: a first visit, which gets the welcome card. */
const FIRST_VISIT =
  typeof window !== 'undefined' && !/[?&](scene|view)=/.test(window.location.search);

// The export menu (PNG/SVG/GIF/WebM/MP4/CSV/JSON/PyTorch) is used after the picture is there: its
// code and styles load after the first paint, in a placeholder of its size.
// Touch screens only, and nobody pans before the first paint: the gesture rule comes after it.
const TouchGestures = lazyAfterFirstPaint(() =>
  import('./views/embed/gestures').then((m) => m.TouchGestures),
);
const ExportMenu = lazyAfterFirstPaint(
  () => import('./views/export/ExportMenu').then((m) => m.ExportMenu),
  <span className="export-menu--pending" aria-hidden="true" />,
);

// The shortcuts dialog opens on `?`, never on the first screen.
const ShortcutsDialog = lazyAfterFirstPaint(() =>
  import('./views/lessons/ShortcutsDialog').then((m) => m.ShortcutsDialog),
);
const LabPage = lazy(() => withAllTexts(import('./views/lab/LabPage')));
// Lesson previews simulate on the main thread: they wait for every optimizer family.
const LessonsPage = lazy(() =>
  Promise.all([import('./views/lessons/LessonsPage'), loadOptimizers(), loadAllTexts()]).then(
    ([m]) => m,
  ),
);

/** The pages of the app. */
export type Page = 'visualizer' | 'lab' | 'lessons';

// The formula panel inspects steps on the main thread: it waits for every optimizer family.
const FormulaPanel = lazy(() =>
  Promise.all([import('./views/formula/FormulaPanel'), loadOptimizers(), loadAllTexts()]).then(
    ([m]) => ({
      default: m.FormulaPanel,
    }),
  ),
);

function CopyLink() {
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string }
  >({
    kind: 'idle',
  });
  const copy = (): void => {
    const link = currentLink();
    const manual = (): void => setState({ kind: 'manual', link });
    if (!navigator.clipboard) return manual();
    navigator.clipboard.writeText(link).then(() => {
      setState({ kind: 'copied' });
      setTimeout(() => setState({ kind: 'idle' }), 2000);
    }, manual);
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={copy} data-testid="copy-link">
        {t('app.copyLink')}
      </button>
      {state.kind === 'copied' && <span role="status">{t('app.copied')}</span>}
      {state.kind === 'manual' && (
        <label className="manual-link">
          <span>{t('app.copyFailed')}</span>
          <input readOnly value={state.link} onFocus={(e) => e.target.select()} autoFocus />
        </label>
      )}
    </div>
  );
}

function Notices() {
  const { loadErrors, engineError } = useDescent(
    useShallow((s) => ({ loadErrors: s.loadErrors, engineError: s.engineError })),
  );
  if (loadErrors.length === 0 && !engineError) return null;
  return (
    <div className="notices">
      {loadErrors.length > 0 && (
        <div className="notice" role="alert" data-testid="load-errors">
          <p>{t('app.urlProblems')}</p>
          {/* Every problem: a ninth one (a bad theme= after eight scene fields) was dropped unsaid. */}
          <ProblemList problems={loadErrors} unnamed={t('app.sceneField')} />
          <button type="button" onClick={() => useDescent.getState().dismissLoadErrors()}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      {engineError && (
        // The worker's own reason is English (a stack's message, the watchdog's "no answer within
        // … ms"): the reader gets the catalogue's sentence for its kind, tools the detail.
        <div className="notice" role="alert" data-testid="engine-error" data-detail={engineError}>
          <p>{t(isWatchdogReason(engineError) ? 'app.workerTimeout' : 'app.workerError')}</p>
          <button type="button" onClick={() => useDescent.getState().setEngineError(null)}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

/** How often the formula panel may change while a slider drags or playback runs. */
const FORMULA_UPDATE_MS = 120;

/** What the formula panel shows, read from the store. */
const formulaSlice = (s: DescentState) => ({
  scene: s.scene,
  surface: s.surface,
  cursor: s.cursor,
  selected: s.selected,
});
const sameFormulaSlice = (a: ReturnType<typeof formulaSlice>, b: ReturnType<typeof formulaSlice>) =>
  a.scene === b.scene &&
  a.surface === b.surface &&
  a.cursor === b.cursor &&
  a.selected === b.selected;

function Formula() {
  // KaTeX's DOM is costly to lay out: the panel follows at ~8 updates a second, the map at frame
  // rate; this is the one throttle between the store and the panel.
  const { scene, surface, cursor, selected } = useThrottledStore(
    formulaSlice,
    sameFormulaSlice,
    FORMULA_UPDATE_MS,
  );
  // The panel shows each optimizer in its map colour, defaults included.
  const coloured = useMemo(
    () => ({
      ...scene,
      optimizers: scene.optimizers.map((o, i) => ({ ...o, color: optimizerStyle(o, i).color })),
    }),
    [scene],
  );
  // The panel's chunk and KaTeX are fetched after the map's first paint, not before it.
  const painted = useAfterFirstPaint();
  if (scene.optimizers.length === 0) return null;
  const loading = (
    <p className="field-help" aria-busy="true">
      {t('app.loading')}
    </p>
  );
  return (
    <section className="panel formula-panel" aria-label={t('formula.heading')}>
      <PanelHelp topic="formula" />
      {!painted ? (
        loading
      ) : (
        <Suspense fallback={loading}>
          <FormulaPanel
            scene={coloured}
            surface={surface}
            cursor={Math.min(cursor, scene.steps - 1)}
            selected={selected}
            onSelect={(index) => useDescent.getState().setView({ selected: index })}
          />
        </Suspense>
      )}
    </section>
  );
}

function Nav(props: { page: Page }) {
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <a href="./" aria-current={props.page === 'visualizer' ? 'page' : undefined}>
        {t('nav.visualizer')}
      </a>
      <a href="./?page=lab" aria-current={props.page === 'lab' ? 'page' : undefined}>
        {t('nav.lab')}
      </a>
      <a href="./?page=lessons" aria-current={props.page === 'lessons' ? 'page' : undefined}>
        {t('nav.lessons')}
      </a>
    </nav>
  );
}

/**
 * Keeps `--header-height` on the root equal to the header's height, so the map's stage can be
 * exactly one screen high below it (the header wraps to two rows on narrow screens).
 */
function useHeaderHeight(): React.RefObject<HTMLElement | null> {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const root = document.documentElement;
    const measure = (): void =>
      root.style.setProperty('--header-height', `${el.getBoundingClientRect().height}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return ref;
}

/** The app: the optimizer visualizer, or the gradient-flow lab (`?page=lab`). */
export function App(props: { page?: Page }) {
  const page = props.page ?? 'visualizer';
  // Subscribed here so a language switch re-renders the whole page (memoised views read it too).
  useLocale();
  const headerRef = useHeaderHeight();
  return (
    <div className="app">
      <header className="app-header" ref={headerRef}>
        <h1>
          {t('app.title')} <span className="subtitle">{t('app.subtitle')}</span>
        </h1>
        <Nav page={page} />
        {page === 'visualizer' && <CopyLink />}
        {page === 'visualizer' && <ExportMenu />}
        {page === 'visualizer' && <EmbedButton />}
        <LanguageSwitcher />
        <ThemeToggle />
        {page === 'visualizer' && <ShortcutsButton />}
      </header>
      {page === 'lessons' ? (
        <ErrorBoundary name="lessons">
          <Suspense
            fallback={
              <p className="field-help" aria-busy="true">
                {t('app.loading')}
              </p>
            }
          >
            <LessonsPage />
          </Suspense>
        </ErrorBoundary>
      ) : page === 'lab' ? (
        <ErrorBoundary name="lab">
          <Suspense
            fallback={
              <p className="field-help" aria-busy="true">
                {t('app.loading')}
              </p>
            }
          >
            <LabPage />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <Visualizer />
      )}
    </div>
  );
}

/** Until TouchGestures loads: one finger already scrolls the page (it pans no map). */
const twoFingersOnly = (event: Event): boolean =>
  event.type !== 'touchstart' || (event as TouchEvent).touches.length >= 2;

/** The visualizer: controls, the map with playback, charts and the formula panel. */
function Visualizer() {
  useShortcuts();
  const presenting = usePresent((s) => s.present);
  const wide = useMediaQuery(WIDE_LAYOUT);
  // On a touch screen one finger over the map scrolls the page (two fingers move the map).
  const touch = useMediaQuery(COARSE_POINTER);
  const stageRef = useRef<HTMLDivElement>(null);
  const [touchFilter, setTouchFilter] = useState<((event: Event) => boolean) | undefined>();
  const onTouchFilter = useCallback(
    (filter: (event: Event) => boolean) => setTouchFilter(() => filter),
    [],
  );
  if (presenting) {
    return (
      <>
        {/* A link's problems are said in presenter mode too, over the figure until dismissed. */}
        <Notices />
        <Suspense fallback={<p className="field-help">{t('app.loading')}</p>}>
          <PresenterView />
        </Suspense>
        <ShortcutsDialog />
      </>
    );
  }
  return (
    <>
      <Notices />
      <LiveRegion />
      <ShortcutsDialog />
      <main className="layout">
        <div className="column-map">
          <ErrorBoundary name="map">
            {/* The stage is one screen high on wide screens: the map fills what the bar leaves. */}
            <div className="map-stage" ref={stageRef}>
              <MapView
                fill={wide}
                gestureFilter={touch ? (touchFilter ?? twoFingersOnly) : undefined}
                gestureWheel="free"
              />
              {touch && <TouchGestures stage={stageRef} onFilter={onTouchFilter} />}
              <PlaybackBar />
            </div>
            <ViewToggles />
            <PanelHelp topic="map" />
          </ErrorBoundary>
          <ErrorBoundary name="analysis">
            <AnalyzeEntry />
          </ErrorBoundary>
        </div>
        <aside className="column-controls">
          <Welcome firstVisit={FIRST_VISIT} />
          <ErrorBoundary name="lesson">
            <LessonPanel />
          </ErrorBoundary>
          <ErrorBoundary name="predict">
            <PredictPanel />
          </ErrorBoundary>
          <ErrorBoundary name="surface">
            <SurfacePanel />
          </ErrorBoundary>
          <ErrorBoundary name="optimizers">
            <OptimizerPanel />
          </ErrorBoundary>
        </aside>
        <aside className="column-side">
          <ErrorBoundary name="charts">
            <ChartsPanel />
          </ErrorBoundary>
          <ErrorBoundary name="formula">
            <Formula />
          </ErrorBoundary>
        </aside>
      </main>
    </>
  );
}
