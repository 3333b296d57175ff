/**
 * Heap after 1,000 scene changes: JSHeapUsedSize of the page after a forced GC, before and after.
 * Nine changes in ten move the learning-rate slider, one in ten picks another surface. Changes
 * come one per animation frame, as a drag delivers them (so superseded runs and dropped replies
 * are part of it), and each surface change waits for its repaint, so every tenth scene is drawn
 * in full. The events are dispatched from inside the page, since what is measured is memory, not
 * input latency.
 */
import type { Browser, CDPSession } from '@playwright/test';
import { DEFAULT_SCENE } from '../../src/engine/scene';
import type { BenchRow } from '../types';
import { firstPaint, openPage } from './session';
import { SURFACE_IDS, sceneUrl } from './scenes';
import { learningRateSlider, surfacePicker } from './ui';

const CHANGES = 1000;
const WARM_UP = 20;
const BUDGET_MB = 5;
/** Wall-clock cap on the 1,000 changes (BENCH_HEAP_SECONDS), so a slow app cannot stall the suite. */
const DEADLINE_S = Number(process.env.BENCH_HEAP_SECONDS ?? 140);
const MB = 1024 * 1024;

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  // Twice: the first pass may only queue finalizers whose objects the second frees.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
  if (!used) throw new Error('Performance.getMetrics gave no JSHeapUsedSize');
  return used.value;
}

/** The heap-growth figure. */
export async function measureHeap(browser: Browser, base: string): Promise<BenchRow[]> {
  const session = await openPage(browser, sceneUrl(base, DEFAULT_SCENE));
  try {
    const { page, cdp } = session;
    await firstPaint(page);
    const slider = await learningRateSlider(page);
    const picker = await surfacePicker(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');

    const sliderHandle = await slider.elementHandle();
    const pickerHandle = await picker.elementHandle();
    const change = (
      count: number,
      offset: number,
      seconds: number,
    ): Promise<{ timeouts: number; done: number }> =>
      page.evaluate(
        async ({ slider, picker, count, offset, surfaces, seconds }) => {
          const probe = window.__bench!;
          const range = slider as HTMLInputElement;
          const select = picker as HTMLSelectElement;
          const setInput = Object.getOwnPropertyDescriptor(
            HTMLInputElement.prototype,
            'value',
          )!.set!;
          const setSelect = Object.getOwnPropertyDescriptor(
            HTMLSelectElement.prototype,
            'value',
          )!.set!;
          const offered = [...select.options]
            .map((o) => o.value)
            .filter((v) => surfaces.includes(v));
          const min = Number(range.min || 0);
          const max = Number(range.max || 100);
          const home = Number(range.value);
          const span = (max - min) / 20;
          let timeouts = 0;
          let done = 0;
          const deadline = performance.now() + seconds * 1000;
          for (let i = offset; i < offset + count && performance.now() < deadline; i++, done++) {
            const before = performance.now();
            const surfaceTurn = i % 10 === 9;
            if (surfaceTurn) {
              const current = select.value;
              const next =
                offered.filter((v) => v !== current)[i % (offered.length - 1)] ?? offered[0]!;
              setSelect.call(select, next);
              select.dispatchEvent(new Event('change', { bubbles: true }));
            } else {
              // Around the starting rate, never twice the same value in a row.
              const step = ((i % 7) - 3 || 4) * (span / 4);
              setInput.call(range, String(Math.max(min, Math.min(max, Math.round(home + step)))));
              range.dispatchEvent(new Event('input', { bubbles: true }));
            }
            if (surfaceTurn || i === offset + count - 1) {
              if ((await probe.waitMark(before, 5000)) === null) timeouts++;
            } else {
              await new Promise((done) => requestAnimationFrame(done));
            }
          }
          // Whatever the last change started, let it finish before the heap is read.
          if (done < count) await probe.waitMark(performance.now(), 5000);
          return { timeouts, done };
        },
        {
          slider: sliderHandle,
          picker: pickerHandle,
          count,
          offset,
          surfaces: [...SURFACE_IDS] as string[],
          seconds,
        },
      );

    await change(WARM_UP, 0, DEADLINE_S);
    const before = await heapAfterGc(cdp);
    console.error(`bench: ${CHANGES} scene changes for the heap ...`);
    const started = Date.now();
    const { timeouts, done } = await change(CHANGES, WARM_UP, DEADLINE_S);
    const complete = done === CHANGES;
    const seconds = (Date.now() - started) / 1000;
    const after = await heapAfterGc(cdp);
    const growth = (after - before) / MB;
    return [
      {
        name: `browser: heap growth after ${CHANGES.toLocaleString('en-US')} scene changes`,
        value: growth,
        unit: 'MB',
        budget: `<= ${BUDGET_MB} MB`,
        // An incomplete run says nothing about 1,000 changes: no verdict then.
        ...(complete ? { pass: growth <= BUDGET_MB && timeouts === 0 } : {}),
        detail: [
          complete
            ? ''
            : `INCOMPLETE: only ${done} changes within the ${DEADLINE_S} s cap (BENCH_HEAP_SECONDS)`,
          `JSHeapUsedSize after GC ${(before / MB).toFixed(1)} -> ${(after / MB).toFixed(1)} MB (main thread)`,
          `${seconds.toFixed(1)} s`,
          timeouts > 0 ? `${timeouts} awaited repaints never came` : '',
        ]
          .filter(Boolean)
          .join('; '),
      },
    ];
  } finally {
    await session.close();
  }
}
