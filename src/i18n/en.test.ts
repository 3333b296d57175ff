import { describe, expect, it } from 'vitest';
import { SURFACE_IDS } from '../engine/surfaces';
import { chartStrings } from '../views/charts/strings';
import { formulaStrings } from '../views/formula/strings';
import { en } from './en';
import { isMessageKey, t } from './index';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message catalogue', () => {
  it('fills named parameters and leaves unknown ones visible', () => {
    expect(t('playback.step', { step: 3, steps: 200 })).toBe('Step 3 / 200');
    expect(t('playback.step', { step: 3 })).toBe('Step 3 / {steps}');
  });

  it('carries every chart and formula string with the same parameters, so one catalogue translates them all', () => {
    for (const [key, text] of Object.entries({ ...chartStrings, ...formulaStrings })) {
      expect(isMessageKey(key), key).toBe(true);
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it('has a name for every named surface the engine offers', () => {
    expect(SURFACE_IDS.length).toBeGreaterThanOrEqual(11);
    for (const id of SURFACE_IDS) expect(isMessageKey(`surface.${id}`), id).toBe(true);
  });
});
