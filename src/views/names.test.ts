import { describe, expect, it } from 'vitest';
import { optimizerNames } from './names';

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
