import { describe, expect, it } from 'vitest';
import { enAll as en } from '../../i18n/en-all';
import { zhCN } from '../../i18n/zh-CN';
import { zhTW } from '../../i18n/zh-TW';
import { CancelledError, WorkerCrashedError } from '../../worker/workerClient';
import { LAB_ERROR_KEYS, isLabErrorKey, labErrorKey } from './labErrors';

describe('the lab’s failures in the reader’s language', () => {
  it('every message key the lab shows for a failure is in en, zh-CN and zh-TW, translated', () => {
    const keys = [
      ...LAB_ERROR_KEYS,
      'view3d.noContext',
      'view3d.unavailable',
      'lab.error',
    ] as const;
    for (const key of keys) {
      expect(en[key], key).toMatch(/\w/);
      expect(zhCN[key], key).toMatch(/[\u4e00-\u9fff]/);
      expect(zhTW[key], key).toMatch(/[\u4e00-\u9fff]/);
      expect(zhCN[key], key).not.toBe(en[key]);
    }
  });

  it('says a crashed or hung worker and the worker’s engine errors by kind, never in English', () => {
    expect(labErrorKey(new WorkerCrashedError('worker error: boom'))).toBe('lab.failure.crashed');
    expect(labErrorKey(new WorkerCrashedError('no answer within 120000 ms'))).toBe(
      'lab.failure.timeout',
    );
    expect(labErrorKey(new Error('slot b: nothing has been trained yet'))).toBe(
      'lab.failure.notTrained',
    );
    expect(
      labErrorKey(new RangeError('paths[1]: the weights are not finite (the run diverged)')),
    ).toBe('lab.failure.diverged');
    expect(
      labErrorKey(
        new RangeError('directions: the PCA of a path needs at least two snapshots; train first'),
      ),
    ).toBe('lab.failure.needTraining');
    expect(labErrorKey(new Error('unexpected reply'))).toBe('lab.failure.unexpected');
    expect(labErrorKey('a string')).toBe('lab.failure.unexpected');
    expect(labErrorKey(new CancelledError())).toBe('lab.failure.unexpected');
    expect(isLabErrorKey('lab.failure.crashed')).toBe(true);
    expect(isLabErrorKey('The computation failed')).toBe(false);
  });
});
