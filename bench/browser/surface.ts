/**
 * Surface or expression change → contours painted: pick the next named surface in the app's
 * picker, then type whole expressions into its expression field, as a user does, and time from
 * the control's event to the next 'scene-painted' mark (which the app sets only once the new
 * surface's contours and the new trajectories are both on screen). The detail names the three
 * slowest changes, so a miss says which surface (or which first meeting of one) caused it.
 */
import type { Browser } from '@playwright/test';
import { DEFAULT_SCENE } from '../../src/engine/scene';
import type { BenchRow } from '../types';
import { eventCount, firstPaint, latencySince, LatencySamples, openPage } from './session';
import { ms, median, percentile } from './stats';
import { SURFACE_IDS, sceneUrl } from './scenes';
import { expressionField, surfacePicker } from './ui';

const CHANGES = 24;
const BUDGET_MS = 100;
/** Distinct typed surfaces (pasted whole, so every one parses): bowls, valleys, ripples, a saddle. */
const EXPRESSIONS = [
  'x^2/10 + y^2 + 0.5*sin(x)',
  '(1 - x)^2 + 10*(y - x^2)^2',
  'x^2 + 3*y^2 + x*y',
  'log(1 + x^2 + 4*y^2)',
  'sqrt(1 + x^2) + abs(y)',
  '0.1*x^4 - x^2 + y^2 + 0.3*x',
  'x^2 - y^2 + 0.1*(x^4 + y^4)',
  '1 - exp(-(x^2 + y^2)/8) + 0.05*cos(3*x)*cos(3*y)',
  'softplus(x) + softplus(-x) + y^2/4',
  'sigmoid(x*y) + 0.1*(x^2 + y^2)',
] as const;

/** The three slowest samples with what was asked, e.g. 'rastrigin 93, beale 71, ackley 55 ms'. */
function slowest(samples: readonly { what: string; ms: number }[]): string {
  const top = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 3);
  return top.length === 0
    ? ''
    : `slowest: ${top.map((s) => `${s.what} ${ms(s.ms)}`).join(', ')} ms`;
}

function row(
  name: string,
  samples: LatencySamples,
  wanted: number,
  what: string,
  labelled: readonly { what: string; ms: number }[],
): BenchRow {
  const p95 = percentile(samples.ms, 95);
  const enough = samples.ms.length >= wanted;
  return {
    name,
    value: p95,
    unit: 'ms',
    budget: `<= ${BUDGET_MS} ms`,
    pass: enough && p95 <= BUDGET_MS,
    detail: [
      `${samples.ms.length} ${what}, median ${ms(median(samples.ms))} ms, max ${ms(Math.max(...samples.ms))} ms`,
      slowest(labelled),
      enough ? '' : `fewer than ${wanted} samples`,
      samples.misses(),
    ]
      .filter(Boolean)
      .join('; '),
  };
}

/** The surface-change figure. */
export async function measureSurfaceChange(browser: Browser, base: string): Promise<BenchRow[]> {
  const session = await openPage(browser, sceneUrl(base, DEFAULT_SCENE));
  try {
    const { page } = session;
    await firstPaint(page);
    const picker = await surfacePicker(page);
    const offered = await picker.evaluate((el) =>
      [...(el as HTMLSelectElement).options].map((o) => o.value),
    );
    const known: readonly string[] = SURFACE_IDS;
    const cycle = offered.filter((v) => known.includes(v) && v !== 'quadratic');
    if (cycle.length < 2)
      throw new Error(`the surface picker offers too few named surfaces (${offered.join(', ')})`);
    cycle.push('quadratic');
    console.error(`bench: ${CHANGES} surface changes ...`);
    const samples = new LatencySamples();
    const picked: { what: string; ms: number }[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const since = await eventCount(page);
      const id = cycle[i % cycle.length]!;
      await picker.selectOption(id);
      const latency = await latencySince(page, since);
      samples.add(latency);
      // The first round meets each surface for the first time (its code and formula cold).
      if (latency.kind === 'ok')
        picked.push({ what: i < cycle.length ? `${id} (first)` : id, ms: latency.ms });
    }
    const rows = [
      row(
        'browser: surface change -> contours painted (256 grid), p95',
        samples,
        20,
        `changes over ${cycle.length} surfaces`,
        picked,
      ),
    ];

    const custom = offered.find((v) => !known.includes(v));
    if (custom !== undefined) {
      console.error(`bench: ${EXPRESSIONS.length * 2} typed expressions ...`);
      // Choosing "typed expression" draws the field's starting expression: let it paint, unmeasured.
      const switched = await eventCount(page);
      await picker.selectOption(custom);
      await latencySince(page, switched);
      const field = await expressionField(page);
      const typed = new LatencySamples();
      const expressions: { what: string; ms: number }[] = [];
      for (let i = 0; i < EXPRESSIONS.length * 2; i++) {
        const since = await eventCount(page);
        const expr = EXPRESSIONS[i % EXPRESSIONS.length]!;
        await field.fill(expr);
        const latency = await latencySince(page, since);
        typed.add(latency);
        if (latency.kind === 'ok') expressions.push({ what: `'${expr}'`, ms: latency.ms });
      }
      rows.push(
        row(
          'browser: expression change -> contours painted (256 grid), p95',
          typed,
          20,
          'expressions',
          expressions,
        ),
      );
    }
    return rows;
  } finally {
    await session.close();
  }
}
