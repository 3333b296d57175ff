/**
 * Predict, then run (issue 14): the question panel (ask → run → verdict) and its marks on the
 * map. Loaded only when the URL has `predict=` or the open lesson asks a question (PredictEntry).
 * Every answer shown is read from the store's trajectories, the engine's run of the scene.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { rawQueryParam } from '../../engine/scene-url';
import { judgeGuess, parsePrediction, PREDICT_PARAM, predictionFits } from '../../lessons/predict';
import type { PredictAnswer, PredictError, Prediction } from '../../lessons/predict';
import type { MessageKey } from '../../i18n';
import { t, useLocale } from '../../i18n';
import { usePresent } from '../../state/present';
import { useDescent } from '../../state/store';
import { formatLr, formatNumber, formatPair } from '../format';
import { useLesson } from '../lessons/catalogStore';
import { takeMapClicks } from '../map/mapClick';
import { questionTakenOver } from './PredictEntry';
import type { Projection } from '../map/projection';
import { optimizerName } from '../names';
import { optimizerStyle } from '../palette';
import {
  activate,
  currentAnswer,
  deactivate,
  ask,
  followPlayback,
  reveal,
  setGuess,
  usePredict,
} from './predictStore';
import './predict.css';

let started = false;

/** Once, when the chunk is first used: playback phases, map clicks, a closed lesson. */
function start(): void {
  if (started) return;
  started = true;
  followPlayback();
  takeMapClicks((point) => {
    const p = usePredict.getState();
    if (p.key === null || p.phase !== 'ask' || p.question?.kind !== 'position') return false;
    const round = (v: number): number => Number(v.toPrecision(3));
    setGuess({ kind: 'position', point: [round(point[0]), round(point[1])] });
    return true;
  });
  // While a question waits, the lesson's explanation (which tells the answer) is hidden.
  const asking = (p: { key: string | null; phase: string }): void => {
    document.documentElement.classList.toggle(
      'predict-asking',
      p.key !== null && p.phase === 'ask',
    );
  };
  asking(usePredict.getState());
  usePredict.subscribe(asking);
  // Closing the lesson ends its question (a flag's question stays: the link asked for it).
  usePresent.subscribe((s) => {
    const key = usePredict.getState().key;
    if (key?.startsWith('lesson:') && key !== `lesson:${s.lesson ?? ''}`) deactivate();
  });
}

/** The `predict=` value of the page's link, decoded; undefined without one. */
function flagText(): string | undefined {
  const raw = rawQueryParam(window.location.search, PREDICT_PARAM);
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Read when the chunk loads: the flag belongs to the link the page was opened with. */
const FLAG = flagText();

type Source =
  | { readonly kind: 'none' }
  | { readonly kind: 'error'; readonly error: PredictError }
  | { readonly kind: 'notFit' }
  | { readonly kind: 'ok'; readonly key: string; readonly question: Prediction };

/** Which question is asked: the link's flag first (a teacher's choice), else the lesson's own. */
function useSource(): Source {
  const id = usePresent((s) => s.lesson);
  const lesson = useLesson(id);
  const { steps, optimizers } = useDescent(
    useShallow((s) => ({ steps: s.scene.steps, optimizers: s.scene.optimizers })),
  );
  return useMemo((): Source => {
    const scene = { ...useDescent.getState().scene, steps, optimizers };
    if (FLAG !== undefined) {
      const parsed = parsePrediction(FLAG, scene);
      return parsed.ok
        ? { kind: 'ok', key: `flag:${FLAG}`, question: parsed.prediction }
        : { kind: 'error', error: parsed.error };
    }
    if (typeof lesson !== 'object' || lesson.predict === undefined) return { kind: 'none' };
    if (!predictionFits(lesson.predict, scene)) return { kind: 'notFit' };
    return { kind: 'ok', key: `lesson:${lesson.id}`, question: lesson.predict };
  }, [lesson, steps, optimizers]);
}

/** The answer to `question` from the store's current run (recomputed when the run changes). */
function useAnswer(question: Prediction | null): PredictAnswer | null {
  const run = useDescent(
    useShallow((s) => ({
      scene: s.scene,
      trajectories: s.trajectories,
      trajectoriesScene: s.trajectoriesScene,
    })),
  );
  return useMemo(() => currentAnswer(question, run), [question, run]);
}

const ERROR_KEYS: Readonly<Record<PredictError['code'], MessageKey>> = {
  kind: 'predict.error.kind',
  step: 'predict.error.step',
  optimizer: 'predict.error.optimizer',
  loss: 'predict.error.loss',
};

function questionText(q: Prediction, names: readonly string[], steps: number): string {
  switch (q.kind) {
    case 'position':
      return t('predict.q.position', { name: names[q.optimizer] ?? '', step: q.step });
    case 'diverge':
      return t('predict.q.diverge', { name: names[q.optimizer] ?? '', steps });
    case 'first':
      return t('predict.q.first', { loss: formatNumber(q.loss) });
  }
}

/** A typed point (keyboard path): two fields and a button that set the guess. */
function PointForm() {
  const guess = usePredict((s) => s.guess);
  const point = guess?.kind === 'position' ? guess.point : null;
  const [x, setX] = useState('');
  const [y, setY] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A click on the map fills the fields too (state derived while rendering, React's pattern).
  const [shown, setShown] = useState(point);
  if (point !== shown) {
    setShown(point);
    if (point) {
      setX(String(point[0]));
      setY(String(point[1]));
      setError(null);
    }
  }
  const xId = useId();
  const yId = useId();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const nx = Number(x);
    const ny = Number(y);
    if (x.trim() === '' || !Number.isFinite(nx)) return setError(t('predict.badX', { got: x }));
    if (y.trim() === '' || !Number.isFinite(ny)) return setError(t('predict.badY', { got: y }));
    setError(null);
    setGuess({ kind: 'position', point: [nx, ny] });
  };
  return (
    <form className="predict-point" onSubmit={submit}>
      <label htmlFor={xId}>x</label>
      <input
        id={xId}
        type="text"
        inputMode="decimal"
        value={x}
        onChange={(e) => setX(e.target.value)}
        data-testid="predict-x"
      />
      <label htmlFor={yId}>y</label>
      <input
        id={yId}
        type="text"
        inputMode="decimal"
        value={y}
        onChange={(e) => setY(e.target.value)}
        data-testid="predict-y"
      />
      <button type="submit" data-testid="predict-set-guess">
        {t('predict.setGuess')}
      </button>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="predict-point-error">
          {error}
        </p>
      )}
    </form>
  );
}

/** Yes/no or one optimizer (or none): toggle buttons, one pressed. */
function Choices(props: { question: Prediction; names: readonly string[] }) {
  const guess = usePredict((s) => s.guess);
  const optimizers = useDescent((s) => s.scene.optimizers);
  const steps = useDescent((s) => s.scene.steps);
  const choice = (
    key: string,
    label: string,
    pressed: boolean,
    onPick: () => void,
    color?: string,
  ) => (
    <button
      key={key}
      type="button"
      className="predict-choice"
      aria-pressed={pressed}
      onClick={onPick}
      data-testid={`predict-choice-${key}`}
    >
      {color !== undefined && (
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
      )}
      {label}
    </button>
  );
  if (props.question.kind === 'diverge') {
    const picked = guess?.kind === 'diverge' ? guess.diverged : null;
    return (
      <div className="predict-choices" role="group" aria-label={t('predict.choices')}>
        {choice('yes', t('predict.yes'), picked === true, () =>
          setGuess({ kind: 'diverge', diverged: true }),
        )}
        {choice('no', t('predict.no'), picked === false, () =>
          setGuess({ kind: 'diverge', diverged: false }),
        )}
      </div>
    );
  }
  const picked = guess?.kind === 'first' ? guess.optimizer : null;
  return (
    <div className="predict-choices" role="group" aria-label={t('predict.choices')}>
      {optimizers.map((o, i) =>
        o.hidden === true
          ? null
          : choice(
              String(i + 1),
              props.names[i] ?? '',
              picked === i,
              () => setGuess({ kind: 'first', optimizer: i }),
              optimizerStyle(o, i).color,
            ),
      )}
      {choice('none', t('predict.none', { steps }), picked === 'none', () =>
        setGuess({ kind: 'first', optimizer: 'none' }),
      )}
    </div>
  );
}

/** The true answer in words, and how the guess compares. */
function Verdict(props: { answer: PredictAnswer; names: readonly string[]; question: Prediction }) {
  const guess = usePredict((s) => s.guess);
  const { steps, domain, surfaceDomain } = useDescent(
    useShallow((s) => ({
      steps: s.scene.steps,
      domain: s.domain,
      surfaceDomain: s.surface.domain,
    })),
  );
  const { answer, names, question } = props;
  const name = (i: number): string => names[i] ?? '';
  let truth: string;
  switch (answer.kind) {
    case 'position':
      truth =
        answer.point === null
          ? t('predict.truth.positionGone', {
              name: question.kind === 'position' ? name(question.optimizer) : '',
              step: answer.step,
            })
          : t('predict.truth.position', {
              name: question.kind === 'position' ? name(question.optimizer) : '',
              step: answer.step,
              point: formatPair(answer.point[0], answer.point[1], 3),
            });
      break;
    case 'diverge': {
      const who = question.kind === 'diverge' ? name(question.optimizer) : '';
      truth = answer.diverged
        ? t('predict.truth.diverged', { name: who, step: answer.step + 1 })
        : t('predict.truth.stayed', { name: who, steps });
      break;
    }
    case 'first':
      truth =
        answer.step === null
          ? t('predict.truth.firstNone', {
              loss: question.kind === 'first' ? formatNumber(question.loss) : '',
              steps,
            })
          : t('predict.truth.first', {
              names: answer.winners.map(name).join(t('predict.and')),
              loss: question.kind === 'first' ? formatNumber(question.loss) : '',
              step: answer.step,
            });
      break;
  }
  let judged: string;
  let tone: 'right' | 'wrong' | 'none' = 'none';
  if (guess === null) judged = t('predict.noGuess');
  else {
    const result = judgeGuess(guess, answer);
    if ('distance' in result) {
      const width = (domain ?? surfaceDomain).x;
      judged =
        result.distance === null
          ? ''
          : t('predict.distance', {
              distance: formatNumber(result.distance, 3),
              percent: Math.round((100 * result.distance) / (width[1] - width[0])),
            });
    } else {
      tone = result.right ? 'right' : 'wrong';
      judged = t(result.right ? 'predict.right' : 'predict.wrong');
    }
  }
  return (
    <div className={`predict-verdict predict-verdict--${tone}`} data-testid="predict-verdict">
      {judged !== '' && (
        <p className="predict-judged" data-testid="predict-judged">
          {judged}
        </p>
      )}
      <p data-testid="predict-truth-text">{truth}</p>
    </div>
  );
}

/**
 * The question beside the map (or large, in presenter mode, where the room votes by hand and the
 * teacher presses Reveal): answer controls, Run/Reveal, then the verdict.
 */
export function PredictPanel(props: { presenting: boolean }) {
  useLocale();
  start();
  const source = useSource();
  const { key, phase, guess } = usePredict(
    useShallow((s) => ({ key: s.key, phase: s.phase, guess: s.guess })),
  );
  const sourceKey = source.kind === 'ok' ? source.key : null;
  const question = source.kind === 'ok' ? source.question : null;
  useEffect(() => {
    if (source.kind === 'ok') activate(source.key, source.question);
    else deactivate();
    // Asked (at step 0) or nothing to ask: the keys are this store's now, not held.
    questionTakenOver();
    // The key names the question: the same question keeps its phase and guess.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceKey]);
  // One optimizer asked about is named with its rate ("SGD (lr 0.02)": two SGDs differ by it);
  // a race lists each by its legend name.
  const names = useDescent(
    useShallow((s) =>
      s.scene.optimizers.map((o, i) => {
        const name = optimizerName(s.scene.optimizers, i);
        return question?.kind !== 'first' && o.lr !== undefined
          ? `${name} (lr ${formatLr(o.lr)})`
          : name;
      }),
    ),
  );
  const steps = useDescent((s) => s.scene.steps);
  const cursor = useDescent((s) => s.cursor);
  const answer = useAnswer(source.kind === 'ok' ? source.question : null);
  const headingId = useId();

  if (source.kind === 'none') return null;
  if (source.kind === 'error') {
    const { path, code, params } = source.error;
    return (
      <section className="panel predict-panel" role="alert" data-testid="predict-error">
        <p>{t('predict.error', { path, message: t(ERROR_KEYS[code], params) })}</p>
      </section>
    );
  }
  if (source.kind === 'notFit') {
    return (
      <section className="panel predict-panel" role="status" data-testid="predict-not-fit">
        <p>{t('predict.notFit')}</p>
      </section>
    );
  }
  if (key !== source.key || question === null) return null;
  const until =
    answer === null ? null : answer.kind === 'first' ? (answer.step ?? steps) : answer.step;
  return (
    <section
      className={
        props.presenting ? 'panel predict-panel predict-panel--present' : 'panel predict-panel'
      }
      aria-labelledby={headingId}
      data-testid="predict-panel"
      data-phase={phase}
    >
      <p className="lesson-kicker">{t('predict.kicker')}</p>
      <h2 id={headingId} data-testid="predict-question">
        {questionText(question, names, steps)}
      </h2>
      {phase === 'ask' && (
        <>
          <p className="predict-how">
            {t(
              props.presenting
                ? 'predict.room'
                : question.kind === 'position'
                  ? 'predict.how.position'
                  : 'predict.how.choice',
            )}
          </p>
          {question.kind === 'position' ? (
            <>
              <PointForm />
              {guess?.kind === 'position' && (
                <p data-testid="predict-your-guess">
                  {t('predict.yourGuess', { point: formatPair(guess.point[0], guess.point[1], 3) })}
                </p>
              )}
            </>
          ) : (
            <Choices question={question} names={names} />
          )}
          <button
            type="button"
            className="primary predict-reveal"
            onClick={reveal}
            data-testid="predict-reveal"
          >
            {guess === null ? t('predict.reveal') : t('predict.run')}
          </button>
          <p className="field-help">{t('predict.keys')}</p>
          <p className="field-help" data-testid="predict-hidden-note">
            {t(source.key.startsWith('lesson:') ? 'predict.bodyHidden' : 'predict.chartsHidden')}
          </p>
        </>
      )}
      {phase === 'run' && (
        <p role="status" data-testid="predict-running">
          {until === null
            ? t('app.loading')
            : t('predict.running', { cursor: Math.min(cursor, until), step: until })}
        </p>
      )}
      {phase === 'done' && answer !== null && (
        <>
          <div role="status">
            <Verdict answer={answer} names={names} question={question} />
          </div>
          <button type="button" onClick={ask} data-testid="predict-again">
            {t('predict.again')}
          </button>
        </>
      )}
    </section>
  );
}

/** The guess (a cross), and after the reveal the true point and a dashed line with the distance. */
export function PredictLayer(props: { projection: Projection }) {
  const { key, phase, guess, question } = usePredict(
    useShallow((s) => ({ key: s.key, phase: s.phase, guess: s.guess, question: s.question })),
  );
  const answer = useAnswer(question);
  const color = useDescent((s) => {
    if (question === null || question.kind === 'first') return undefined;
    const o = s.scene.optimizers[question.optimizer];
    return o ? optimizerStyle(o, question.optimizer).color : undefined;
  });
  const { projection } = props;
  if (key === null || question?.kind !== 'position') return null;
  const g = guess?.kind === 'position' ? projection.toScreen(guess.point) : null;
  const truth =
    phase === 'done' && answer?.kind === 'position' && answer.point !== null
      ? projection.toScreen(answer.point)
      : null;
  const distance =
    g && truth && guess?.kind === 'position' && answer?.kind === 'position' && answer.point
      ? Math.hypot(guess.point[0] - answer.point[0], guess.point[1] - answer.point[1])
      : null;
  return (
    <svg
      className="predict-layer"
      width={projection.width}
      height={projection.height}
      aria-hidden="true"
      data-testid="predict-layer"
    >
      {g && truth && (
        <line
          x1={g[0]}
          y1={g[1]}
          x2={truth[0]}
          y2={truth[1]}
          className="predict-line"
          data-testid="predict-line"
        />
      )}
      {g && (
        <g transform={`translate(${g[0]},${g[1]})`} data-testid="predict-guess">
          <path d="M-9,-9L9,9M-9,9L9,-9" className="predict-cross-halo" />
          <path d="M-9,-9L9,9M-9,9L9,-9" className="predict-cross" />
          <text y={-14} className="predict-label">
            {t('predict.guessLabel')}
          </text>
        </g>
      )}
      {truth && (
        <g transform={`translate(${truth[0]},${truth[1]})`} data-testid="predict-truth">
          <circle r={9} className="predict-truth" style={{ stroke: color }} />
          <text y={24} className="predict-label">
            {t('predict.truthLabel', { step: answer?.kind === 'position' ? answer.step : '' })}
          </text>
        </g>
      )}
      {g && truth && distance !== null && (
        <text
          x={(g[0] + truth[0]) / 2 + 8}
          y={(g[1] + truth[1]) / 2 - 8}
          className="predict-label predict-distance"
          data-testid="predict-distance"
        >
          {t('predict.distanceLabel', { distance: formatNumber(distance, 3) })}
        </text>
      )}
    </svg>
  );
}
