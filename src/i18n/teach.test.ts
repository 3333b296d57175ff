import { describe, expect, it } from 'vitest';
import { explainDivergence } from '../engine/analysis/divergence';
import type { DivergenceExplanation } from '../engine/analysis/divergence';
import { NAMED_SURFACES, resolveSurface } from '../engine/surfaces';
import { LESSONS, findLesson } from '../lessons/catalog';
import { LOCALE_IDS } from './index';
import {
  TEACH_MESSAGES,
  formatAxis,
  formatDivergence,
  formatNumber,
  teachEn,
  teachZhCN,
  teachZhTW,
} from './teach';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

function lessonExplanations(): DivergenceExplanation[] {
  const out: DivergenceExplanation[] = [];
  for (const lesson of LESSONS) {
    const r = resolveSurface(lesson.scene.surface);
    if (!r.ok) throw new Error(r.error.message);
    for (const c of lesson.scene.optimizers) {
      out.push(
        explainDivergence(r.surface, lesson.scene.start, lesson.scene.steps, c, { sweepPoints: 7 }),
      );
    }
  }
  return out;
}

describe('teach catalogues', () => {
  it('have the same keys and the same placeholders in all three languages, written in Chinese', () => {
    const keys = Object.keys(teachEn).sort();
    expect(Object.keys(teachZhCN).sort()).toEqual(keys);
    expect(Object.keys(teachZhTW).sort()).toEqual(keys);
    for (const key of keys as (keyof typeof teachEn)[]) {
      expect(placeholders(teachZhCN[key])).toEqual(placeholders(teachEn[key]));
      expect(placeholders(teachZhTW[key])).toEqual(placeholders(teachEn[key]));
      if (key.startsWith('teach.band.')) continue;
      expect(teachZhCN[key]).toMatch(/[\u4e00-\u9fff]/);
      expect(teachZhTW[key]).toMatch(/[\u4e00-\u9fff]/);
      expect(teachZhTW[key]).not.toBe(teachZhCN[key]);
    }
  });
});

describe('formatNumber and formatAxis', () => {
  it('print three significant digits and a sign-normalised direction', () => {
    expect(
      [2.1, 2.0999999999999996, 0.0025, 1902.4, 3.8000000001, 1e-7, -0.1, 0].map(formatNumber),
    ).toEqual(['2.1', '2.1', '0.0025', '1900', '3.8', '1e-7', '-0.1', '0']);
    expect(formatAxis([0, -1])).toBe('(0, 1)');
    expect(formatAxis([-Math.SQRT1_2, Math.SQRT1_2])).toBe('(0.71, -0.71)');
  });
});

describe('formatDivergence', () => {
  const synthetic: DivergenceExplanation[] = [
    { kind: 'non-finite-start', point: [0, 1], loss: Infinity },
    explainDivergence(NAMED_SURFACES.saddle!, [-2, 0.001], 10000, { type: 'sgd', lr: 0.05 }),
  ];
  const all = [...lessonExplanations(), ...synthetic];

  it('says every lesson run’s explanation in full sentences in every language', () => {
    const kinds = new Set(all.map((e) => e.kind));
    for (const k of [
      'exceeds-band',
      'oscillates',
      'within-band',
      'no-closed-form',
      'negative-curvature',
      'non-finite-start',
    ])
      expect(kinds).toContain(k);
    for (const e of all) {
      for (const locale of LOCALE_IDS) {
        const sentences = formatDivergence(e, locale);
        expect(sentences.length).toBeGreaterThan(0);
        for (const s of sentences) {
          expect(s).not.toMatch(/\{\w+\}|NaN|undefined/);
          expect(s).toMatch(locale === 'en' ? /[.:]$/ : /[。：]$/);
        }
      }
    }
  });

  it('reads the lesson "learning rate too large" in numbers', () => {
    const lesson = findLesson('lr-too-large')!;
    const e = explainDivergence(
      NAMED_SURFACES.quadratic!,
      lesson.scene.start,
      lesson.scene.steps,
      lesson.scene.optimizers[1]!,
    );
    const [en, limit, outcome] = formatDivergence(e, 'en');
    expect(en).toMatch(
      /^lr·λ_max = 2\.1 > 2 along the steep axis \(0, 1\) from step 0: the stable band is lr·λ < 2,/,
    );
    expect(limit).toBe('At this point the largest stable lr is 1.');
    expect(outcome).toBe(TEACH_MESSAGES.en['teach.outcome.grew']);
    expect(formatDivergence(e, 'zh-CN')[0]).toMatch(
      /^从第 0 步起，沿陡峭方向 \(0, 1\) 有 lr·λ_max = 2\.1 > 2/,
    );
    expect(formatDivergence(e, 'zh-TW')[0]).toMatch(
      /^從第 0 步起，沿陡峭方向 \(0, 1\) 有 lr·λ_max = 2\.1 > 2/,
    );
  });

  it('gives momentum its band and its critical damping', () => {
    const lesson = findLesson('momentum-ravine')!;
    const r = resolveSurface(lesson.scene.surface);
    if (!r.ok) throw new Error('surface');
    const e = explainDivergence(
      r.surface,
      lesson.scene.start,
      lesson.scene.steps,
      lesson.scene.optimizers[1]!,
    );
    // lr 0.5, μ 0.8, λ_max 2: lr·λ = 1, band 2(1 + 0.8) = 3.6, critical damping (1 − 1)² = 0.
    expect(formatDivergence(e, 'en')[0]).toBe(
      'With momentum μ = 0.8 the steep axis (0, 1) spirals in from step 0: lr·λ_max = 1 is inside the band (lr·λ < 2(1 + μ) = 3.6), and μ is above critical damping (1 − √(lr·λ))² = 0, so the path swings past the floor and back in ripples while it converges.',
    );
  });
});
