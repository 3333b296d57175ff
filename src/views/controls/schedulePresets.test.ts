import { describe, expect, it } from 'vitest';
import { parseScene } from '../../engine/scene';
import { SCHEDULE_TYPES } from '../../engine/optimizers/schedule-spec';
import { OPTIMIZER_TYPES } from '../../engine/optimizers';
import { schedulePreset } from './schedulePresets';

describe('schedule presets', () => {
  it('every type picked in the editor is a schedule torch accepts, for every optimizer and step count', () => {
    const refused: string[] = [];
    for (const type of SCHEDULE_TYPES) {
      for (const optimizer of OPTIMIZER_TYPES) {
        for (const steps of [1, 7, 200, 10_000]) {
          const config = { type: optimizer, lr: 0.05 } as const;
          const schedule = schedulePreset(type, config, steps);
          const parsed = parseScene({ steps, optimizers: [{ ...config, schedule }] });
          if (!parsed.ok)
            refused.push(
              `${type} on ${optimizer}, ${steps} steps: ${JSON.stringify(parsed.errors)}`,
            );
        }
      }
    }
    expect(refused).toEqual([]);
  });
});
