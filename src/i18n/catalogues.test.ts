import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_MESSAGES } from '../engine/messages';
import { OPTIMIZER_TYPES } from '../engine/optimizers';
import { formulaOf } from '../engine/optimizers/formulas';
import { enAll as en } from './en-all';
import { getLocale, LOCALE_IDS, setLocale, t } from './index';
import type { MessageKey } from './index';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** Values a translation may keep in English: names, and the activation / init names of the lab. */
const NAMES = new Set([
  'SGD',
  'Adam',
  'AdaGrad',
  'A',
  'B',
  'sigmoid',
  'tanh',
  'ReLU',
  'leaky ReLU',
  'ELU',
  'Xavier',
  'He',
  'XOR',
]);

/** Symbols, numbers and formulas with no word in them (`x = {value}`, `f(x, y) =`). */
const isSymbolic = (text: string): boolean => !/[A-Za-z]{2,}/.test(text.replace(/\{\w+\}/g, ''));

const keys = Object.keys(en) as MessageKey[];

afterEach(() => setLocale('en'));

describe('the three catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual([...keys].sort());
    expect(Object.keys(zhTW).sort()).toEqual([...keys].sort());
  });

  it('keep every {placeholder} of the English text, no more and no fewer', () => {
    for (const key of keys) {
      expect(placeholders(zhCN[key]), `zh-CN ${key}`).toEqual(placeholders(en[key]));
      expect(placeholders(zhTW[key]), `zh-TW ${key}`).toEqual(placeholders(en[key]));
    }
  });

  it('translate every string except names and symbols', () => {
    const untranslated = (zh: Record<MessageKey, string>): MessageKey[] =>
      keys.filter((k) => zh[k] === en[k] && !NAMES.has(en[k]) && !isSymbolic(en[k]));
    expect(untranslated(zhCN)).toEqual([]);
    expect(untranslated(zhTW)).toEqual([]);
  });

  it('differ between Simplified and Traditional for most keys (one script is not copied into the other)', () => {
    const chinese = keys.filter((k) => /[\u4e00-\u9fff]/.test(zhCN[k]));
    const same = chinese.filter((k) => zhCN[k] === zhTW[k]);
    expect(chinese.length).toBeGreaterThan(keys.length * 0.8);
    expect(same.length / chinese.length).toBeLessThan(0.35);
  });

  it('write each Chinese catalogue in its own script', () => {
    // Pairs of one simplified and one traditional character that never share a form.
    const simplified = '这个们为数设时优学习择显链图关计认请复录发';
    const traditional = '這個們為數設時優學習擇顯鏈圖關計認請複錄發';
    const hits = (text: string, chars: string): string[] =>
      [...text].filter((c) => chars.includes(c));
    for (const key of keys) {
      expect(hits(zhCN[key], traditional), `zh-CN ${key}`).toEqual([]);
      expect(hits(zhTW[key], simplified), `zh-TW ${key}`).toEqual([]);
    }
  });

  it('has every engine message in the three catalogues, English word for word', () => {
    for (const [code, text] of Object.entries(ENGINE_MESSAGES)) {
      const key = `engine.${code}` as MessageKey;
      expect(en[key], code).toBe(text);
      expect(zhCN[key], code).toBeDefined();
      expect(zhTW[key], code).toBeDefined();
    }
  });
  it("carry each optimizer's engine note word for word in English, and translate it", () => {
    for (const type of OPTIMIZER_TYPES) {
      const key = `optimizer.note.${type}` as const;
      expect(en[key]).toBe(formulaOf(type).note);
      expect(zhCN[key]).not.toBe(en[key]);
    }
  });
});

describe('t follows the chosen language', () => {
  it('reads the catalogue of the current locale and fills its parameters', async () => {
    await setLocale('zh-CN');
    expect(getLocale()).toBe('zh-CN');
    expect(t('playback.step', { step: 3, steps: 200 })).toBe('第 3 / 200 步');
    await setLocale('zh-TW');
    expect(t('optimizers.heading')).toBe('最佳化器');
    await setLocale('en');
    expect(t('optimizers.heading')).toBe('Optimizers');
  });

  it('a later switch wins over one still loading its catalogue', async () => {
    const slow = setLocale('zh-TW');
    await setLocale('en');
    await slow;
    expect(getLocale()).toBe('en');
    expect(t('optimizers.heading')).toBe('Optimizers');
  });

  it('offers exactly English, 简体中文 and 繁體中文', () => {
    expect(LOCALE_IDS).toEqual(['en', 'zh-CN', 'zh-TW']);
  });
});

describe('English in two parts: the first screen, then the rest', () => {
  it('splits the keys without overlap, so each English text is written once', async () => {
    const { en: firstScreen } = await import('./en');
    const { enMore } = await import('./en-more');
    const overlap = Object.keys(firstScreen).filter((k) => k in enMore);
    expect(overlap).toEqual([]);
  });

  it('shows a text not loaded yet as empty, records it, and has it once the rest is loaded', async () => {
    vi.resetModules();
    const i18n = await import('./index');
    expect(i18n.t('playback.play')).toBe('Play');
    // The lab's texts are not on the first screen.
    expect(i18n.t('lab.train')).toBe('');
    expect(i18n.textsShownBeforeLoading()).toContain('lab.train');
    const revision = i18n.useLocaleStore.getState().revision;
    await i18n.loadAllTexts();
    expect(i18n.t('lab.train')).toBe(en['lab.train']);
    // Components subscribed through useLocale re-render: the revision moved.
    expect(i18n.useLocaleStore.getState().revision).toBeGreaterThan(revision);
  });
});
