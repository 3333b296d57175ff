/**
 * The Export menu in the visualizer's header: PNG and SVG of the map as it is on screen, an
 * animated GIF of the run (with progress and Cancel), CSV and JSON of every step, and the scene
 * as a PyTorch script (clipboard, or a download when the clipboard is refused). The builders are
 * loaded on first use, so none of them weighs on the first paint.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useDescent } from '../../state/store';
import { copyOrDownload, downloadBlob, exportFileName } from './download';
import { currentSnapshot } from './snapshot';
import type { MapLabels } from './svg';
import type { VideoContainer, VideoSize } from './video';
import './export.css';

type VideoFormat = 'webm' | 'webm1080' | 'mp4' | 'mp4_1080';
type Format = 'png' | 'svg' | 'gif' | VideoFormat | 'csv' | 'json' | 'pytorch';

/** Each video item: its container, size, file name's ending and message when not encodable. */
const VIDEOS: Readonly<
  Record<
    VideoFormat,
    {
      readonly container: VideoContainer;
      readonly size: VideoSize;
      readonly ending: string;
      readonly unsupported: MessageKey;
    }
  >
> = {
  webm: { container: 'webm', size: 'view', ending: 'webm', unsupported: 'export.videoUnsupported' },
  webm1080: {
    container: 'webm',
    size: '1080p',
    ending: '1080p.webm',
    unsupported: 'export.videoUnsupported',
  },
  mp4: { container: 'mp4', size: 'view', ending: 'mp4', unsupported: 'export.mp4Unsupported' },
  mp4_1080: {
    container: 'mp4',
    size: '1080p',
    ending: '1080p.mp4',
    unsupported: 'export.mp4Unsupported',
  },
};
const isVideo = (format: Format): format is VideoFormat => format in VIDEOS;
/** The formats encoded frame by frame, with progress and Cancel. */
const isAnimated = (format: Format): boolean => format === 'gif' || isVideo(format);

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly format: Format }
  | {
      readonly kind: 'frames';
      readonly format: Format;
      readonly done: number;
      readonly total: number;
    }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

const ITEMS: readonly { readonly format: Format; readonly label: () => string }[] = [
  { format: 'png', label: () => t('export.png') },
  { format: 'svg', label: () => t('export.svg') },
  { format: 'gif', label: () => t('export.gif') },
  { format: 'webm', label: () => t('export.webm') },
  { format: 'webm1080', label: () => t('export.webm1080') },
  { format: 'mp4', label: () => t('export.mp4') },
  { format: 'mp4_1080', label: () => t('export.mp4_1080') },
  { format: 'csv', label: () => t('export.csv') },
  { format: 'json', label: () => t('export.json') },
  { format: 'pytorch', label: () => t('export.pytorch') },
];

function labels(): MapLabels {
  return {
    title: t('app.title'),
    legend: t('map.legend'),
    start: t('map.start'),
    minimum: t('map.minimum'),
    leftMap: (name, step, arrow) => t('map.leftMap', { name, step, arrow }),
    offMap: (name, step, arrow) =>
      step === null
        ? t('map.offMapWholeRun', { name, arrow })
        : t('map.offMapUntil', { name, step, arrow }),
  };
}

/** Builds and saves one format; returns the message to show. */
async function run(
  format: Format,
  onGif: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<string> {
  const s = useDescent.getState();
  const scene = s.scene;
  const trajectories =
    s.trajectoriesScene === scene
      ? s.trajectories
      : s.trajectories.slice(0, scene.optimizers.length);
  if (format === 'csv' || format === 'json') {
    const table = await import('../../export/table');
    const name = exportFileName(scene, format);
    const text =
      format === 'csv'
        ? table.trajectoriesToCsv(scene, trajectories)
        : table.trajectoriesToJson(scene, trajectories);
    downloadBlob(
      new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }),
      name,
    );
    return t('export.saved', { file: name });
  }
  if (format === 'pytorch') {
    const { sceneToPyTorch } = await import('../../export/pytorch');
    const name = exportFileName(scene, 'py');
    const how = await copyOrDownload(sceneToPyTorch(scene), name, 'text/x-python');
    return how === 'copied' ? t('export.copied') : t('export.copyFallback', { file: name });
  }
  const snapshot = currentSnapshot();
  if (!snapshot) throw new Error(t('export.notReady'));
  if (isVideo(format)) {
    const video = VIDEOS[format];
    const { videoFile } = await import('./video');
    const name = exportFileName(scene, video.ending);
    let blob: Blob;
    try {
      blob = await videoFile(snapshot, labels(), {
        container: video.container,
        size: video.size,
        stepText: (step, steps) => t('playback.step', { step, steps }),
        onProgress: onGif,
        signal,
      });
    } catch (error) {
      if (error instanceof Error && error.message === 'unsupported') {
        throw new Error(t(video.unsupported), { cause: error });
      }
      throw error;
    }
    downloadBlob(blob, name);
    return t('export.saved', { file: name });
  }
  const files = await import('./files');
  const name = exportFileName(scene, format);
  const blob =
    format === 'svg'
      ? files.svgFile(snapshot, labels())
      : format === 'png'
        ? await files.pngFile(snapshot, labels())
        : await files.gifFile(snapshot, labels(), {
            stepText: (step, steps) => t('playback.step', { step, steps }),
            onProgress: onGif,
            signal,
          });
  downloadBlob(blob, name);
  return t('export.saved', { file: name });
}

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abortRef = useRef<AbortController | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  // Escape or a click elsewhere closes the list; Escape gives focus back to the button.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent): void => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  useEffect(() => () => abortRef.current?.abort(), []);

  const busy = status.kind === 'busy' || status.kind === 'frames';
  const choose = (format: Format): void => {
    setOpen(false);
    buttonRef.current?.focus();
    const controller = new AbortController();
    abortRef.current = controller;
    setStatus(
      isAnimated(format) ? { kind: 'frames', format, done: 0, total: 0 } : { kind: 'busy', format },
    );
    run(
      format,
      (done, total) => setStatus({ kind: 'frames', format, done, total }),
      controller.signal,
    ).then(
      (message) => setStatus({ kind: 'done', message }),
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError')
          setStatus({ kind: 'done', message: t('export.cancelled') });
        else
          setStatus({
            kind: 'error',
            message: t('export.failed', {
              message: error instanceof Error ? error.message : String(error),
            }),
          });
      },
    );
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-disabled={busy}
        onClick={() => {
          if (!busy) setOpen((o) => !o);
        }}
        data-testid="export-button"
      >
        {t('export.button')} <span aria-hidden="true">▾</span>
      </button>
      <ul id={menuId} className="export-list" hidden={!open} aria-label={t('export.menu')}>
        {ITEMS.map((item) => (
          <li key={item.format}>
            <button
              type="button"
              onClick={() => choose(item.format)}
              data-testid={`export-${item.format}`}
            >
              {item.label()}
            </button>
          </li>
        ))}
      </ul>
      <div className="export-status" role="status" data-testid="export-status">
        {status.kind === 'busy' && t('export.working')}
        {status.kind === 'frames' && (
          <>
            <progress
              max={Math.max(1, status.total)}
              value={status.done}
              aria-label={t(
                status.format === 'gif' ? 'export.gifProgress' : 'export.videoProgress',
                {
                  done: status.done,
                  total: status.total,
                },
              )}
            />
            <button type="button" onClick={() => abortRef.current?.abort()}>
              {t('export.cancel')}
            </button>
          </>
        )}
        {(status.kind === 'done' || status.kind === 'error') && status.message}
      </div>
    </div>
  );
}
