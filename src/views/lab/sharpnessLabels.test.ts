import { describe, expect, it } from 'vitest';
import { edgeGroups, spreadLabels } from './SharpnessPanel';

describe('the sharpness chart’s 2/lr labels', () => {
  it('one line and one label per distinct lr, naming every path at that lr', () => {
    // A and D at one lr; E at a different lr whose line lies within half a pixel of it.
    const groups = edgeGroups([
      { name: 'A', edge: 200 },
      { name: 'C', edge: 40 },
      { name: 'D', edge: 200 },
      { name: 'E', edge: 200.0001 },
    ]);
    expect(groups.map((g) => [g.first, g.names.join(', ')])).toEqual([
      [0, 'A, D'],
      [1, 'C'],
      [3, 'E'],
    ]);
  });

  it('labels of nearby lines are moved apart by a label’s height, in place order', () => {
    // Lines at 50, 54 and 120 px (top to bottom), given in another order.
    expect(spreadLabels([54, 120, 50])).toEqual([61, 120, 50]);
    expect(spreadLabels([50, 50.3])).toEqual([50, 61]);
  });
});
