import { describe, expect, it } from 'vitest';
import { INPUT_REST_MS, holdInput, msUntilInputRests } from './inputActivity';

describe('a held drag (the regime pad’s) counts as input until it ends', () => {
  it('the panels wait for the whole hold, then the usual rest, and a double release is harmless', async () => {
    expect(msUntilInputRests()).toBe(0);
    const release = holdInput();
    await new Promise((r) => setTimeout(r, INPUT_REST_MS + 20));
    // Held longer than a rest: still not resting.
    expect(msUntilInputRests()).toBe(INPUT_REST_MS);
    release();
    release();
    const wait = msUntilInputRests();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(INPUT_REST_MS);
    await new Promise((r) => setTimeout(r, INPUT_REST_MS + 20));
    expect(msUntilInputRests()).toBe(0);
  });
});
