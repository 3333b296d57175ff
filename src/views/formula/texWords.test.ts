/**
 * The formula panel's words inside \text{} follow the page's language: every optimizer's rule and
 * its step with numbers, rendered on a Chinese page, has no English word left (names excepted).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZER_TYPES, OPTIMIZERS } from '../../engine/optimizers';
import type { OptimizerConfig, Scene } from '../../engine/types';
import { enAll } from '../../i18n/en-all';
import { loadAllTexts, setLocale } from '../../i18n';
import { chainTex } from '../lab/gradients';
import { formulaStep } from './inspect';
import { substitutedTex } from './substitute';
import { FORMULA_CASES } from './testCases';
import { notesQuadratic } from './testSurface';
import { localTexWords, TEX_WORDS } from './texWords';
import { ruleTex } from '../../engine/optimizers/formulas';

/** Every family at its defaults, and each family with the options that add rows. */
const CASES: readonly OptimizerConfig[] = [
  ...OPTIMIZER_TYPES.map((type) => ({ type }) as OptimizerConfig),
  ...FORMULA_CASES,
  { type: 'adagrad', lr: 0.1, initial_accumulator_value: 0.1 },
];

/** torch's identifiers (hyper-parameter names) and proper names: kept as written. */
const NAMES = new Set([
  ...OPTIMIZER_TYPES.flatMap((type) => OPTIMIZERS[type].params.map((p) => p.name)),
  'nesterov',
  'amsgrad',
  'maximize',
  'centered',
  'decoupled',
  'max_iter',
  'max_eval',
  'tol',
  'RMS',
  'NaN',
  'Wolfe',
]);

/** The words inside \text{…} of `tex` that are neither names nor numbers. */
function englishWords(tex: string): string[] {
  const words: string[] = [];
  for (const [, inner] of tex.matchAll(/\\text\{((?:[^{}]|\{\})*)\}/g)) {
    for (const word of inner!.replace(/\\_/g, '_').match(/[A-Za-z][A-Za-z_]+/g) ?? []) {
      if (!NAMES.has(word)) words.push(word);
    }
  }
  return words;
}

/** The rule and the substituted step (at step 3 on the notes' bowl) of `config`, localised. */
function formulas(config: OptimizerConfig): string[] {
  const scene: Scene = {
    surface: { id: 'quadratic' },
    start: [-4, 2],
    steps: 20,
    optimizers: [config],
  };
  const step = formulaStep(notesQuadratic, scene, 0, 3);
  const out = [localTexWords(ruleTex(config))];
  if (step.kind === 'step') out.push(localTexWords(substitutedTex(config, step.numbers)));
  return out;
}

beforeAll(async () => {
  await loadAllTexts();
});
afterEach(async () => {
  await setLocale('en');
});

describe('words inside the formulas', () => {
  it('are English on English pages (the engine’s words are the catalogue’s)', () => {
    for (const [word, key] of Object.entries(TEX_WORDS)) expect(enAll[key], key).toBe(word);
    // …and the check below does see them.
    const lbfgs = formulas({ type: 'lbfgs', lr: 0.1 }).join(' ');
    expect(englishWords(lbfgs)).toEqual(expect.arrayContaining(['stop', 'recursion', 'times']));
  });

  it.each(['zh-CN', 'zh-TW'] as const)(
    'have no English word on a %s page, in every optimizer’s rule and step',
    async (locale) => {
      await setLocale(locale);
      for (const config of CASES) {
        for (const tex of formulas(config)) {
          expect(englishWords(tex), `${config.type}: ${tex}`).toEqual([]);
        }
      }
      const chain = chainTex(
        { factors: [], delta: 0.5, top: 0.5, below: 1, weightGrad: 0.5, meanGain: 1 },
        2,
        3,
      );
      expect(englishWords(chain), chain).toEqual([]);
      expect(chain).toMatch(/[\u4e00-\u9fff]/);
    },
  );
});
