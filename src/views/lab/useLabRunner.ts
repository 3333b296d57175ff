import { useCallback, useEffect, useRef } from 'react';
import { effectiveLabSpeed, useLabStore } from '../../state/lab';
import { usePresent } from '../../state/present';
import type { LabSlot } from '../../state/lab';
import type { LabConfig } from '../../engine/nn/labConfig';
import { StaleLabRunError } from '../../worker/lab/client';
import type { LabClient } from '../../worker/lab/client';
import { labErrorKey } from './labErrors';

/** Training stops by itself after this many steps. */
export const MAX_TRAIN_STEPS = 5000;
/** Worker time one training request aims for, so progress shows several times a second. */
const CHUNK_MS = 60;
/** A paced round's length (ms): speed × this many steps each, ten rounds a second. */
const PACED_ROUND_MS = 100;

/** Steps per second to train at, or null for as fast as the worker answers. */
function pace(): number | null {
  const speed = effectiveLabSpeed(useLabStore.getState().speed, usePresent.getState().present);
  return speed === 'max' ? null : speed;
}

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

  /**
   * Asks the worker to advance `slots` by `steps` each (0 with `reset`: a fresh snapshot), and
   * writes their answers to the store together, so A and B are never shown at different steps.
   * Returns, per slot, whether it may keep training (not diverged, under the step limit).
   */
  const request = useCallback(
    async (slots: readonly LabSlot[], steps: number, reset: boolean): Promise<boolean[]> => {
      const store = useLabStore.getState;
      if (reset)
        for (const slot of slots)
          store().setResult(slot, { ...store().results[slot], pending: true });
      const answers = await Promise.all(
        slots.map(async (slot) => {
          const config = store()[slot];
          try {
            const snapshot = await client.run({ slot, config, steps, reset });
            return {
              slot,
              ok: !snapshot.diverged && snapshot.step < MAX_TRAIN_STEPS,
              result: { snapshot, error: null, config },
            };
          } catch (error) {
            // A newer request for this slot replaced this one: its answer is the one to show.
            if (error instanceof StaleLabRunError) return { slot, ok: true, result: null };
            const previous = store().results[slot];
            return {
              slot,
              ok: false,
              result: {
                snapshot: previous.snapshot,
                // The failure's sentence key (labErrors.ts), said in the reader's language.
                error: labErrorKey(error),
                ...(previous.config ? { config: previous.config } : {}),
              },
            };
          }
        }),
      );
      store().setResults(
        Object.fromEntries(answers.flatMap((x) => (x.result ? [[x.slot, x.result]] : []))),
      );
      return answers.map((x) => x.ok);
    },
    [client],
  );

  // A fresh start whenever a configuration changes. With A | B on, both sides start again
  // together (from step 0, each from its own seed), so they are always at the same step; turning
  // compare off leaves A where it is.
  const shown = useRef<{ a: LabConfig; b: LabConfig | null } | null>(null);
  useEffect(() => {
    const before = shown.current;
    const now = { a, b: compare ? b : null };
    shown.current = now;
    if (before !== null && before.a === now.a && (now.b === null || before.b === now.b)) return;
    void request(now.b === null ? ['a'] : ['a', 'b'], 0, true);
  }, [a, b, compare, request]);

  // Training in lockstep: each round advances every live configuration by the same number of
  // steps (sized by the slower one's worker time), so an A | B comparison is fair at every moment
  // (two independent loops drifted apart: A at step 474 while B was at 339).
  useEffect(() => {
    if (!running) return;
    let live = true;
    const loop = async (): Promise<void> => {
      let slots: LabSlot[] = compare ? ['a', 'b'] : ['a'];
      let steps = 2;
      let owed = 0;
      while (live && slots.length > 0) {
        const started = performance.now();
        const speed = pace();
        // A chosen speed trains speed / 10 steps a round (the fraction carried to the next),
        // ten rounds a second; otherwise rounds are sized to about CHUNK_MS of worker time.
        if (speed !== null) owed += (speed * PACED_ROUND_MS) / 1000;
        const take = speed !== null ? Math.max(1, Math.floor(owed)) : steps;
        if (speed !== null) owed -= take;
        const ok = await request(slots, take, false);
        if (!live) return;
        const results = useLabStore.getState().results;
        const ms = Math.max(...slots.map((slot) => results[slot].snapshot?.ms ?? 0));
        if (ms > 0) steps = Math.max(1, Math.min(100, Math.round((steps * CHUNK_MS) / ms)));
        slots = slots.filter((_, i) => ok[i]);
        const wait = speed !== null ? PACED_ROUND_MS - (performance.now() - started) : 0;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
      }
      if (live) useLabStore.getState().setRunning(false);
    };
    void loop();
    return () => {
      live = false;
    };
  }, [running, compare, request]);

  const step = useCallback(() => {
    useLabStore.getState().setRunning(false);
    void request(activeSlots(), 1, false);
  }, [request]);
  const reset = useCallback(() => {
    useLabStore.getState().setRunning(false);
    void request(activeSlots(), 0, true);
  }, [request]);
  return { step, reset };
}
