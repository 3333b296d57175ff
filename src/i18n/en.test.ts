import { describe, expect, it } from 'vitest';
import { SURFACE_IDS } from '../engine/surfaces';
import { isMessageKey, t } from './index';

describe('message catalogue', () => {
  it('fills named parameters and leaves unknown ones visible', () => {
    expect(t('playback.step', { step: 3, steps: 200 })).toBe('Step 3 / 200');
    expect(t('playback.step', { step: 3 })).toBe('Step 3 / {steps}');
  });

  it('has a name for every named surface the engine offers', () => {
    expect(SURFACE_IDS.length).toBeGreaterThanOrEqual(11);
    for (const id of SURFACE_IDS) expect(isMessageKey(`surface.${id}`), id).toBe(true);
  });
});
