/**
 * Every message the expression parser and the scene validator can give, hint and reason included,
 * is said wholly in the page's language: on a Chinese page no English sentence is left, only code
 * (field names, values, function names, torch's class names) kept as written.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_MESSAGES } from '../engine/messages';
import { ACTIVATIONS } from '../engine/nn/activations';
import { DATASETS } from '../engine/nn/datasets';
import { LAB_INITS } from '../engine/nn/labConfig';
import { LAB_MESSAGES } from '../engine/nn/messages';
import { PAGE_MESSAGES } from '../engine/pageMessages';
import { pageParamProblems } from '../state/pageParams';
import { ANALYSIS_TABS } from '../state/analysis';
import type { CodedText } from '../engine/messages';
import { OPTIMIZERS } from '../engine/optimizers';
import { REASON_MESSAGES } from '../engine/optimizers/reasons';
import { validateScene } from '../engine/scene';
import { KNOWN_NAMES, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from '../engine/surfaces/ast';
import { compileCached } from '../engine/surfaces/expressions';
import { CHARACTER_HINTS, HINT_MESSAGES, NAME_HINTS } from '../engine/surfaces/notation';
import { parseExpression } from '../engine/surfaces/parser';
import { OPTIMIZER_TYPES } from '../engine/optimizers';
import type { FieldError, ParamSpec } from '../engine/types';
import { loadAllTexts, setLocale } from '../i18n';
import type { MessageKey } from '../i18n';
import { enAll } from '../i18n/en-all';
import { zhCN } from '../i18n/zh-CN';
import { zhTW } from '../i18n/zh-TW';
import { decodeLabUrl } from '../state/lab';
import { localFieldMessage, localMessage } from './fieldMessage';

/** Words a Chinese sentence keeps as written: they are code, not English. */
const CODE_WORDS = new Set<string>([
  ...KNOWN_NAMES,
  // The Analyze drawer's views and data kinds as its link writes them.
  ...ANALYSIS_TABS,
  'linear',
  'logistic',
  ...OPTIMIZER_TYPES,
  ...OPTIMIZER_TYPES.map((type) => OPTIMIZERS[type].label),
  ...OPTIMIZER_TYPES.flatMap((type) => OPTIMIZERS[type].params.map((p) => p.name)),
  'torch',
  'optim',
  'Rprop',
  'LBFGS',
  'Adafactor',
  'Muon',
  'SequentialLR',
  'ReduceLROnPlateau',
  // Python's exceptions, named as torch raises them.
  'ZeroDivisionError',
  'OverflowError',
  'Newton',
  'Schulz',
  'null',
  'true',
  'false',
  'type',
  'id',
  'expr',
  'key',
  'value',
  'log',
  'quantile',
  'inf',
  'NaN',
  'plateau',
  'sequential',
  'minibatch',
  'gaussian',
  'heavy_tail',
  'hessian',
  'bumps',
  'cycle_momentum',
  'noise',
  'sqr',
  'sign',
  'BFGS',
  // Names from other notations, as typed (lnx is ln glued to x; the hint names ln).
  ...Object.keys(NAME_HINTS),
  // The lab's choices, named in its link's messages.
  ...ACTIVATIONS,
  ...DATASETS,
  ...LAB_INITS,
  // The page parameters' values, named in the link notice (state/pageParams.ts).
  'lab',
  'lessons',
  'light',
  'dark',
  'auto',
  'en',
  'zh',
  'CN',
  'TW',
]);

/**
 * The words of `text` that are neither code nor inside quotes: English left in a sentence.
 * Code is a word in CODE_WORDS, one letter, or a token with a digit, '_', '.', '(' or '['.
 */
function englishLeft(text: string): string[] {
  const unquoted = text.replace(/'[^']*'|"[^"]*"|\{\w+\}/g, ' ');
  const tokens = unquoted.match(/[A-Za-z_][\w.]*(?:\([^)]*\)|\[[^\]]*\])?/g) ?? [];
  return tokens.filter(
    (token) => token.length > 1 && !/[\d_.([]/.test(token) && !CODE_WORDS.has(token),
  );
}

/** An expression for each kind of parse error (all of expr.* but the internal one). */
const EXPRESSIONS: Readonly<Record<string, string>> = {
  'expr.empty': '',
  'expr.tooLong': 'x+'.repeat(MAX_EXPRESSION_LENGTH),
  'expr.tooLarge': '1e999 * x',
  'expr.badChar': 'x $ y',
  'expr.badBracket': '[x + y]',
  'expr.badCharHint': '2×x',
  'expr.unknownNameHint': 'ln(x)',
  'expr.functionPower': 'sin^2(x)',
  'expr.unmatchedClose': 'x + y)',
  'expr.unexpected': 'x, y',
  'expr.tooDeep': `${'('.repeat(MAX_EXPRESSION_DEPTH + 2)}x${')'.repeat(MAX_EXPRESSION_DEPTH + 2)}`,
  'expr.implicit': '2 x',
  'expr.endTooSoon': 'x +',
  'expr.emptyParens': '()',
  'expr.expectedOperand': 'x +* y',
  'expr.missingClose': '(x + y',
  'expr.expectedClose': '(x, y)',
  'expr.unknownName': 'qqqq',
  'expr.unknownNameSuggest': 'sinn(x)',
  'expr.implicitName': 'xy',
  'expr.isFunction': 'sin + x',
  'expr.arityOne': 'sin()',
  'expr.arity': 'max()',
  'expr.arityOneGot': 'sin(x, y)',
  'expr.arityGot': 'max(x)',
};

/** Typed text for each notation hint: every name and character of the tables, and the patterns. */
const HINTED: readonly string[] = [
  ...Object.keys(NAME_HINTS).map((name) => `${name}(x)`),
  ...Object.keys(CHARACTER_HINTS)
    .filter((ch) => ch !== '[' && ch !== '{')
    .map((ch) => `x ${ch} y`),
  'x²',
  'log_3(x)',
  'sinx',
  'lnx',
  'x2 + y',
];

/** A value of `spec` that breaks its bound, or undefined when it has none to break. */
function breaking(spec: ParamSpec): unknown {
  const bounds = spec.elements?.[0] ?? spec;
  const bad =
    bounds.min !== undefined
      ? bounds.min - 1 - Math.abs(bounds.min)
      : (bounds.max ?? 0) + 1 + Math.abs(bounds.max ?? 0);
  if (spec.kind === 'pair' || spec.kind === 'tuple') {
    const list = [...(spec.default as readonly (number | null)[])];
    list[0] = bad;
    return list;
  }
  return bad;
}

/** Every field error whose bound has a reason of torch's, one per optimizer field. */
function reasonErrors(): FieldError[] {
  const errors: FieldError[] = [];
  for (const type of OPTIMIZER_TYPES) {
    for (const spec of OPTIMIZERS[type].params) {
      const values: unknown[] = [];
      if (spec.why) values.push(breaking(spec));
      // A field's own reasons for a fraction and for passing its maximum (L-BFGS's history).
      if (spec.whyInteger) values.push((spec.min ?? 0) + 1.5);
      if (spec.whyMax && spec.max !== undefined) values.push(spec.max + 1 + Math.abs(spec.max));
      for (const value of values) {
        const scene = { optimizers: [{ type, [spec.name]: value }] };
        errors.push(...validateScene(scene).errors.filter((e) => e.because !== undefined));
      }
    }
  }
  return errors;
}

function parseError(src: string) {
  const result = parseExpression(src);
  if (result.ok) throw new Error(`'${src}' parsed`);
  return result.error;
}

const CHINESE = /[\u4e00-\u9fff]/;

beforeAll(async () => {
  await loadAllTexts();
});
afterEach(async () => {
  await setLocale('en');
});

describe('the parser’s messages', () => {
  it('cover every kind of parse error in the table above', () => {
    const kinds = Object.keys(ENGINE_MESSAGES).filter(
      (code) => code.startsWith('expr.') && code !== 'expr.internal',
    );
    expect(Object.keys(EXPRESSIONS).sort()).toEqual(kinds.sort());
    for (const [code, src] of Object.entries(EXPRESSIONS)) {
      expect(parseError(src).code, src).toBe(code);
    }
  });

  it('give every notation hint as a code, with its English in the English sentence', () => {
    const seen = new Set<string>();
    const collect = (hint: CodedText | undefined): void => {
      if (!hint) return;
      seen.add(hint.code);
      collect(hint.inner);
    };
    for (const src of HINTED) {
      const error = parseError(src);
      expect(error.hint, src).toBeDefined();
      collect(error.hint);
      expect(error.message, src).toContain(String(error.params.hint));
    }
    expect([...seen].sort()).toEqual(Object.keys(HINT_MESSAGES).sort());
  });

  it('are whole Chinese sentences in zh-CN and zh-TW, the typed name and the hinted code kept', async () => {
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      await setLocale(locale);
      for (const src of [...Object.values(EXPRESSIONS), ...HINTED]) {
        const error = parseError(src);
        const text = localMessage(error);
        expect(text, `${locale} ${src}`).toMatch(CHINESE);
        expect(englishLeft(text), `${locale} ${src}: ${text}`).toEqual([]);
        if (typeof error.params.name === 'string') expect(text).toContain(error.params.name);
      }
      // The instances of the issue: sinx, ln, and a hint inside a scene's field error.
      const sinx = localMessage(parseError('sinx + y'));
      expect(sinx).toContain("'sinx'");
      expect(sinx).toContain('sin(x)');
      expect(localMessage(parseError('ln(x)'))).toContain('log(x)');
      const compiled = compileCached('lg(x) + y');
      expect(compiled.ok).toBe(false);
      if (!compiled.ok) {
        const text = localFieldMessage(compiled.error);
        expect(text).toMatch(/^surface\.expr: /);
        expect(text).toContain('log(x)/log(10)');
        expect(englishLeft(text.slice('surface.expr'.length)), text).toEqual([]);
      }
    }
  });

  it('keep their English hint on English pages', () => {
    expect(localMessage(parseError('ln(x)'))).toBe(
      "Unknown name 'ln': the natural logarithm is log here: write log(x)",
    );
    expect(localMessage(parseError('lnx'))).toBe(
      "Unknown name 'lnx': a function takes its argument in brackets; ln: the natural logarithm is log here: write log(x)",
    );
  });
});

describe('the validator’s reasons for torch’s bounds', () => {
  it('are coded for every bound that has one, and every reason is reachable', () => {
    const errors = reasonErrors();
    const codes = new Set(errors.map((e) => e.because!.code));
    expect([...codes].sort()).toEqual(Object.keys(REASON_MESSAGES).sort());
    for (const error of errors) expect(error.message).toContain(`(${error.reason})`);
  });

  it('are said in Chinese on Chinese pages, after the bound, field and value kept', async () => {
    const errors = reasonErrors();
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      await setLocale(locale);
      for (const error of errors) {
        const text = localFieldMessage(error);
        expect(text.startsWith(`${error.path}: `), text).toBe(true);
        // The reason is there, in full-width brackets, in Chinese.
        expect(text, text).toMatch(/（.*[\u4e00-\u9fff].*）$/);
        expect(englishLeft(text.slice(error.path.length + 2)), `${locale} ${text}`).toEqual([]);
      }
    }
  });
});

describe('a value of the wrong kind', () => {
  it('is named as code (its JSON), not in English words, on Chinese pages', async () => {
    // The reviewer's `betas=2~3` read as a list of three: 收到的是 an array.
    const wrong: unknown[] = [[2, 3, 4], { a: 1 }, true, 'x'.repeat(40), null, Array(50).fill(1)];
    const errors: FieldError[] = [];
    for (const value of wrong) {
      errors.push(
        ...validateScene({ optimizers: [{ type: 'adam', lr: value, betas: value }] }).errors,
        ...validateScene({ start: value, steps: value }).errors,
      );
    }
    expect(errors.length).toBeGreaterThan(20);
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      await setLocale(locale);
      for (const error of errors) {
        const text = localFieldMessage(error).slice(error.path.length + 2);
        expect(englishLeft(text), `${locale} ${error.path}: ${text}`).toEqual([]);
      }
    }
    await setLocale('en');
  });
});

/**
 * Each link notice, on zh-CN and zh-TW pages: Chinese, no English word outside code and quotes,
 * the value given quoted as given and the value used (when the notice names one) kept as code.
 */
async function expectChineseNotices(problems: readonly FieldError[]): Promise<void> {
  for (const locale of ['zh-CN', 'zh-TW'] as const) {
    await setLocale(locale);
    for (const problem of problems) {
      const text = localMessage(problem);
      expect(text, `${locale} ${problem.path}`).toMatch(CHINESE);
      expect(englishLeft(text), `${locale} ${problem.path}: ${text}`).toEqual([]);
      if (problem.params?.got !== undefined) expect(text).toContain(`"${problem.params.got}"`);
      if (problem.params?.used !== undefined) expect(text).toContain(String(problem.params.used));
    }
  }
}

describe('the lab link’s reasons', () => {
  const link =
    'depth:999,width:0,act:swish,scale:0,bn:2,clip:-1,lr:20,seed:1.5,zzz:1,depth:3;x:1;y:2';

  it('cover every message of the lab’s URL', () => {
    const codes = new Set(decodeLabUrl(link).problems.map((p) => p.code));
    const lab = Object.keys(LAB_MESSAGES).filter(
      (c) => c.startsWith('lab.') && c !== 'lab.tooLong',
    );
    expect([...codes].sort()).toEqual(lab.sort());
  });

  it('are Chinese on Chinese pages, naming the value given and the value used', () =>
    expectChineseNotices(decodeLabUrl(link).problems));
});

describe('the page parameters’ notices', () => {
  const link = '?page=x&embed=x&controls=x&theme=%E0%A4%A&lang=x&present=x&lesson=X';
  const problems = [
    ...pageParamProblems(link, { page: 'visualizer', embed: true, themeUsed: 'light' }),
    ...pageParamProblems('?theme=purple', { page: 'visualizer', embed: false, themeUsed: 'auto' }),
    ...pageParamProblems('?analysis=zzz,size:9999,kind:cubic', {
      page: 'visualizer',
      embed: false,
      themeUsed: 'auto',
    }),
  ];

  it('cover every message of the page parameters', () => {
    expect([...new Set(problems.map((p) => p.code))].sort()).toEqual(
      Object.keys(PAGE_MESSAGES).sort(),
    );
  });

  it('are Chinese on Chinese pages, naming the value given and any value used', () =>
    expectChineseNotices(problems));
});

describe('every engine message of the Chinese catalogues', () => {
  it('leaves no English word outside code and quotes', () => {
    const keys = (Object.keys(enAll) as MessageKey[]).filter((k) => k.startsWith('engine.'));
    expect(keys.length).toBeGreaterThan(150);
    for (const zh of [zhCN, zhTW]) {
      const left = keys.filter((k) => englishLeft(zh[k]).length > 0);
      expect(left.map((k) => `${k}: ${zh[k]}`)).toEqual([]);
    }
  });

  it('hints, reasons and the lab’s messages are in the English catalogue word for word', () => {
    const coded = { ...HINT_MESSAGES, ...REASON_MESSAGES, ...LAB_MESSAGES, ...PAGE_MESSAGES };
    for (const [code, text] of Object.entries(coded)) {
      expect(enAll[`engine.${code}` as MessageKey], code).toBe(text);
    }
  });
});
