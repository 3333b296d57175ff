import { useCallback, useEffect } from 'react';
import { useLabStore } from '../../state/lab';
import type { LabSlot } from '../../state/lab';
import { StaleLabRunError } from '../../worker/lab/client';
import type { LabClient } from '../../worker/lab/client';

/** Training stops by itself after this many steps. */
export const MAX_TRAIN_STEPS = 5000;
/** Worker time one training request aims for, so progress shows several times a second. */
const CHUNK_MS = 60;

function activeSlots(): LabSlot[] {
  return useLabStore.getState().compare ? ['a', 'b'] : ['a'];
}

/**
 * Keeps the worker's sessions in step with the store: a fresh snapshot whenever a configuration
 * changes, a training loop while `running` (chunks sized to about {@link CHUNK_MS} of worker time),
 * and `step` / `reset` for the buttons. Returns those two actions.
 */
export function useLabRunner(client: LabClient): { step: () => void; reset: () => void } {
  const a = useLabStore((s) => s.a);
  const b = useLabStore((s) => s.b);
  const compare = useLabStore((s) => s.compare);
  const running = useLabStore((s) => s.running);

  const request = useCallback(
    async (slot: LabSlot, steps: number, reset: boolean): Promise<boolean> => {
      const { setResult } = useLabStore.getState();
      if (reset) setResult(slot, { ...useLabStore.getState().results[slot], pending: true });
      const config = useLabStore.getState()[slot];
      try {
        const snapshot = await client.run({ slot, config, steps, reset });
        setResult(slot, { snapshot, error: null, config });
        return !snapshot.diverged && snapshot.step < MAX_TRAIN_STEPS;
      } catch (error) {
        if (error instanceof StaleLabRunError) return true;
        const previous = useLabStore.getState().results[slot];
        setResult(slot, {
          snapshot: previous.snapshot,
          error: error instanceof Error ? error.message : String(error),
          ...(previous.config ? { config: previous.config } : {}),
        });
        return false;
      }
    },
    [client],
  );

  useEffect(() => {
    void request('a', 0, true);
  }, [a, request]);
  useEffect(() => {
    if (compare) void request('b', 0, true);
  }, [b, compare, request]);

  useEffect(() => {
    if (!running) return;
    let live = true;
    const slots = compare ? (['a', 'b'] as const) : (['a'] as const);
    let finished = 0;
    const loop = async (slot: LabSlot): Promise<void> => {
      let steps = 2;
      while (live) {
        const ok = await request(slot, steps, false);
        if (!live) return;
        const snap = useLabStore.getState().results[slot].snapshot;
        if (!ok) break;
        if (snap && snap.ms > 0)
          steps = Math.max(1, Math.min(100, Math.round((steps * CHUNK_MS) / snap.ms)));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (live && ++finished === slots.length) useLabStore.getState().setRunning(false);
    };
    for (const slot of slots) void loop(slot);
    return () => {
      live = false;
    };
  }, [running, compare, request]);

  const step = useCallback(() => {
    useLabStore.getState().setRunning(false);
    for (const slot of activeSlots()) void request(slot, 1, false);
  }, [request]);
  const reset = useCallback(() => {
    useLabStore.getState().setRunning(false);
    for (const slot of activeSlots()) void request(slot, 0, true);
  }, [request]);
  return { step, reset };
}
