import {
  lazy,
  memo,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { extent, line, scaleLinear } from 'd3';
import { OPTIMIZERS } from '../../engine/optimizers';
import { t as translate, useLocale } from '../../i18n';
import { useLabStore } from '../../state/lab';
import type { LabConfig } from '../../state/lab';
import { PLANE_SLOTS, planeConfig } from '../../engine/nn/labConfig';
import type { PlaneOptimizer, TrainSlot } from '../../engine/nn/labConfig';
import { OPTIMIZER_TYPES } from '../../engine/optimizers';
import type { OptimizerType } from '../../engine/types';
import { OptimizerFields } from './LabControls';
import { LandscapeCancelledError } from '../../worker/lab/client';
import type { LabClient } from '../../worker/lab/client';
import { LANDSCAPE_SIDE, sameLandscape } from '../../worker/lab/landscape';
import { MAX_STEPS_PER_REQUEST } from '../../worker/lab/protocol';
import type {
  LabSnapshot,
  LandscapeDirections,
  LandscapeResult,
  TrainingPath,
} from '../../worker/lab/protocol';
import { createLabClient } from '../../worker/lab/spawn';
import { formatNumber } from '../format';
import { CONTOUR_STROKE, heatRgb } from '../palette';
import { pathColor, planeToGrid, sliceImage, snapshotAt } from './landscapeMap';
import { PathLossChart } from './PathLossChart';
import { SharpnessPanel } from './SharpnessPanel';
import type { SliceImage } from './landscapeMap';
import { slotName, t } from './strings';
import type { LabStringKey } from './strings';
import { labErrorKey } from './labErrors';
import { chooseHeightScale } from '../surface3d/geometry';
import { HOME_ORBIT } from '../../state/orbit';
import type { Orbit } from '../../state/orbit';
import type { Axes3D, Path3D } from '../surface3d/Surface3D';

// The 3-D view's code (three.js) loads when a learner first turns it on (issue 13).
const Surface3D = lazy(() =>
  import('../surface3d/Surface3D').then((m) => ({ default: m.Surface3D })),
);

const MAP_SIZE = 340;
const DIRECTIONS: readonly LandscapeDirections[] = ['pca', 'filter', 'none'];

interface LandscapeState {
  readonly status: 'idle' | 'computing' | 'done' | 'cancelled' | 'error';
  readonly result: LandscapeResult | null;
  /** The failure's sentence, as a key (said in the reader's language when shown). */
  readonly error: LabStringKey | null;
  /** Which slots' paths the result holds, in its order, with their configurations. */
  readonly slots: readonly { slot: TrainSlot; config: LabConfig }[];
  /** The paths themselves, in the order of `slots` (sharpness reads the further ones from here). */
  readonly paths: readonly TrainingPath[];
  /** Further optimizers left off the plane because their training diverged. */
  readonly dropped: readonly { slot: TrainSlot; config: LabConfig }[];
  /** The further optimizer being trained before the slice is computed. */
  readonly training: {
    slot: TrainSlot;
    config: LabConfig;
    /** A's step, which it trains to, and the steps it has taken. */
    step: number;
    done: number;
  } | null;
}

/**
 * The lab's Landscape tab: the loss on a plane through the current weights, computed in a worker
 * of its own (so cancelling never loses training), coarse grid first; the PCA plane's badge and
 * projected paths; the honest plane-vs-true losses; and the 1-D interpolation.
 */
export function LandscapeView({ trainer }: { trainer: LabClient }) {
  useLocale();
  const client = useMemo(() => createLabClient(), []);
  useEffect(() => () => client.dispose(), [client]);
  const [directions, setDirections] = useState<LandscapeDirections>('pca');
  const [seed, setSeed] = useState(1);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<LandscapeState>({
    status: 'idle',
    result: null,
    error: null,
    slots: [],
    paths: [],
    dropped: [],
    training: null,
  });
  const more = useLabStore((s) => s.more);
  const compare = useLabStore((s) => s.compare);
  const a = useLabStore((s) => s.a);
  const b = useLabStore((s) => s.b);
  const bApart = compare && directions === 'pca' && !sameLandscape(a, b);
  const currentStep = useLabStore((s) => s.results.a.snapshot?.step ?? null);

  // Cancels the running request, whether it is still fetching the paths or computing the slice.
  const cancelRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    let live = true;
    cancelRef.current = () => {
      live = false;
      client.cancelLandscape();
      setState((s) => ({ ...s, status: 'cancelled' }));
    };
    const run = async (): Promise<void> => {
      const lab = useLabStore.getState();
      const slots: TrainSlot[] =
        directions === 'pca' && lab.compare && sameLandscape(lab.a, lab.b) ? ['a', 'b'] : ['a'];
      const failed = (error: LabStringKey): LandscapeState => ({
        status: 'error',
        result: null,
        error,
        slots: [],
        paths: [],
        dropped: [],
        training: null,
      });
      setState((s) => ({ ...s, status: 'computing', error: null, training: null }));
      const paths = await Promise.all(slots.map((slot) => trainer.path(slot)));
      if (!live) return;
      const withConfigs = slots.map((slot, k) => ({ slot, config: paths[k]!.config }));
      if (!paths.every((p) => p.params.every(Number.isFinite))) {
        setState(failed('lab.landscape.diverged'));
        return;
      }
      if (directions === 'pca' && paths.every((p) => p.steps.length < 2)) {
        setState(failed('lab.landscape.needTraining'));
        return;
      }
      // Further optimizers train A's network from A's initial weights, as far as A has gone, in
      // this view's own worker; one that diverges is left off the plane and named.
      const dropped: { slot: TrainSlot; config: LabConfig }[] = [];
      if (directions === 'pca') {
        const steps = paths[0]!.steps[paths[0]!.steps.length - 1]!;
        for (const [k, extra] of lab.more.entries()) {
          const slot = PLANE_SLOTS[k]!;
          const config = planeConfig(paths[0]!.config, extra);
          // A run request trains at most MAX_STEPS_PER_REQUEST steps: go on until A's step.
          let snapshot: LabSnapshot | null = null;
          while (snapshot === null || (snapshot.step < steps && !snapshot.diverged)) {
            const done = snapshot?.step ?? 0;
            setState((s) => ({ ...s, training: { slot, config, step: steps, done } }));
            snapshot = await client.run({
              slot,
              config,
              steps: Math.min(MAX_STEPS_PER_REQUEST, steps - done),
              reset: snapshot === null,
            });
            if (!live) return;
          }
          const path = await client.path(slot);
          if (!live) return;
          if (snapshot.diverged || !path.params.every(Number.isFinite)) {
            dropped.push({ slot, config });
            continue;
          }
          paths.push(path);
          withConfigs.push({ slot, config });
        }
      }
      const result = await client.landscape(
        { paths, directions, seed, side: LANDSCAPE_SIDE },
        (partial) => {
          if (live)
            setState({
              status: 'computing',
              result: partial,
              error: null,
              slots: withConfigs,
              paths,
              dropped,
              training: null,
            });
        },
      );
      if (live)
        setState({
          status: 'done',
          result,
          error: null,
          slots: withConfigs,
          paths,
          dropped,
          training: null,
        });
    };
    run().catch((error: unknown) => {
      if (!live) return;
      if (error instanceof LandscapeCancelledError) {
        setState((s) => ({ ...s, status: 'cancelled' }));
        return;
      }
      setState((s) => ({
        ...s,
        status: 'error',
        error: labErrorKey(error),
        training: null,
      }));
    });
    return () => {
      live = false;
      // A slice of the old settings would only hold the worker up: stop it now.
      client.cancelLandscape();
    };
  }, [client, trainer, directions, seed, version, more]);

  const { result, status } = state;
  const image = useMemo(() => (result ? sliceImage(result) : null), [result]);
  const [cursor, setCursor] = useState<number | null>(null);
  const first = result?.paths[0];
  const lastIndex = first ? first.steps.length - 1 : 0;
  const index = cursor === null ? lastIndex : Math.min(cursor, lastIndex);
  const cursorStep = first ? first.steps[index]! : 0;
  const explained = result?.explained ?? null;
  const share = explained ? explained[0] + explained[1] : null;
  const percent = (v: number): string => `${formatNumber(100 * v, 3)}%`;
  // On or off, and its camera, are in the link (`labview=…;3d:A,E,D`).
  const view3d = useLabStore((s) => s.view3d !== null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const onUnavailable = useCallback((reason: string) => {
    useLabStore.getState().setView3d(null);
    setUnavailable(reason);
  }, []);

  return (
    <section className="lab-card lab-landscape" aria-labelledby="lab-landscape-title">
      <h2 id="lab-landscape-title">{t('lab.landscape.title')}</h2>
      <p className="lab-help">{t('lab.landscape.intro')}</p>
      <div className="lab-landscape-controls">
        <label>
          {t('lab.landscape.directions')}{' '}
          <select
            value={directions}
            onChange={(e) => setDirections(e.target.value as LandscapeDirections)}
          >
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`lab.landscape.dir.${d}`)}
              </option>
            ))}
          </select>
        </label>
        {directions !== 'pca' && (
          <button type="button" onClick={() => setSeed((s) => s + 1)}>
            {t('lab.landscape.newDirections')}
          </button>
        )}
        <button type="button" onClick={() => setVersion((v) => v + 1)}>
          {t('lab.landscape.update')}
        </button>
        {status === 'computing' && (
          <button type="button" onClick={() => cancelRef.current()}>
            {t('lab.landscape.cancel')}
          </button>
        )}
      </div>
      <p className="lab-help">{t(`lab.landscape.dirHelp.${directions}`)}</p>
      {bApart && <p className="lab-help">{t('lab.landscape.pathsOther')}</p>}
      {directions === 'pca' && <PlaneOptimizers more={more} />}
      {state.dropped.map(({ slot, config }) => (
        <p
          key={slot}
          className="lab-warning"
          role="status"
          data-testid={`landscape-dropped-${slot}`}
        >
          {t('lab.landscape.moreDiverged', { name: pathName(slot, config) })}
        </p>
      ))}
      {status === 'computing' && (
        <div className="lab-landscape-progress" data-testid="landscape-progress">
          <progress
            max={Math.max(1, result?.total ?? 1)}
            value={result ? result.done : undefined}
            aria-label={t('lab.landscape.progressLabel')}
          />
          <span>
            {state.training
              ? t('lab.landscape.trainingMore', {
                  name: pathName(state.training.slot, state.training.config),
                  step: state.training.step,
                  done: state.training.done,
                })
              : t('lab.landscape.progress', {
                  done: result?.done ?? 0,
                  total: result?.total ?? 0,
                })}
          </span>
        </div>
      )}
      {status === 'cancelled' && <p className="lab-help">{t('lab.landscape.cancelled')}</p>}
      {status === 'error' && state.error && (
        <p className="lab-warning" role="alert">
          {t(state.error)}
        </p>
      )}
      {result &&
        status !== 'computing' &&
        currentStep !== null &&
        currentStep !== result.originStep && (
          <p className="lab-help" data-testid="landscape-stale">
            {t('lab.landscape.stale', { step: result.originStep, now: currentStep })}
          </p>
        )}
      {result && image && (
        <div className="lab-landscape-body">
          <figure className="lab-landscape-figure">
            {share !== null && explained && (
              <p
                className="lab-landscape-badge"
                data-testid="landscape-badge"
                data-explained={share}
              >
                {t('lab.landscape.badge', { share: percent(share) })}
                <span className="lab-landscape-badge-detail">
                  {t('lab.landscape.badgeDetail', {
                    e1: percent(explained[0]),
                    e2: percent(explained[1]),
                  })}
                </span>
              </p>
            )}
            <button
              type="button"
              className="lab-landscape-3d-toggle"
              data-testid="landscape-3d-toggle"
              aria-pressed={view3d}
              title={view3d ? translate('view3d.toggleOff') : translate('view3d.toggleOn')}
              onClick={() => {
                useLabStore.getState().setView3d(view3d ? null : HOME_ORBIT);
                setUnavailable(null);
              }}
            >
              {view3d ? translate('view3d.off') : translate('view3d.on')}
            </button>
            {unavailable !== null && (
              <p
                className="lab-warning"
                role="alert"
                data-testid="landscape-3d-unavailable"
                data-detail={unavailable}
              >
                {translate('view3d.unavailable', { reason: translate('view3d.noContext') })}
              </p>
            )}
            <div className="lab-landscape-stage">
              <SliceMap
                result={result}
                image={image}
                status={status}
                slots={state.slots}
                cursorStep={cursorStep}
              />
              {view3d && (
                <SliceSurface3D
                  result={result}
                  image={image}
                  slots={state.slots}
                  cursorStep={cursorStep}
                  onUnavailable={onUnavailable}
                />
              )}
            </div>
            {view3d && <p className="lab-help">{translate('view3d.help')}</p>}
            <figcaption className="lab-help">
              {t('lab.landscape.axes', {
                a0: formatNumber(result.alphas[0]!, 3),
                a1: formatNumber(result.alphas[result.alphas.length - 1]!, 3),
                b0: formatNumber(result.betas[0]!, 3),
                b1: formatNumber(result.betas[result.betas.length - 1]!, 3),
              })}
            </figcaption>
          </figure>
          <div className="lab-landscape-side">
            {first && (
              <>
                <label className="lab-landscape-cursor">
                  {t('lab.landscape.cursor', { step: cursorStep })}
                  <input
                    type="range"
                    min={0}
                    max={lastIndex}
                    value={index}
                    onChange={(e) => setCursor(Number(e.target.value))}
                  />
                </label>
                <table className="lab-landscape-table" data-testid="landscape-losses">
                  <thead>
                    <tr>
                      <th scope="col">{t('lab.landscape.colPath')}</th>
                      <th scope="col">{t('lab.landscape.colStep')}</th>
                      <th scope="col">{t('lab.landscape.colTrue')}</th>
                      <th scope="col">{t('lab.landscape.colPlane')}</th>
                      <th scope="col">{t('lab.landscape.colGap')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.paths.map((p, k) => {
                      const at = snapshotAt(p.steps, cursorStep);
                      const real = p.trueLoss[at]!;
                      const plane = p.planeLoss[at]!;
                      const slot = state.slots[k];
                      return (
                        <tr key={k} data-slot={slot?.slot}>
                          <th scope="row">
                            <span
                              className="lab-landscape-swatch"
                              style={{
                                background: slot ? pathColor(slot.slot, slot.config) : undefined,
                              }}
                            />
                            {slot ? pathName(slot.slot, slot.config) : ''}
                          </th>
                          <td>{p.steps[at]}</td>
                          <td data-true={real}>{formatNumber(real, 4)}</td>
                          <td data-plane={plane}>{formatNumber(plane, 4)}</td>
                          <td>{formatNumber(plane - real, 3)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                <p className="lab-help">{t('lab.landscape.honest')}</p>
                <PathLossChart
                  paths={result.paths}
                  slots={state.slots}
                  cursorStep={cursorStep}
                  onPick={(step) => setCursor(snapshotAt(first.steps, step))}
                />
                <p className="lab-help">{t('lab.landscape.pathLossHelp')}</p>
              </>
            )}
            {!first && (
              <p className="lab-help">
                {t('lab.landscape.originLoss', { loss: formatNumber(result.originLoss, 4) })}
              </p>
            )}
            <h3>{t('lab.landscape.interp')}</h3>
            <InterpolationChart result={result} />
            <p className="lab-help">{t('lab.landscape.interpHelp')}</p>
          </div>
        </div>
      )}
      <SharpnessPanel
        trainer={trainer}
        client={client}
        // The further optimizers on the plane the map shows: the last computed one's also while
        // an update recomputes (or after it was cancelled), so none is silently left out.
        extras={
          state.status !== 'error' && state.status !== 'idle'
            ? state.slots.flatMap((s, k) =>
                s.slot === 'a' || s.slot === 'b' || state.paths[k] === undefined
                  ? []
                  : [{ ...s, path: state.paths[k] }],
              )
            : []
        }
      />
    </section>
  );
}

function pathName(slot: TrainSlot, config: LabConfig): string {
  return t('lab.landscape.pathLabel', {
    slot: slotName(slot),
    optimizer: OPTIMIZERS[config.optimizer].label,
    lr: config.lr,
  });
}

/**
 * The further optimizers drawn on the PCA plane with A (and B): each an optimizer and its lr,
 * trained from A's initial weights on A's network and data when the slice is next computed.
 */
function PlaneOptimizers({ more }: { more: readonly PlaneOptimizer[] }) {
  const setMore = useLabStore((s) => s.setMore);
  const a = useLabStore((s) => s.a);
  const update = (k: number, patch: Partial<PlaneOptimizer>): void =>
    setMore(more.map((m, i) => (i === k ? { ...m, ...patch } : m)));
  // A new row starts from an optimizer A does not use yet, at A's lr.
  const add = (): void => {
    const used = new Set<OptimizerType>([a.optimizer, ...more.map((m) => m.optimizer)]);
    const optimizer = OPTIMIZER_TYPES.find((o) => !used.has(o));
    setMore([...more, { optimizer: optimizer ?? 'sgd', lr: a.lr }]);
  };
  return (
    <div className="lab-landscape-more" data-testid="landscape-more">
      <p className="lab-help">{t('lab.landscape.moreHelp')}</p>
      {more.map((m, k) => {
        const slot = PLANE_SLOTS[k]!;
        return (
          <div key={slot} className="lab-landscape-more-row" data-testid={`landscape-more-${slot}`}>
            <strong>
              <span
                className="lab-landscape-swatch"
                style={{ background: pathColor(slot, planeConfig(a, m)) }}
              />
              {slot.toUpperCase()}
            </strong>
            <OptimizerFields
              optimizer={m.optimizer}
              lr={m.lr}
              lrTestId={`landscape-more-${slot}-lr`}
              onChange={(patch) => update(k, patch)}
            />
            <button
              type="button"
              aria-label={t('lab.landscape.moreRemove', { slot: slot.toUpperCase() })}
              onClick={() => setMore(more.filter((_, i) => i !== k))}
            >
              ×
            </button>
          </div>
        );
      })}
      {more.length < PLANE_SLOTS.length && (
        <button type="button" data-testid="landscape-more-add" onClick={add}>
          {t('lab.landscape.moreAdd')}
        </button>
      )}
    </div>
  );
}

/** The slice: heat bands on a canvas, contour lines, the projected paths and the origin θ. */
const SliceMap = memo(function SliceMap(props: {
  result: LandscapeResult;
  image: SliceImage;
  status: LandscapeState['status'];
  slots: LandscapeState['slots'];
  cursorStep: number;
}) {
  useLocale(); // memo would skip a language switch
  const { result, image, status, slots, cursorStep } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = image;
  useLayoutEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    // The visualizer's heat colours, one pixel per grid point (HeatmapLayer's lookup).
    const bandCount = image.thresholds.length + 1;
    const data = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const band = image.bands[i]!;
      const rgb =
        band === 255 ? [200, 190, 190] : heatRgb(bandCount > 1 ? band / (bandCount - 1) : 0);
      data.data.set([rgb[0]!, rgb[1]!, rgb[2]!, 255], 4 * i);
    }
    ctx.putImageData(data, 0, 0);
  }, [image, width, height]);
  const sx = MAP_SIZE / width;
  const sy = MAP_SIZE / height;
  const toPx = (alpha: number, beta: number): [number, number] => {
    const [gx, gy] = planeToGrid(result.alphas, result.betas, alpha, beta);
    return [gx * sx, gy * sy];
  };
  const [ox, oy] = toPx(0, 0);
  return (
    <div
      className="lab-landscape-map"
      data-testid="landscape-map"
      data-status={status}
      data-done={result.done}
      data-total={result.total}
      data-known-stride={result.knownStride}
      data-directions={result.directions}
      data-origin-step={result.originStep}
      role="img"
      aria-label={t('lab.landscape.mapLabel', {
        side: `${width} × ${height}`,
        min: formatNumber(image.min, 3),
        max: formatNumber(image.max, 3),
      })}
      style={{ width: MAP_SIZE, height: MAP_SIZE }}
    >
      <canvas ref={canvasRef} width={width} height={height} aria-hidden="true" />
      <svg width={MAP_SIZE} height={MAP_SIZE} aria-hidden="true">
        <g transform={`scale(${sx},${sy})`}>
          {image.contours.map((c, i) => (
            <path
              key={i}
              d={c.d}
              fill="none"
              stroke={CONTOUR_STROKE}
              strokeOpacity={0.5}
              strokeWidth={i % 4 === 3 ? 1.1 : 0.7}
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </g>
        {result.paths.map((p, k) => {
          const slot = slots[k];
          const color = slot ? pathColor(slot.slot, slot.config) : CONTOUR_STROKE;
          const points = Array.from({ length: p.steps.length }, (_, i) =>
            toPx(p.coords[2 * i]!, p.coords[2 * i + 1]!),
          );
          const [sxp, syp] = points[0]!;
          const [ex, ey] = points[points.length - 1]!;
          const at = snapshotAt(p.steps, cursorStep);
          const [cx, cy] = points[at]!;
          // The honest note beside the point: the loss at the real weights vs on the plane. Put
          // on the side with room, the second path's a line lower so the two never overlap.
          const left = cx > MAP_SIZE * 0.55;
          const ly = Math.min(MAP_SIZE - 6, Math.max(14, cy - 10 + 14 * k));
          return (
            <g
              key={k}
              data-testid={`landscape-path-${slot?.slot ?? k}`}
              data-points={points.length}
            >
              <polyline
                points={points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}
                fill="none"
                stroke={color}
                strokeWidth={2}
                strokeLinejoin="round"
              />
              <circle cx={sxp} cy={syp} r={4} fill="#fff" stroke={color} strokeWidth={2} />
              <circle cx={ex} cy={ey} r={4} fill={color} />
              <circle cx={cx} cy={cy} r={7} fill="none" stroke={color} strokeWidth={1.5} />
              <text
                x={left ? cx - 10 : cx + 10}
                y={ly}
                textAnchor={left ? 'end' : 'start'}
                className="lab-landscape-note"
                data-testid={`landscape-note-${slot?.slot ?? k}`}
              >
                {t('lab.landscape.note', {
                  real: formatNumber(p.trueLoss[at]!, 3),
                  plane: formatNumber(p.planeLoss[at]!, 3),
                })}
              </text>
            </g>
          );
        })}
        <g className="lab-landscape-origin">
          <path
            d={`M${ox - 6},${oy}H${ox + 6}M${ox},${oy - 6}V${oy + 6}`}
            stroke="#1f2933"
            strokeWidth={1.5}
          />
          <text x={ox + 8} y={oy - 6} className="lab-tick">
            θ
          </text>
        </g>
      </svg>
    </div>
  );
});

/**
 * The slice in 3-D over the contour map (the same grid, bands and projected paths), each path's
 * marker at the cursor's snapshot. The 2-D map stays underneath.
 */
function SliceSurface3D(props: {
  result: LandscapeResult;
  image: SliceImage;
  slots: LandscapeState['slots'];
  cursorStep: number;
  onUnavailable: (reason: string) => void;
}) {
  const { result, image, slots, cursorStep, onUnavailable } = props;
  const grid = useMemo(
    () => ({
      values: image.values,
      width: image.width,
      height: image.height,
      bands: image.bands,
      thresholds: image.thresholds,
    }),
    [image],
  );
  const { alphas, betas } = result;
  const toGrid = useCallback(
    (alpha: number, beta: number) => planeToGrid(alphas, betas, alpha, beta),
    [alphas, betas],
  );
  const paths = useMemo<Path3D[]>(
    () =>
      result.paths.map((p, k) => {
        const slot = slots[k];
        return {
          points: p.coords,
          count: p.steps.length,
          color: slot ? pathColor(slot.slot, slot.config) : CONTOUR_STROKE,
        };
      }),
    [result.paths, slots],
  );
  const cursor = useMemo(
    () => result.paths.map((p) => snapshotAt(p.steps, cursorStep)),
    [result.paths, cursorStep],
  );
  const scale = useMemo(() => chooseHeightScale(image.values).kind, [image]);
  const axes = useMemo<Axes3D>(
    () => ({
      x: [alphas[0]!, alphas[alphas.length - 1]!],
      y: [betas[0]!, betas[betas.length - 1]!],
      names: { x: 'α', y: 'β' },
    }),
    [alphas, betas],
  );
  // The camera it opens with (a link's), read once; each move goes back to the link.
  const [orbit] = useState(() => useLabStore.getState().view3d ?? HOME_ORBIT);
  const onOrbit = useCallback((next: Orbit) => {
    if (useLabStore.getState().view3d !== null) useLabStore.getState().setView3d(next);
  }, []);
  return (
    <div className="lab-landscape-3d" data-testid="landscape-3d">
      <Suspense fallback={<p className="lab-help">{translate('view3d.loading')}</p>}>
        <Surface3D
          grid={grid}
          toGrid={toGrid}
          paths={paths}
          cursor={cursor}
          upToCursor={false}
          width={MAP_SIZE}
          height={MAP_SIZE}
          label={translate('view3d.label', {
            min: formatNumber(image.min, 3),
            max: formatNumber(image.max, 3),
            scale: translate(`view3d.scale.${scale}`),
            help: translate('view3d.help'),
          })}
          onUnavailable={onUnavailable}
          orbit={orbit}
          onOrbit={onOrbit}
          axes={axes}
        />
      </Suspense>
    </div>
  );
}

const INTERP_W = 300;
const INTERP_H = 150;
const IM = { left: 46, right: 10, top: 10, bottom: 24 };

/** Goodfellow et al.'s 1-D interpolation as a small line chart, t = 0 and t = 1 marked. */
function InterpolationChart({ result }: { result: LandscapeResult }) {
  const { t: ts, loss } = result.interpolation;
  const model = useMemo(() => {
    const pairs = Array.from(ts, (tt, i) => [tt, loss[i]!] as const).filter(([, v]) =>
      Number.isFinite(v),
    );
    if (pairs.length === 0) return null;
    const [lo = 0, hi = 1] = extent(pairs, (p) => p[1]);
    const x = scaleLinear()
      .domain([ts[0]!, ts[ts.length - 1]!])
      .range([IM.left, INTERP_W - IM.right]);
    const y = scaleLinear()
      .domain([Math.min(0, lo), hi > lo ? hi : lo + 1])
      .nice()
      .range([INTERP_H - IM.bottom, IM.top]);
    const d = line<readonly [number, number]>()
      .x(([tt]) => x(tt))
      .y(([, v]) => y(v))(pairs);
    return { x, y, d: d ?? '', ticks: y.ticks(3), max: hi };
  }, [ts, loss]);
  const at = (target: number): number => {
    const i = ts.indexOf(target);
    return i >= 0 ? loss[i]! : Number.NaN;
  };
  return (
    <svg
      width={INTERP_W}
      height={INTERP_H}
      className="lab-loss"
      role="img"
      data-testid="landscape-interpolation"
      aria-label={t('lab.landscape.interpLabel', {
        start: formatNumber(at(0), 3),
        end: formatNumber(at(1), 3),
        max: formatNumber(model?.max ?? Number.NaN, 3),
      })}
    >
      <rect
        x={IM.left}
        y={IM.top}
        width={INTERP_W - IM.left - IM.right}
        height={INTERP_H - IM.top - IM.bottom}
        className="lab-plot-bg"
      />
      {model && (
        <>
          {model.ticks.map((v) => (
            <g key={v}>
              <line
                x1={IM.left}
                x2={INTERP_W - IM.right}
                y1={model.y(v)}
                y2={model.y(v)}
                className="lab-grid"
              />
              <text x={IM.left - 4} y={model.y(v) + 4} textAnchor="end" className="lab-tick">
                {formatNumber(v, 2)}
              </text>
            </g>
          ))}
          {[0, 1].map((tt) => (
            <g key={tt}>
              <line
                x1={model.x(tt)}
                x2={model.x(tt)}
                y1={IM.top}
                y2={INTERP_H - IM.bottom}
                className="lab-grid"
                strokeDasharray="3 3"
              />
              <text x={model.x(tt)} y={INTERP_H - 6} textAnchor="middle" className="lab-tick">
                {tt === 0 ? t('lab.landscape.tStart') : t('lab.landscape.tNow')}
              </text>
            </g>
          ))}
          <path d={model.d} className="lab-loss-line" />
        </>
      )}
    </svg>
  );
}
