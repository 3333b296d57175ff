import { loadOptimizers } from './engine/optimizers';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { Page } from './App';
import { readEmbedOptions } from './embed/options';
import { loadEmbedUrl } from './embed/url';
import { loadExpressions } from './engine/surfaces/resolve';
import { loadAllTexts } from './i18n';
import { startLocale } from './i18n/detect';
import { startEngine } from './state/engine';
import { startPlayback } from './state/playback';
import { installTestApi } from './state/testApi';
import { queryNeedsExpressions, startUrlSync } from './state/url';
import { openLessonAtStart, startLessons } from './views/lessons/presenter';
import { startQuestionHold } from './views/predict/PredictEntry';
import { afterFirstPaint, noSceneToPaint } from './views/hooks/afterFirstPaint';
import { startTheme, useTheme } from './views/theme/theme';
import { useDescent } from './state/store';
import './styles/app.css';
import './views/a11y/a11y.css';

// `?page=lab` is the gradient-flow lab, which keeps its own state and URL parameter.
const pageParam = new URLSearchParams(window.location.search).get('page');
const page: Page = pageParam === 'lab' ? 'lab' : pageParam === 'lessons' ? 'lessons' : 'visualizer';
// The language (URL, storage, browser) is chosen now; its catalogue (English is built in, Chinese
// loads on demand) is awaited only before rendering, so the engine starts in the meantime.
const localeReady = startLocale().then(() =>
  // Pages without the visualizer's first screen need texts beyond it before they render.
  page === 'visualizer' ? undefined : loadAllTexts(),
);

// Light, dark or the system's (theme=, storage); applied before the first paint.
startTheme();
const embed = readEmbedOptions(window.location.search);
/** The visualizer's start: the URL into the store, the first frame, the engine, playback. */
function startVisualizer(): void {
  // Order matters: the URL fills the store before the engine runs its first simulation.
  // An embed (`?embed=1`) reads its URL once and never rewrites it.
  if (embed.embed) loadEmbedUrl();
  else {
    // A question asked before the run (predict=, or the lesson's) holds playback until asked.
    startQuestionHold();
    // A lesson link without a scene gets the lesson's scene written into the URL first.
    startLessons();
    startUrlSync();
    openLessonAtStart();
    // The Analyze drawer's link settings: read (and the drawer opened) just after the first paint.
    afterFirstPaint(() => void import('./state/analysisUrl').then((m) => m.startAnalysisUrlSync()));
  }
  // The first frame is computed here, on the main thread; the worker, which serves every later
  // change, starts once that frame is on screen (its script then loads while the reader looks).
  const engine = startEngine();
  afterFirstPaint(engine.warmUp);
  // Every optimizer family's arithmetic, for main-thread runs after the first paint (incremental).
  afterFirstPaint(() => void loadOptimizers().catch(() => undefined));
  // The expression compiler, so a typed expression parses at the first keystroke.
  afterFirstPaint(() => void loadExpressions().catch(() => undefined));
  // The texts the first screen does not show (panels, messages, the lab), fetched while the reader looks.
  afterFirstPaint(() => void loadAllTexts());
  // Bad values of the page's own parameters (theme=, lang=, embed=, controls=, …), named in the
  // link notice; their checks and sentences load after the first paint.
  afterFirstPaint(() => void reportPageProblems(page));
  startPlayback();
  installTestApi(engine.client);
}

/** Names the page parameters' bad values in the visualizer's (or the embed's) link notice. */
function reportPageProblems(page: Page): Promise<void> {
  return import('./state/pageParams').then((m) =>
    m.reportPageParams(
      window.location.search,
      { page, embed: embed.embed, themeUsed: embed.embed ? 'light' : useTheme.getState().choice },
      (problems) => useDescent.setState((s) => ({ loadErrors: [...s.loadErrors, ...problems] })),
      () =>
        import('./views/lessons/catalogStore')
          .then((c) => c.loadLessons())
          .then((ls) => ls.map((l) => l.id)),
    ),
  );
}

// A link whose scene is a typed expression needs the expression compiler (which the first bundle
// leaves out) before its first frame; every other page starts at once.
let started: Promise<void> = Promise.resolve();
if (page === 'visualizer') {
  if (queryNeedsExpressions(window.location.search)) {
    started = loadExpressions()
      .catch(() => undefined)
      .then(startVisualizer);
  } else startVisualizer();
} else {
  // The lab and the lessons gallery draw no map: their KaTeX need not wait for one, and they
  // render once all their texts are in (below).
  noSceneToPaint();
}

// The lab presents too (`present=1`, P): the same root class and type scale as the visualizer.
if (page === 'lab') startLessons();

const root = document.getElementById('root');
void Promise.all([localeReady, started]).then(() => {
  if (root && page === 'visualizer' && embed.embed) {
    // Embed mode: the scene without the app's chrome, loaded as its own chunk.
    void import('./views/embed/mount').then((m) => m.mountEmbed(root, embed));
  } else if (root) {
    createRoot(root).render(
      <StrictMode>
        <App page={page} />
      </StrictMode>,
    );
  }
});
