import { describe, expect, it } from 'vitest';
import type { OptimizerConfig, Scene } from '../../engine/types';
import { resolveSurface } from '../../engine/surfaces';
import { withCycledMomentum } from './cycled';
import { formulaStep } from './inspect';
import { substitutedLines, substitutedTex } from './substitute';
import { notesQuadratic } from './testSurface';
import { ruleTex } from '../../engine/optimizers/formulas';

const quadratic = notesQuadratic;

function scene(optimizer: OptimizerConfig, steps = 50): Scene {
  return { surface: { id: 'quadratic' }, start: [-4, 2], steps, optimizers: [optimizer] };
}

function linesAt(optimizer: OptimizerConfig, cursor: number): string[] {
  const step = formulaStep(quadratic, scene(optimizer), 0, cursor);
  if (step.kind !== 'step') throw new Error(`expected a step, got ${step.kind}`);
  return substitutedLines(optimizer, step.numbers);
}

const vec = (a: string, b: string): string => `\\left(${a},\\ ${b}\\right)`;

describe('substituted formulas', () => {
  it('with gradient noise, shows δ_t and the gradient the step used: ∇f + δ_t (issue 14)', () => {
    const noisy: Scene = {
      ...scene({ type: 'sgd', lr: 0.1 }),
      noise: { type: 'gaussian', scale: 0.5, seed: 3 },
    };
    const step = formulaStep(quadratic, noisy, 0, 0);
    if (step.kind !== 'step') throw new Error(`expected a step, got ${step.kind}`);
    const [dx, dy] = step.numbers.noise!;
    // ∇f(-4, 2) = (-0.8, 4); the step used that plus δ.
    expect(step.numbers.grad[0]).toBeCloseTo(-0.8 + dx, 12);
    expect(step.numbers.grad[1]).toBeCloseTo(4 + dy, 12);
    const lines = substitutedLines({ type: 'sgd', lr: 0.1 }, step.numbers);
    expect(lines[0]).toMatch(/^\\delta_t &= \\left\(/);
    expect(lines[1]).toContain(`g_t &= \\nabla f${vec('-4', '2')} + \\delta_t = `);
    expect(linesAt({ type: 'sgd', lr: 0.1 }, 0).join('\n')).not.toContain('delta');
  });

  it('sgd on the quadratic: gradient (-0.8, 4) at the start and a step of (0.08, -0.4)', () => {
    // ∇(x²/10 + y²) = (x/5, 2y) = (-0.8, 4) at (-4, 2); θ₁ = θ₀ − 0.1·g = (-3.92, 1.6).
    const lines = linesAt({ type: 'sgd', lr: 0.1 }, 0);
    expect(lines[0]).toBe(`g_t &= \\nabla f${vec('-4', '2')} = ${vec('-0.8', '4')}`);
    expect(lines[1]).toBe(
      `\\theta_t &= \\theta_{t-1} - \\eta\\, g_t = ${vec('-4', '2')} - 0.1 \\cdot ${vec('-0.8', '4')} = ${vec('-3.92', '1.6')}`,
    );
    expect(lines.at(-1)).toContain(`= ${vec('0.08', '-0.4')}`);
  });

  it('momentum at step 2 shows the previous buffer and the new one', () => {
    // b₁ = g₀ = (-0.8, 4); θ₁ = (-3.92, 1.6); g₁ = (-0.784, 3.2);
    // b₂ = 0.9·b₁ + g₁ = (-1.504, 6.8); θ₂ = θ₁ − 0.1·b₂ = (-3.7696, 0.92).
    const lines = linesAt({ type: 'sgd', lr: 0.1, momentum: 0.9 }, 1);
    expect(lines).toContain(
      `b_t &= 0.9 \\cdot ${vec('-0.8', '4')} + ${vec('-0.784', '3.2')} = ${vec('-1.504', '6.8')}`,
    );
    expect(lines.find((l) => l.startsWith('\\theta_t'))).toMatch(
      /= \\left\(-3\.77,\\ 0\.92\\right\)$/,
    );
  });

  it('momentum at the first step says the buffer starts as the gradient (torch)', () => {
    const lines = linesAt({ type: 'sgd', lr: 0.1, momentum: 0.9 }, 0);
    expect(lines).toContain(`b_1 &= g_1 = ${vec('-0.8', '4')}`);
  });

  it('adam at the first step: bias correction turns m and v back into g and g²', () => {
    // m₁ = 0.1·g = (-0.08, 0.4); v₁ = 0.001·g² = (6.4e-4, 0.016); m̂ = g; v̂ = g² = (0.64, 16);
    // θ₁ = θ₀ − 0.1·m̂/(√v̂ + ε) ≈ (-4, 2) − 0.1·(−1, 1) = (-3.9, 1.9).
    const lines = linesAt({ type: 'adam', lr: 0.1 }, 0);
    expect(lines).toContain(
      `m_t &= 0.9 \\cdot ${vec('0', '0')} + 0.1 \\cdot ${vec('-0.8', '4')} = ${vec('-0.08', '0.4')}`,
    );
    expect(lines.find((l) => l.startsWith('v_t'))).toMatch(
      /= \\left\(6\.4 \\times 10\^\{-4\},\\ 0\.016\\right\)$/,
    );
    expect(lines.find((l) => l.startsWith('\\hat{m}_t'))).toContain(
      `1 - 0.9^{1}} = ${vec('-0.8', '4')}`,
    );
    expect(lines.find((l) => l.startsWith('\\hat{v}_t'))).toMatch(
      /= \\left\(0\.64,\\ 16\\right\)$/,
    );
    expect(lines.find((l) => l.startsWith('\\theta_t'))).toMatch(
      /= \\left\(-3\.9,\\ 1\.9\\right\)$/,
    );
  });

  it('adagrad accumulates squared gradients from zero', () => {
    // s₁ = g² = (0.64, 16); θ₁ = θ₀ − 0.5·g/(|g| + 1e-10) ≈ (-3.5, 1.5).
    const lines = linesAt({ type: 'adagrad', lr: 0.5 }, 0);
    expect(lines.find((l) => l.startsWith('s_t'))).toBe(
      `s_t &= ${vec('0', '0')} + ${vec('-0.8', '4')}^2 = ${vec('0.64', '16')}`,
    );
    expect(lines.find((l) => l.startsWith('\\theta_t'))).toMatch(
      /= \\left\(-3\.5,\\ 1\.5\\right\)$/,
    );
  });

  it('rmsprop divides by the root of the running square', () => {
    // α = 0.99: v₁ = 0.01·g² = (0.0064, 0.16); d = √v + 1e-8 = (0.08, 0.4); θ₁ = θ₀ − 0.01·g/d = (-3.9, 1.9).
    const lines = linesAt({ type: 'rmsprop', lr: 0.01 }, 0);
    expect(lines.find((l) => l.startsWith('v_t'))).toMatch(/= \\left\(0\.0064,\\ 0\.16\\right\)$/);
    expect(lines.find((l) => l.startsWith('d_t'))).toMatch(/= \\left\(0\.08,\\ 0\.4\\right\)$/);
    expect(lines.find((l) => l.startsWith('\\theta_t'))).toMatch(
      /= \\left\(-3\.9,\\ 1\.9\\right\)$/,
    );
  });

  it('weight decay is shown being added to the gradient', () => {
    // g = (-0.8, 4) + 0.5·(-4, 2) = (-2.8, 5).
    const lines = linesAt({ type: 'sgd', lr: 0.1, weight_decay: 0.5 }, 0);
    expect(lines[0]).toContain(`+ 0.5 \\cdot ${vec('-4', '2')} = ${vec('-2.8', '5')}`);
  });

  it('every family yields a complete aligned block ending in the step taken', () => {
    const types = [
      'sgd',
      'adagrad',
      'adadelta',
      'rmsprop',
      'adam',
      'adamw',
      'adamax',
      'nadam',
      'radam',
    ] as const;
    for (const type of types) {
      const optimizer: OptimizerConfig = { type, lr: 0.05 };
      const step = formulaStep(quadratic, scene(optimizer), 0, 7);
      expect(step.kind).toBe('step');
      if (step.kind !== 'step') continue;
      const tex = substitutedTex(optimizer, step.numbers);
      expect(tex.startsWith('\\begin{aligned}')).toBe(true);
      expect(tex).toContain('\\Delta\\theta &= \\theta_t - \\theta_{t-1}');
      expect(tex).not.toMatch(/NaN|undefined/);
    }
  });
});

describe('formulaStep', () => {
  it('reports where a run diverged instead of showing non-finite numbers', () => {
    // lr 100 on y²: y ← y − 200y = −199y, so y² overflows within a few hundred steps.
    const optimizer: OptimizerConfig = { type: 'sgd', lr: 100 };
    const s = scene(optimizer, 400);
    const early = formulaStep(quadratic, s, 0, 2);
    expect(early.kind).toBe('step');
    const late = formulaStep(quadratic, s, 0, 399);
    expect(late.kind).toBe('diverged');
    if (late.kind !== 'diverged') return;
    // The last finite point: |y| = 2·199^k stays below ~1.3e154 (so y² is finite) up to k = 67.
    expect(late.step).toBeGreaterThan(60);
    expect(late.step).toBeLessThan(140);
    const atEdge = formulaStep(quadratic, s, 0, late.step - 1);
    expect(atEdge.kind).toBe('step');
  });

  it('explains the last step when the cursor sits on the final point', () => {
    const optimizer: OptimizerConfig = { type: 'sgd', lr: 0.1 };
    const step = formulaStep(quadratic, scene(optimizer, 10), 0, 10);
    expect(step.kind === 'step' && step.numbers.k).toBe(9);
  });
});

describe('a cycling schedule in the formula', () => {
  it("shows an SGD created without momentum as the momentum SGD torch runs under one-cycle, with this step's μ", () => {
    const resolved = resolveSurface({ id: 'quadratic' });
    if (!resolved.ok) throw new Error('quadratic');
    const scene = {
      surface: { id: 'quadratic' },
      start: [-4, 2] as const,
      steps: 20,
      optimizers: [
        { type: 'sgd' as const, lr: 0.05, schedule: { type: 'onecycle' as const, max_lr: 0.1 } },
      ],
    };
    const step = formulaStep(resolved.surface, scene, 0, 3);
    if (step.kind !== 'step') throw new Error('no step');
    expect(step.numbers.momentum).toBeGreaterThan(0.85);
    expect(step.numbers.momentum).toBeLessThan(0.95);
    const config = withCycledMomentum(scene.optimizers[0]!, step.numbers.momentum);
    expect(ruleTex(config)).toContain('b_t');
    expect(ruleTex(scene.optimizers[0]!)).not.toContain('b_t');
    const tex = substitutedTex(config, step.numbers);
    expect(tex).toContain('\\mu');
  });
});
