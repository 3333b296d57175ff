import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { enAll } from '../i18n/en-all';
import { zhCN } from '../i18n/zh-CN';
import { zhTW } from '../i18n/zh-TW';
import { optimizerNames, PRESET_LABELS } from './names';

describe('optimizerNames', () => {
  it('uses the label, else the optimizer’s own name', () => {
    expect(optimizerNames([{ type: 'adam' }, { type: 'sgd', label: 'Momentum' }])).toEqual([
      'Adam',
      'Momentum',
    ]);
  });

  it('numbers later optimizers that share a name, in scene order', () => {
    expect(
      optimizerNames([{ type: 'adam' }, { type: 'sgd' }, { type: 'adam' }, { type: 'adam' }]),
    ).toEqual(['Adam', 'SGD', 'Adam 2', 'Adam 3']);
  });

  it('never makes a name that another optimizer already has', () => {
    const names = optimizerNames([
      { type: 'adam' },
      { type: 'adam', label: 'Adam 2' },
      { type: 'adam' },
    ]);
    expect(names).toEqual(['Adam', 'Adam 2', 'Adam 3']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('treats a blank label as no label', () => {
    expect(optimizerNames([{ type: 'sgd', label: '  ' }, { type: 'sgd' }])).toEqual([
      'SGD',
      'SGD 2',
    ]);
  });
});

describe('names the app wrote (learnfix, review 10 defect 12)', () => {
  afterEach(async () => {
    await setLocale('en');
  });

  it('say a preset label in the page’s language, from whichever language wrote it', async () => {
    const scene = [
      { type: 'sgd', lr: 0.1, label: 'SGD' },
      { type: 'sgd', lr: 0.1, momentum: 0.9, label: 'Momentum' },
      { type: 'sgd', lr: 0.1, momentum: 0.9, label: '動量法' },
      { type: 'sgd', lr: 0.1, momentum: 0.9, nesterov: true, label: 'NAG (Nesterov)' },
      { type: 'adam', label: 'My Momentum' },
    ] as const;
    expect(optimizerNames(scene)).toEqual([
      'SGD',
      'Momentum',
      'Momentum 2',
      'NAG (Nesterov)',
      'My Momentum',
    ]);
    await setLocale('zh-CN');
    expect(optimizerNames(scene)).toEqual([
      'SGD',
      '动量法',
      '动量法 2',
      'NAG（Nesterov）',
      'My Momentum',
    ]);
    await setLocale('zh-TW');
    expect(optimizerNames(scene)[1]).toBe('動量法');
  });

  it('know every language’s text of each preset name', async () => {
    for (const [catalogue, locale] of [
      [enAll, 'en'],
      [zhCN, 'zh-CN'],
      [zhTW, 'zh-TW'],
    ] as const) {
      for (const key of ['optimizers.preset.momentum', 'optimizers.preset.nag'] as const) {
        expect(PRESET_LABELS[catalogue[key]], `${locale} ${key}`).toBe(key);
      }
    }
  });
});
