/**
 * The English words the engine writes inside `\text{…}` of its formulas (engine/optimizers/*.tex,
 * which is pure and English for the CLI), said in the page's language: each word is a
 * `formula.tex.*` key of the catalogues whose English is the engine's word exactly (a unit test
 * holds them equal). Names (torch's identifiers, Wolfe, RMS) are not words and stay as written.
 */
import { getLocale, t } from '../../i18n';
import type { FormulaStringId } from './strings';

/** The engine's word (trimmed, as inside `\text{}`) → its catalogue key. */
export const TEX_WORDS: Readonly<Record<string, FormulaStringId>> = {
  'stop if': 'formula.tex.stopIf',
  last: 'formula.tex.last',
  pairs: 'formula.tex.pairs',
  'two-loop recursion': 'formula.tex.twoLoop',
  'strong Wolfe': 'formula.tex.strongWolfe',
  'first:': 'formula.tex.first',
  times: 'formula.tex.times',
  otherwise: 'formula.tex.otherwise',
  where: 'formula.tex.where',
  'the direction only': 'formula.tex.directionOnly',
  given: 'formula.tex.given',
  'line search': 'formula.tex.lineSearch',
  evals: 'formula.tex.evals',
  'inner iterations': 'formula.tex.innerIterations',
  evaluations: 'formula.tex.evaluations',
};

/** Text made safe inside `\text{}`: KaTeX's special characters escaped. */
export function texTextEscape(text: string): string {
  return text.replace(/[\\{}$&#^_%~]/g, (c) =>
    c === '\\'
      ? '\\textbackslash{}'
      : c === '~'
        ? '\\textasciitilde{}'
        : c === '^'
          ? '\\textasciicircum{}'
          : `\\${c}`,
  );
}

/**
 * `tex` with every `\text{word}` of {@link TEX_WORDS} in the current language, its leading and
 * trailing spaces kept. English pages get `tex` unchanged.
 */
export function localTexWords(tex: string): string {
  if (getLocale() === 'en') return tex;
  return tex.replace(/\\text\{([^{}\\]*)\}/g, (whole, inner: string) => {
    const key = TEX_WORDS[inner.trim()];
    if (key === undefined) return whole;
    const lead = /^\s/.test(inner) ? ' ' : '';
    const trail = /\s$/.test(inner) ? ' ' : '';
    return `\\text{${lead}${texTextEscape(t(key))}${trail}}`;
  });
}
