import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { NAMED_SURFACES } from '../../engine/surfaces';
import type { OptimizerConfig, Scene } from '../../engine/types';
import { formulaStep } from './inspect';
import { notesTex } from './notesTex';
import { columnVectors, MAX_REFLOW_LEVEL, reflowTex } from './reflow';
import { substitutedTex } from './substitute';
import { FORMULA_CASES } from './testCases';
import { notesQuadratic } from './testSurface';
import { ruleTex } from '../../engine/optimizers/formulas';

const render = (tex: string): string =>
  katex.renderToString(tex, { throwOnError: true, displayMode: true, strict: 'ignore' });

/** Rows of an aligned block. */
const rows = (tex: string): string[] =>
  tex
    .replace(/\\begin\{pmatrix\}[^]*?\\end\{pmatrix\}/g, 'V')
    .replace(/^\\begin\{aligned\}\n|\n\\end\{aligned\}$/g, '')
    .split(' \\\\\n');

function stepTex(config: OptimizerConfig, cursor = 6): string {
  const scene: Scene = {
    surface: { id: 'quadratic' },
    start: [-4, 2],
    steps: 20,
    optimizers: [config],
  };
  const step = formulaStep(notesQuadratic, scene, 0, cursor);
  if (step.kind !== 'step') throw new Error(`no step for ${config.type}`);
  return substitutedTex(config, step.numbers);
}

describe('reflowTex', () => {
  it('level 0 leaves the formula as written', () => {
    const tex = stepTex({ type: 'adam', lr: 0.1 });
    expect(reflowTex(tex, 0)).toBe(tex);
  });

  it('level 1 puts each "= …" of a chain on its own row, keeping every number', () => {
    const tex = stepTex({ type: 'sgd', lr: 0.1 });
    const narrow = reflowTex(tex, 1);
    expect(rows(narrow).length).toBeGreaterThan(rows(tex).length);
    // Joining the continuation rows back gives the one-row form.
    expect(narrow.replace(/ \\\\\n&= /g, ' = ')).toBe(tex);
    for (const row of rows(narrow)) expect(row.split('&')[1]!.match(/ = /g)).toBeNull();
  });

  it('level 1 gives each equation of a "\\quad" list its own aligned row', () => {
    const tex =
      '\\begin{aligned}\n\\hat{m}_t &= \\frac{m_t}{2}, \\quad \\hat{v}_t = \\frac{v_t}{3}\n\\end{aligned}';
    expect(rows(reflowTex(tex, 1))).toEqual([
      '\\hat{m}_t &= \\frac{m_t}{2}',
      '\\hat{v}_t &= \\frac{v_t}{3}',
    ]);
  });

  it('level 2 starts each top-level term on its own row but never breaks inside brackets', () => {
    const tex = 'f(x, y) = (x^{2} + y - 11)^{2} + (x + y^{2} - 7)^{2}';
    expect(rows(reflowTex(tex, 2))).toEqual([
      'f(x, y) &= (x^{2} + y - 11)^{2}',
      '&\\quad + (x + y^{2} - 7)^{2}',
    ]);
  });

  it('level 2 with twoRows sets the terms on two rows split near half the length', () => {
    const tex = 'f(x, y) = 20 + x^{2} - 10\\cos 2\\pi x + y^{2} - 10\\cos 2\\pi y';
    expect(rows(reflowTex(tex, 2, { twoRows: true }))).toEqual([
      'f(x, y) &= 20 + x^{2} - 10\\cos 2\\pi x',
      '&\\quad + y^{2} - 10\\cos 2\\pi y',
    ]);
    // Two terms or fewer: as level 2 sets them.
    const two = 'f(x, y) = (x^{2} + y - 11)^{2} + (x + y^{2} - 7)^{2}';
    expect(reflowTex(two, 2, { twoRows: true })).toBe(reflowTex(two, 2));
  });

  it('level 3 writes vectors as columns when asked, and only then', () => {
    const tex =
      '\\begin{aligned}\ng_t &= \\left(-0.8,\\ 4\\right) - 0.1 \\cdot \\left(-2\\right)\n\\end{aligned}';
    expect(reflowTex(tex, 3)).not.toContain('pmatrix');
    const columns = reflowTex(tex, 3, { columnVectors: true });
    expect(columns).toContain('\\begin{pmatrix}-0.8 \\\\ 4\\end{pmatrix}');
    // A parenthesised scalar is not a vector.
    expect(columns).toContain('\\left(-2\\right)');
    expect(columnVectors('\\sqrt{\\left(1,\\ 2\\right)} + \\left(3,\\ 4\\right)')).toBe(
      '\\sqrt{\\begin{pmatrix}1 \\\\ 2\\end{pmatrix}} + \\begin{pmatrix}3 \\\\ 4\\end{pmatrix}',
    );
  });

  it('every level of every optimizer’s formulas is valid TeX with the same numbers', () => {
    for (const config of FORMULA_CASES) {
      const sources = [stepTex(config), ruleTex(config)];
      const notes = notesTex(config);
      if (notes !== undefined) sources.push(notes);
      for (const tex of sources) {
        const numbers = (s: string): string[] =>
          // 1 × 10ⁿ may be written 10ⁿ in the narrowest form.
          (s.replace(/(^|[^\d.])1 \\times 10\^/g, '$110^').match(/-?\d+(\.\d+)?/g) ?? []).sort();
        for (let level = 0; level <= MAX_REFLOW_LEVEL; level++) {
          const out = reflowTex(tex, level, { columnVectors: true });
          expect(() => render(out), `${config.type} level ${level}`).not.toThrow();
          expect(numbers(out)).toEqual(numbers(tex));
        }
      }
    }
    // KaTeX renders ~100 formulas here: generous on a loaded machine, not a speed check.
  }, 30_000);

  it('every named surface’s formula stays valid TeX at every level', () => {
    for (const surface of Object.values(NAMED_SURFACES)) {
      for (let level = 0; level <= MAX_REFLOW_LEVEL; level++) {
        expect(() => render(reflowTex(surface.tex, level)), surface.id).not.toThrow();
        const paired = reflowTex(surface.tex, level, { twoRows: true });
        expect(() => render(paired), `${surface.id} in two rows`).not.toThrow();
      }
    }
  });
});
