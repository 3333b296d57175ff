/**
 * The formula panel's numbers for the torch 2.x additions: each new family gets its own rule with
 * this step's numbers (not the generic "symbol = value" list), ending at the engine's own θ_t.
 */
import { describe, expect, it } from 'vitest';
import type { OptimizerConfig, Scene } from '../../engine/types';
import { formatVector } from './format';
import { formulaStep } from './inspect';
import { substitutedLines } from './substitute';
import { notesQuadratic } from './testSurface';

function linesAt(optimizer: OptimizerConfig, cursor: number) {
  const scene: Scene = {
    surface: { id: 'quadratic' },
    start: [-4, 2],
    steps: 20,
    optimizers: [optimizer],
  };
  const step = formulaStep(notesQuadratic, scene, 0, cursor);
  if (step.kind !== 'step') throw new Error(`expected a step, got ${step.kind}`);
  return { lines: substitutedLines(optimizer, step.numbers), numbers: step.numbers };
}

const CONFIGS: readonly OptimizerConfig[] = [
  { type: 'rprop', lr: 0.01 },
  { type: 'asgd', lr: 0.1, t0: 2 },
  { type: 'adafactor', lr: 0.1 },
  { type: 'muon', lr: 0.05 },
  { type: 'lbfgs', lr: 0.1 },
];

describe('substituted formulas of Rprop, ASGD, Adafactor, Muon and L-BFGS', () => {
  it.each(CONFIGS.map((c) => [c.type, c] as const))(
    '%s: its own rule, ending at the engine’s θ_t',
    (_, config) => {
      const { lines, numbers } = linesAt(config, 3);
      const thetaLine = lines.find((l) => l.startsWith('\\theta_t'));
      const theta = [numbers.point[0] + numbers.update[0], numbers.point[1] + numbers.update[1]];
      expect(thetaLine).toBeDefined();
      expect(thetaLine!.endsWith(formatVector(theta, 'tex'))).toBe(true);
      // No fallback "\text{key} = value" lines: every state key is in a rule of its own.
      expect(lines.filter((l) => l.startsWith('\\text{') && !l.startsWith('\\text{inner'))).toEqual(
        [],
      );
    },
  );

  it('muon shows that orthogonalising the 1×2 momentum keeps only its direction', () => {
    const { lines, numbers } = linesAt({ type: 'muon', lr: 0.05 }, 0);
    const o = numbers.state.o as readonly number[];
    // O_t has (about) unit length whatever the gradient's size: the direction alone.
    expect(Math.hypot(...o)).toBeGreaterThan(0.5);
    expect(Math.hypot(...o)).toBeLessThan(1.5);
    expect(lines.some((l) => l.startsWith('O_t') && l.includes('\\operatorname{NS}_k'))).toBe(true);
  });

  it('l-bfgs says how many evaluations one step cost', () => {
    const { lines, numbers } = linesAt({ type: 'lbfgs', lr: 0.1 }, 0);
    expect(numbers.state.evals).toBeGreaterThan(1);
    expect(lines.join('\n')).toContain(`{evaluations}\\ (f, \\nabla f) = ${numbers.state.evals}`);
  });

  it('maximize writes the gradient with its minus sign', () => {
    const { lines } = linesAt({ type: 'rprop', lr: 0.01, maximize: true }, 0);
    expect(lines[0]).toMatch(/^g_t &= -\\nabla f/);
  });
});
