import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scene } from '../../engine/types';
import { FormulaPanel } from './FormulaPanel';
import type { FormulaPanelProps } from './FormulaPanel';
import { loadKatex, Tex } from './Tex';
import { notesQuadratic } from './testSurface';
import { ruleTex } from '../../engine/optimizers/formulas';

const scene: Scene = {
  surface: { id: 'quadratic' },
  start: [-4, 2],
  steps: 400,
  optimizers: [
    { type: 'sgd', lr: 0.1, label: 'SGD', color: '#0072b2' },
    { type: 'sgd', lr: 0.1, momentum: 0.9, label: 'Momentum', color: '#e69f00' },
    { type: 'adam', lr: 0.1, label: 'Adam', color: '#009e73', hidden: true },
    { type: 'sgd', lr: 100, label: 'Too fast', color: '#d55e00' },
  ],
};

function render(props: Partial<FormulaPanelProps> = {}): string {
  return renderToStaticMarkup(
    createElement(FormulaPanel, {
      scene,
      surface: notesQuadratic,
      cursor: 0,
      selected: 0,
      ...props,
    }),
  );
}

describe('Tex before KaTeX has loaded', () => {
  it('shows the raw TeX in a code element', () => {
    const html = renderToStaticMarkup(createElement(Tex, { tex: 'g_t = \\nabla f' }));
    expect(html).toContain('<code>g_t = \\nabla f</code>');
    expect(html).toContain('aria-busy="true"');
  });
});

describe('FormulaPanel', () => {
  beforeAll(async () => {
    await loadKatex();
  });

  it('offers one tab per optimizer, the selected one marked', () => {
    const html = render({ selected: 1 });
    const tabs = html.match(/role="tab"/g) ?? [];
    expect(tabs).toHaveLength(4);
    expect(html).toMatch(/aria-selected="true"[^>]*>.*?Momentum/);
    expect(html).toContain('hidden');
  });

  it('renders the rule, the notes’ box and torch’s note with KaTeX', () => {
    const html = render({ selected: 1 });
    expect(html).toContain('class="katex');
    expect(html).toContain('As note 003 writes it');
    expect(html).toContain('Torch and the notes');
    expect(html).not.toContain('katex-error');
  });

  it('shows the step’s numbers for the cursor', () => {
    const html = render({ selected: 0, cursor: 0 });
    expect(html).toContain('Step 0 → 1, with its numbers');
    // KaTeX keeps the TeX source in its MathML annotation: the learner's numbers are there.
    expect(html).toContain('\\left(-0.8,\\ 4\\right)');
    expect(html).toContain('\\left(0.08,\\ -0.4\\right)');
  });

  it('says the run diverged instead of showing NaN', () => {
    const html = render({ selected: 3, cursor: 399 });
    expect(html).toMatch(/Too fast diverged at step \d+/);
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('Step 399');
  });

  it('keeps KaTeX from emitting links even if a template ever held one', () => {
    const html = renderToStaticMarkup(
      createElement(Tex, { tex: '\\href{javascript:alert(1)}{x}' }),
    );
    expect(html).not.toMatch(/<a [^>]*href/);
  });
});

describe('every formula the panel can show is valid KaTeX', () => {
  it('renders each family’s rule and substituted step without a KaTeX error', async () => {
    const katex = await loadKatex();
    const { OPTIMIZERS } = await import('../../engine/optimizers');
    const { formulaStep } = await import('./inspect');
    const { substitutedTex } = await import('./substitute');
    const { notesTex } = await import('./notesTex');
    const configs = [
      ...Object.keys(OPTIMIZERS).map((type) => ({ type, lr: 0.05 })),
      { type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true, weight_decay: 0.1 },
      { type: 'sgd', lr: 0.05, momentum: 0.9, dampening: 0.5, clip_grad_norm: 1 },
      { type: 'rmsprop', lr: 0.01, centered: true, momentum: 0.5 },
      { type: 'adam', lr: 0.05, amsgrad: true, schedule: { type: 'exponential', gamma: 0.99 } },
      { type: 'adagrad', lr: 0.5, lr_decay: 0.01, initial_accumulator_value: 0.1 },
    ] as unknown as Scene['optimizers'];
    for (const [i, config] of configs.entries()) {
      const s: Scene = { ...scene, steps: 20, optimizers: configs };
      const step = formulaStep(notesQuadratic, s, i, 9);
      expect(step.kind).toBe('step');
      const sources = [ruleTex(config), notesTex(config) ?? ''];
      if (step.kind === 'step') sources.push(substitutedTex(config, step.numbers));
      for (const tex of sources) {
        const html = katex.renderToString(tex, {
          throwOnError: false,
          trust: false,
          displayMode: true,
        });
        expect(html, `${config.type}: ${tex}`).not.toContain('katex-error');
      }
    }
  });
});
