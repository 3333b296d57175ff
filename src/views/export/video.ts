/**
 * The run as a video for slides and posts: the same frames as the GIF (the map's own painter at
 * each step), encoded by the browser's WebCodecs and muxed by Mediabunny, as WebM (VP9, else
 * VP8) or as MP4 (H.264, for Keynote, older PowerPoint and older iOS Safari, which play no
 * WebM). Loaded on first use only, so neither weighs on the first paint.
 */
import {
  BufferTarget,
  CanvasSource,
  getFirstEncodableVideoCodec,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
} from 'mediabunny';
import type { VideoCodec } from 'mediabunny';
import type { MapLabels, MapSnapshot } from './svg';
import { exportSize, frameCursors, framePainter } from './files';

/** Frames per second of the video. */
export const VIDEO_FPS = 30;
/** How long the last frame is held, in seconds (a still to read the result). */
const HOLD_SECONDS = 1.5;
/** Most frames sampled from a run (10 s at 30 fps); longer runs are sampled evenly. */
const MAX_FRAMES = 300;

/**
 * `view`: the size the map has on screen; `1080p`: a 1920 × 1080 frame (what slides and players
 * expect of "1080p"), the map scaled to fit it and centred on white.
 */
export type VideoSize = 'view' | '1080p';

/** `webm`: VP9 (else VP8) in WebM; `mp4`: H.264 in MP4. */
export type VideoContainer = 'webm' | 'mp4';

/** The codecs tried for each container, best first. */
const CODECS: Readonly<Record<VideoContainer, readonly VideoCodec[]>> = {
  webm: ['vp9', 'vp8'],
  // H.264 only: HEVC or AV1 in MP4 would not play in the slide programs MP4 is for.
  mp4: ['avc'],
};

export interface VideoOptions {
  readonly container: VideoContainer;
  readonly size: VideoSize;
  readonly stepText: (step: number, steps: number) => string;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/** The scale that fits a `width`×`height` map to `size`. */
export function videoScale(size: VideoSize, width: number, height: number): number {
  return size === 'view' ? 1 : Math.min(1920 / width, 1080 / height);
}

/**
 * Encodes the run of `snapshot` as `options.container`. Throws an Error whose message is
 * `unsupported` when this browser has no WebCodecs encoder for that container's codecs (VP9 or
 * VP8 for WebM, H.264 for MP4) at that size, and an AbortError on cancel.
 */
export async function videoFile(
  snapshot: MapSnapshot,
  labels: MapLabels,
  options: VideoOptions,
): Promise<Blob> {
  const layout = exportSize(snapshot);
  const scale = videoScale(options.size, layout.width, layout.height);
  const painter = await framePainter(snapshot, labels, {
    scale,
    stepText: options.stepText,
    even: true,
    background: '#ffffff',
  });
  const { canvas, width, height, copy } = videoFrame(painter.canvas, options.size);
  // Null without WebCodecs, or with no encoder for these codecs at this size.
  const codec = await getFirstEncodableVideoCodec([...CODECS[options.container]], {
    width,
    height,
    quality: QUALITY_HIGH,
    frameRate: VIDEO_FPS,
  });
  if (!codec) throw new Error('unsupported');

  const format =
    options.container === 'mp4'
      ? // The index (moov) before the media: players start without reading the whole file.
        new Mp4OutputFormat({ fastStart: 'in-memory' })
      : new WebMOutputFormat();
  const output = new Output({ format, target: new BufferTarget() });
  const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH });
  output.addVideoTrack(source, { frameRate: VIDEO_FPS });
  await output.start();
  try {
    const cursors = frameCursors(snapshot.scene.steps, MAX_FRAMES);
    const frame = 1 / VIDEO_FPS;
    for (let k = 0; k < cursors.length; k++) {
      if (options.signal?.aborted) throw new DOMException('video export cancelled', 'AbortError');
      painter.paint(cursors[k]!);
      copy();
      const last = k === cursors.length - 1;
      // Awaiting add() respects the encoder's backpressure.
      await source.add(k * frame, last ? HOLD_SECONDS : frame);
      options.onProgress?.(k + 1, cursors.length);
    }
    await output.finalize();
  } catch (error) {
    await output.cancel();
    throw error;
  }
  const buffer = output.target.buffer;
  if (!buffer) throw new Error('the video muxer gave no file');
  return new Blob([buffer], { type: format.mimeType });
}

/** 1080p's frame, in px. */
const FULL_HD = { width: 1920, height: 1080 } as const;

/**
 * The canvas the encoder reads, and `copy`, which brings the painter's latest frame onto it: the
 * painter's own canvas at `view` size (nothing to copy); at `1080p` a 1920 × 1080 one on which the
 * painted map (already scaled to fit, see `videoScale`) is centred on white.
 */
function videoFrame(
  painted: HTMLCanvasElement,
  size: VideoSize,
): { canvas: HTMLCanvasElement; width: number; height: number; copy: () => void } {
  if (size === 'view')
    return { canvas: painted, width: painted.width, height: painted.height, copy: () => {} };
  const canvas = document.createElement('canvas');
  canvas.width = FULL_HD.width;
  canvas.height = FULL_HD.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('unsupported');
  const x = Math.floor((FULL_HD.width - painted.width) / 2);
  const y = Math.floor((FULL_HD.height - painted.height) / 2);
  return {
    canvas,
    ...FULL_HD,
    copy: () => {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, FULL_HD.width, FULL_HD.height);
      ctx.drawImage(painted, x, y);
    },
  };
}
