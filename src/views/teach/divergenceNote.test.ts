import { describe, expect, it } from 'vitest';
import { symmetricEigen2 } from '../../engine/analysis/eigen';
import { stableProductBound } from '../../engine/analysis/regime';
import { simulateOne } from '../../engine/simulate';
import { NAMED_SURFACES, resolveSurface } from '../../engine/surfaces';
import type { OptimizerConfig, Surface, Trajectory } from '../../engine/types';
import { LOCALE_IDS } from '../../i18n';
import { formatNumber } from '../../i18n/teach';
import { LESSONS } from '../../lessons/catalog';
import { divergenceNote, noteSentences } from './divergenceNote';

function surfaceOf(ref: Parameters<typeof resolveSurface>[0]): Surface {
  const r = resolveSurface(ref);
  if (!r.ok) throw new Error(r.error.message);
  return r.surface;
}

/**
 * Read off the engine's own run, independently of divergence.ts: the first step k whose
 * lr_k·(λ_max(θ_k) + wd) reaches torch SGD's stable bound, and that product.
 */
function firstStepPastBand(
  surface: Surface,
  run: Trajectory,
  config: OptimizerConfig,
): { step: number; product: number } | undefined {
  const momentum = config.momentum ?? 0;
  const bound = stableProductBound({
    momentum,
    dampening: momentum === 0 ? 0 : (config.dampening ?? 0),
    nesterov: config.nesterov ?? false,
  });
  const h = new Float64Array(3);
  for (let k = 0; k < run.length - 1; k++) {
    surface.hessian(run.points[2 * k]!, run.points[2 * k + 1]!, h);
    const lambda = symmetricEigen2(h[0]!, h[1]!, h[2]!).lambdaMax + (config.weight_decay ?? 0);
    const product = run.lrs![k]! * lambda;
    if (product >= bound) return { step: k, product };
  }
  return undefined;
}

const STEP_WORDS = { en: 'from step ', 'zh-CN': '从第 ', 'zh-TW': '從第 ' } as const;
const OVERFLOW_WORDS = {
  en: (k: number) => `overflowed at step ${k}.`,
  'zh-CN': (k: number) => `第 ${k} 步时数值溢出了。`,
  'zh-TW': (k: number) => `第 ${k} 步時數值溢位了。`,
} as const;

describe('the note shown for every lesson scene names the engine’s own divergence step', () => {
  for (const lesson of LESSONS) {
    it(lesson.id, () => {
      const surface = surfaceOf(lesson.scene.surface);
      const { start, steps } = lesson.scene;
      for (const config of lesson.scene.optimizers) {
        const run = simulateOne(surface, start, steps, config);
        const grew = run.diverged || run.losses[run.length - 1]! > run.losses[0]!;
        const note = divergenceNote(surface, start, steps, config, 9);
        // A run that blows up or ends above its start is always explained, and as an alarm.
        if (grew) {
          expect(note, `${lesson.id}: ${config.type} lr ${config.lr}`).not.toBeNull();
          expect(note!.tone).toBe('alarm');
        }
        if (!note) continue;
        for (const locale of LOCALE_IDS) {
          const text = noteSentences(note, locale).join(' ');
          expect(text).not.toMatch(/\{\w+\}|NaN|undefined/);
          // The overflow sentence names the step whose result the engine found non-finite.
          if (run.diverged) expect(text).toContain(OVERFLOW_WORDS[locale](run.length - 1));
        }
        if (config.type !== 'sgd') {
          expect(note.explanation.kind).toBe('no-closed-form');
          continue;
        }
        const past = firstStepPastBand(surface, run, config);
        if (note.explanation.kind === 'exceeds-band') {
          // The step and lr·λ_max the first sentence names are where the engine's path left the band.
          expect(past).toBeDefined();
          expect(note.step).toBe(past!.step);
          const [en] = noteSentences(note, 'en', true);
          expect(en).toMatch(
            new RegExp(`^lr·λ_max = ${formatNumber(past!.product).replace('.', '\\.')} > `),
          );
          for (const locale of LOCALE_IDS) {
            expect(noteSentences(note, locale, true)[0]).toContain(
              `${STEP_WORDS[locale]}${past!.step}`,
            );
          }
        } else {
          expect(past, `${lesson.id}: ${JSON.stringify(config)}`).toBeUndefined();
        }
      }
    });
  }
});

describe('divergenceNote', () => {
  const quadratic = NAMED_SURFACES.quadratic!;

  it('stays quiet for a calm run and speaks once the lr slider passes the band’s edge', () => {
    // x²/10 + y²: λ_max = 2, plain SGD's band is lr < 1; below 0.5 the steep axis is monotone.
    expect(divergenceNote(quadratic, [-4, 2], 100, { type: 'sgd', lr: 0.4 })).toBeNull();
    const zigzag = divergenceNote(quadratic, [-4, 2], 100, { type: 'sgd', lr: 0.7 })!;
    expect([zigzag.explanation.kind, zigzag.tone]).toEqual(['oscillates', 'notice']);
    const out = divergenceNote(quadratic, [-4, 2], 100, { type: 'sgd', lr: 1.2 })!;
    expect([out.explanation.kind, out.tone, out.step]).toEqual(['exceeds-band', 'alarm', 0]);
    expect(noteSentences(out, 'en', true)).toEqual([
      expect.stringMatching(/^lr·λ_max = 2\.4 > 2 along the steep axis \(0, 1\) from step 0:/),
    ]);
  });

  it('gives an adaptive optimizer whose loss grows the sweep’s edge, and none when it settles', () => {
    expect(divergenceNote(quadratic, [-4, 2], 100, { type: 'adam', lr: 0.1 })).toBeNull();
    // Started next to the minimum, Adam's first steps are about lr long: at lr 1 it ends higher.
    const adam: OptimizerConfig = { type: 'adam', lr: 1 };
    const run = simulateOne(quadratic, [0.01, 0.01], 20, adam);
    expect(run.losses[20]!).toBeGreaterThan(run.losses[0]!);
    const note = divergenceNote(quadratic, [0.01, 0.01], 20, adam, 9)!;
    expect([note.explanation.kind, note.tone]).toEqual(['no-closed-form', 'alarm']);
    const brief = noteSentences(note, 'en', true);
    expect(brief).toHaveLength(2);
    expect(brief[0]).toMatch(/^Adam divides each step by running statistics/);
    expect(brief[1]).toMatch(/^An lr sweep from 0\.01 to 1000 /);
    expect(noteSentences(note, 'en')).toContain('The loss ends higher than it started.');
  });
});
