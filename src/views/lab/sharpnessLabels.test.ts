import { describe, expect, it } from 'vitest';
import { placeEdgeLabels } from './SharpnessPanel';

describe('the sharpness chart’s 2/lr labels', () => {
  it('one label per line, naming every path on it, and none drawn over another', () => {
    // A and D at one lr, C at another whose line lies 4 px below, E far off.
    const labels = placeEdgeLabels([
      { name: 'A', y: 50 },
      { name: 'C', y: 54 },
      { name: 'D', y: 50 },
      { name: 'E', y: 120 },
    ]);
    expect([...labels.keys()].sort()).toEqual([0, 1, 3]);
    expect(labels.get(0)).toEqual({ y: 50, slots: 'A, D' });
    // Pushed down to a label's height below A's.
    expect(labels.get(1)!.slots).toBe('C');
    expect(labels.get(1)!.y).toBeGreaterThanOrEqual(61);
    expect(labels.get(3)).toEqual({ y: 120, slots: 'E' });
  });
});
