/**
 * Playback with twelve optimizers for 10 s: the page's own animation-frame intervals (p95) and the
 * main-thread tasks over 50 ms (Long Tasks API; long animation frames as context), while the
 * cursor moves at 60 steps per second.
 */
import type { Browser } from '@playwright/test';
import type { BenchRow } from '../types';
import type { LongEntry } from './probe';
import { firstPaint, openPage } from './session';
import { ms, median, percentile } from './stats';
import { PLAYBACK_SCENE, PLAYBACK_VIEW, sceneUrl } from './scenes';
import { currentStep, playButton } from './ui';

const SECONDS = 10;
const FRAME_BUDGET_MS = 17;

interface Recording {
  readonly frames: number[];
  readonly longTasks: LongEntry[];
  readonly longFrames: LongEntry[];
}

/** The playback figures: p95 frame time and long-task count. */
export async function measurePlayback(browser: Browser, base: string): Promise<BenchRow[]> {
  const session = await openPage(browser, sceneUrl(base, PLAYBACK_SCENE, PLAYBACK_VIEW));
  try {
    const { page } = session;
    await firstPaint(page);
    const play = await playButton(page);
    const startStep = await currentStep(page);
    console.error(
      `bench: playback of ${PLAYBACK_SCENE.optimizers.length} optimizers for ${SECONDS} s ...`,
    );
    await play.click();
    const recording = await page.evaluate(async (durationMs): Promise<Recording> => {
      const probe = window.__bench!;
      const frames: number[] = [];
      const start = performance.now();
      await new Promise<void>((done) => {
        let last = -1;
        const tick = (now: number): void => {
          if (last >= 0) frames.push(now - last);
          last = now;
          if (now - start >= durationMs) done();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const end = performance.now();
      // Entries are delivered asynchronously: give the observers a moment to catch up.
      await new Promise((done) => setTimeout(done, 100));
      const inside = (e: LongEntry): boolean => e.start >= start && e.start < end;
      return {
        frames,
        longTasks: probe.longTasks.filter(inside),
        longFrames: probe.longFrames.filter(inside),
      };
    }, SECONDS * 1000);
    const endStep = await currentStep(page);
    const playing = await page.evaluate(() => window.__descent?.playing() ?? null);

    const p95 = percentile(recording.frames, 95);
    const advanced = endStep - startStep;
    const moved = Number.isFinite(advanced) ? advanced > 0 : true;
    const longest = Math.max(0, ...recording.longTasks.map((e) => e.duration));
    return [
      {
        name: `browser: playback ${PLAYBACK_SCENE.optimizers.length} optimizers ${SECONDS} s, p95 frame`,
        value: p95,
        unit: 'ms',
        budget: `<= ${FRAME_BUDGET_MS} ms`,
        pass: moved && p95 <= FRAME_BUDGET_MS,
        detail: [
          `${recording.frames.length} frames, median ${ms(median(recording.frames))} ms, max ${ms(Math.max(...recording.frames))} ms`,
          `cursor ${startStep} -> ${endStep}${playing === false ? ' (stopped)' : ''}`,
          moved ? '' : 'playback did not move the cursor',
        ]
          .filter(Boolean)
          .join('; '),
      },
      {
        name: 'browser: playback main-thread tasks > 50 ms',
        value: recording.longTasks.length,
        unit: 'tasks',
        budget: '= 0',
        pass: moved && recording.longTasks.length === 0,
        detail: `longest ${ms(longest)} ms; ${recording.longFrames.length} long animation frames (> 50 ms)`,
      },
    ];
  } finally {
    await session.close();
  }
}
