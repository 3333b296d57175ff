import { afterEach, describe, expect, it } from 'vitest';
import { validateScene } from '../engine/scene';
import type { Surface } from '../engine/types';
import { loadAllTexts, setLocale } from '../i18n';
import { checkStart } from '../engine/start';
import { validateNetworkSpec } from '../engine/nn/network';
import { decodeLabUrl } from '../state/lab';
import { localFieldMessage, localMessage } from './fieldMessage';

/** The app's messages for an Adam whose `field` is `value`. */
function messagesFor(field: string, value: unknown): string[] {
  const { errors } = validateScene({ optimizers: [{ type: 'sgd', [field]: value }] });
  return errors.map(localFieldMessage);
}

afterEach(async () => {
  await setLocale('en');
});

describe('torch’s reason for a bound in the app’s field errors', () => {
  it('is said on English pages, after the bound the value breaks', () => {
    expect(messagesFor('lr', -1)).toEqual([
      'optimizers[0].lr: must be >= 0, got -1 (torch refuses a negative learning rate)',
    ]);
    expect(messagesFor('momentum', -0.1)[0]).toContain('(torch refuses a negative momentum)');
  });

  it('is said in Chinese on Chinese pages, not mixed in as English nor left out', async () => {
    await loadAllTexts();
    const expected = {
      'zh-CN': '（torch 不接受负的学习率）',
      'zh-TW': '（torch 不接受負的學習率）',
    };
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      await setLocale(locale);
      const [message] = messagesFor('lr', -1);
      expect(message).toMatch(/^optimizers\[0\]\.lr: /);
      expect(message).toContain('-1');
      expect(message).not.toMatch(/torch refuses|must be/);
      expect(message!.endsWith(expected[locale]), message).toBe(true);
    }
  });

  it('is absent where the bound has no reason of torch’s (a value that is not a number)', () => {
    expect(messagesFor('lr', 'fast')[0]).not.toContain('torch');
  });
});

describe('the start outside f and the lab’s problems in the page’s language', () => {
  const logSurface = {
    f: (x: number) => Math.log(x),
  } as unknown as Surface;

  it('says them in each language, keeping the field’s values as written', async () => {
    const outside = checkStart(logSurface, [0, 0])!;
    const network = validateNetworkSpec({
      inputSize: 2,
      layers: [{ units: 3, activation: 'swish' as never, residual: true }],
    });
    const lab = decodeLabUrl('depth:3,zzz:1').problems;
    const all = [outside, ...network, ...lab];
    expect(all.map((e) => e.code)).toEqual([
      'start.outsideDomain',
      'network.activation',
      'network.residual',
      'lab.unknown',
    ]);
    const english = all.map(localMessage);
    expect(english[0]).toBe(outside.message);
    expect(english[0]).toContain('f(0, 0) = -inf');
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      await setLocale(locale);
      const local = all.map(localMessage);
      local.forEach((text, i) => expect(text).not.toBe(english[i]));
      expect(local.join(' ')).not.toMatch(/[a-z]{4,} (?:the|an?|to|is|but)\b/);
      expect(local[0]).toContain('f(0, 0) = -inf');
      expect(local[1]).toContain('"swish"');
      expect(local[2]).toContain('2');
    }
  });
});
