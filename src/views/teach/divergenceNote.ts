/**
 * Divergence explained, live (issue 14): which runs get a "why" beside the map, and its sentences.
 * A run gets one when it blows up, grows, zig-zags or spirals, or runs off downhill; a calm run
 * inside the band gets none (the screen stays quiet). Pure (no React), so it is unit-tested on the
 * lesson scenes against the engine's own runs.
 */
import { explainDivergence } from '../../engine/analysis/divergence';
import type { DivergenceExplanation } from '../../engine/analysis/divergence';
import { simulateOne } from '../../engine/simulate';
import type { DomainPoint, OptimizerConfig, Surface } from '../../engine/types';
import type { Locale } from '../../i18n';
import { formatDivergence } from '../../i18n/teach';

/** How alarming the note is: the run blew up or grew ('alarm'), or only wobbles ('notice'). */
export type NoteTone = 'alarm' | 'notice';

/** A note as shown: the engine's explanation, its sentences and the step it names. */
export interface DivergenceNote {
  readonly explanation: DivergenceExplanation;
  readonly tone: NoteTone;
  /** The step the first sentence names (where the trouble starts), when it names one. */
  readonly step: number | undefined;
}

/** The step the first sentence of `e` names (formatDivergence's order). */
export function namedStep(e: DivergenceExplanation): number | undefined {
  switch (e.kind) {
    case 'exceeds-band':
    case 'negative-curvature':
    case 'oscillates':
      return e.first.step;
    case 'off-model':
      return e.divergedAtStep ?? e.last.step;
    case 'within-band':
      return e.negativeCurvature?.step;
    case 'no-closed-form':
      return e.divergedAtStep;
    case 'non-finite-start':
      return undefined;
  }
}

/**
 * The note for `config`'s run, or null when there is nothing to explain (a calm run inside the
 * band; an adaptive run that ends below its start). Cost: one run, plus for SGD a 2×2 eigen
 * decomposition per step; for an adaptive optimizer whose run grew, an lr sweep of `sweepPoints`
 * runs (explainDivergence). Noise in the scene is not modelled: this is the exact-gradient run.
 */
export function divergenceNote(
  surface: Surface,
  start: DomainPoint,
  steps: number,
  config: OptimizerConfig,
  sweepPoints = 21,
): DivergenceNote | null {
  if (config.type !== 'sgd') {
    const g = new Float64Array(2);
    const loss0 = surface.grad(start[0], start[1], g);
    if (Number.isFinite(loss0) && Number.isFinite(g[0]!) && Number.isFinite(g[1]!)) {
      // The sweep costs `sweepPoints` runs: only a run that went wrong pays for it.
      const run = simulateOne(surface, start, steps, config);
      const grew = run.diverged || run.losses[run.length - 1]! > run.losses[0]!;
      if (!grew) return null;
    }
  }
  const e = explainDivergence(surface, start, steps, config, { sweepPoints });
  const step = namedStep(e);
  switch (e.kind) {
    case 'within-band':
      return e.negativeCurvature || e.diverged ? { explanation: e, tone: 'alarm', step } : null;
    case 'oscillates':
      return { explanation: e, tone: 'notice', step };
    case 'no-closed-form':
      return { explanation: e, tone: 'alarm', step };
    case 'exceeds-band':
      return { explanation: e, tone: e.lossGrew ? 'alarm' : 'notice', step };
    default:
      return { explanation: e, tone: 'alarm', step };
  }
}

/**
 * The note's sentences in `locale`; `brief` keeps the reason with its numbers: the first sentence,
 * or for an adaptive optimizer the first two (no closed form, and where the sweep's edge lies).
 */
export function noteSentences(note: DivergenceNote, locale: Locale, brief = false): string[] {
  const sentences = formatDivergence(note.explanation, locale);
  if (!brief) return sentences;
  return sentences.slice(0, note.explanation.kind === 'no-closed-form' ? 2 : 1);
}
