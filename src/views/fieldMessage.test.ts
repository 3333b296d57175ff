import { afterEach, describe, expect, it } from 'vitest';
import { validateScene } from '../engine/scene';
import { setLocale } from '../i18n';
import { localFieldMessage } from './fieldMessage';

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

  it('is left out of Chinese sentences rather than mixed in as English', async () => {
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      await setLocale(locale);
      const [message] = messagesFor('lr', -1);
      expect(message).toMatch(/^optimizers\[0\]\.lr: /);
      expect(message).toContain('-1');
      expect(message).not.toMatch(/torch refuses|must be/);
    }
  });

  it('is absent where the bound has no reason of torch’s (a value that is not a number)', () => {
    expect(messagesFor('lr', 'fast')[0]).not.toContain('torch');
  });
});
