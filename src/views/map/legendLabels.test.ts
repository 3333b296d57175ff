import { describe, expect, it } from 'vitest';
import { colourBarLabelEvery } from './Legend';

describe('colourBarLabelEvery', () => {
  const texts = [
    '0.061',
    '0.088',
    '0.15',
    '0.24',
    '0.35',
    '0.55',
    '0.83',
    '1.3',
    '2',
    '3.1',
    '4.8',
    '7',
  ];

  it('names about six thresholds on a wide bar', () => {
    expect(colourBarLabelEvery(texts, 800, 13)).toBe(2);
  });

  it('names fewer on a narrow bar, so neighbours keep half an em apart', () => {
    const width = 200;
    const every = colourBarLabelEvery(texts, width, 13);
    expect(every).toBeGreaterThan(2);
    const w = (s: string): number => s.length * 0.6 * 13;
    for (let i = 0; i + every < texts.length; i += every) {
      const gap = (every / (texts.length + 1)) * width - (w(texts[i]!) + w(texts[i + every]!)) / 2;
      expect(gap).toBeGreaterThanOrEqual(6.5);
    }
  });
});
