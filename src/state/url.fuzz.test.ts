/**
 * Hostile address bars: thousands of random and adversarial query strings through the
 * visualizer's URL reader and the lab's decoder. Whatever arrives, the reader must not throw,
 * must hand back a scene the strict validator accepts (so the worker, the CLI and the embed API
 * would take it too), must name each field it refused, and must not touch any prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCENE_PARAM } from '../engine/scene-url';
import { parseScene, validateScene } from '../engine/scene';
import { SURFACE_IDS } from '../engine/surfaces';
import type { FieldError } from '../engine/types';
import { OPTIMIZER_TYPES } from '../engine/optimizers';
import { MAX_LAYERS, MAX_WIDTH } from '../engine/nn/network';
import { ACTIVATIONS } from '../engine/nn/activations';
import { DATASETS } from '../engine/nn/datasets';
import { DEFAULT_LAB_CONFIG, LAB_INITS, decodeLabUrl, encodeLabUrl } from './lab';
import type { LabConfig } from './lab';
import { readQuery, writeQuery } from './url';
import type { ViewSettings } from './view';

// ---------------------------------------------------------------------------------------------
// Generators of hostile text
// ---------------------------------------------------------------------------------------------

/** Numbers as text, at and beyond every edge a parser might trip on. */
const hostileNumberText = fc.oneof(
  fc.constantFrom(
    'NaN',
    'nan',
    'Infinity',
    '-Infinity',
    '1e309',
    '-1e309',
    '1e-400',
    '-0',
    '0x10',
    '0b11',
    '1_000',
    ' 5',
    '5 ',
    '',
    '.',
    '-',
    '+',
    '1e',
    '1..2',
    '9'.repeat(400),
    '0.' + '0'.repeat(400) + '1',
    '1e+99999999999',
    '4e9',
    '1e4',
    '1e-8',
    '10000',
    '10001',
  ),
  fc.double().map(String),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
);

/** Percent-encoding garbage: truncated, invalid UTF-8, over-escaped, NUL and separators escaped. */
const percentGarbage = fc.constantFrom(
  '%',
  '%%',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF%FE',
  '%00',
  '%u0041',
  '%3B',
  '%2C',
  '%3D',
  '%26',
  '%25',
  '%252525',
  '%0A%0D',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%F0%9F%98%80',
);

/** Names that touch prototypes or look like code. */
const prototypeWords = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'alert(1)',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
);

/** Deeply nested text of several shapes. */
const deepNesting = fc
  .tuple(
    fc.constantFrom('(', '[', '{', 'sin(', '-', '{"a":', 'o:'),
    fc.integer({ min: 10, max: 2000 }),
  )
  .map(([open, depth]) => open.repeat(depth));

/** Very long text: past every cap (scene 4,000, view 300, lab 600, expression 1,000). */
const longText = fc
  .tuple(
    fc.constantFrom('x', 'a', '%41', 'x+', '1,', ';', ',', '=', 'o:sgd;'),
    fc.integer({ min: 100, max: 9000 }),
  )
  .map(([unit, n]) => unit.repeat(n));

/** Any text at all, including lone surrogates and control characters. */
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u202E', '\uFEFF', '\u2212', ' ', '\t\n'),
);

/** One hostile value of any kind. */
const hostileValue = fc.oneof(
  { weight: 4, arbitrary: hostileNumberText },
  { weight: 2, arbitrary: percentGarbage },
  { weight: 2, arbitrary: prototypeWords },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: longText },
  { weight: 3, arbitrary: anyText },
);

/** Short concatenations of hostile values, so garbage also lands in the middle of a field. */
const hostileMix = fc
  .array(hostileValue, { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(''));

const OPTIMIZER_KEYS = [
  'lr',
  'momentum',
  'dampening',
  'nesterov',
  'weight_decay',
  'alpha',
  'eps',
  'centered',
  'rho',
  'lr_decay',
  'initial_accumulator_value',
  'betas',
  'amsgrad',
  'momentum_decay',
  'schedule',
  'clip_grad_norm',
  'label',
  'color',
  'hidden',
] as const;

const optimizerPart = fc
  .tuple(
    fc.oneof(fc.constantFrom(...OPTIMIZER_TYPES), hostileMix),
    fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...OPTIMIZER_KEYS), prototypeWords, hostileMix),
        hostileMix,
      ),
      { maxLength: 5 },
    ),
  )
  .map(([type, pairs]) => `o:${[type, ...pairs.map(([k, v]) => `${k}=${v}`)].join(',')}`);

/** One `;`-separated part of the scene text: a known tag with a hostile body, or garbage. */
const scenePart = fc.oneof(
  hostileMix.map((v) => `f:${v}`),
  hostileMix.map((v) => `e:${v}`),
  fc.tuple(hostileMix, hostileMix).map(([a, b]) => `p:${a},${b}`),
  hostileMix.map((v) => `p:${v}`),
  hostileMix.map((v) => `n:${v}`),
  optimizerPart,
  hostileMix,
);

const sceneText = fc.array(scenePart, { maxLength: 8 }).map((parts) => parts.join(';'));

const viewPart = fc.oneof(
  fc
    .tuple(fc.constantFrom('d', 'l', 'q', 'a', 'g', 't', 's', 'o', 'h'), hostileMix)
    .map(([k, v]) => `${k}:${v}`),
  fc.array(hostileNumberText, { minLength: 3, maxLength: 5 }).map((n) => `d:${n.join(',')}`),
  fc.array(fc.integer({ min: -2, max: 70 }), { maxLength: 4 }).map((n) => `h:${n.join(',')}`),
  hostileMix,
);

const viewText = fc.array(viewPart, { maxLength: 6 }).map((parts) => parts.join(';'));

/** A whole query string: scene, view and stray parameters in any order and number. */
const hostileQuery = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: sceneText.map((s) => `scene=${s}`) },
      { weight: 3, arbitrary: viewText.map((v) => `view=${v}`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('scene', 'view', '=', '', 'scene=', 'view=', 'page=lab'),
      },
      { weight: 1, arbitrary: fc.tuple(prototypeWords, hostileMix).map(([k, v]) => `${k}=${v}`) },
      { weight: 1, arbitrary: hostileMix },
    ),
    { maxLength: 4 },
  )
  .chain((params) => fc.constantFrom('?', '', '??').map((lead) => `${lead}${params.join('&')}`));

// ---------------------------------------------------------------------------------------------
// What every result must satisfy
// ---------------------------------------------------------------------------------------------

/** Own keys an untouched Object.prototype has, to catch pollution. */
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypesUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Each message names its field and stays short enough to read in the notice. */
function expectReadableErrors(errors: readonly FieldError[]): void {
  for (const e of errors) {
    expect(typeof e.path).toBe('string');
    expect(e.path.length).toBeGreaterThan(0);
    expect(e.path.length).toBeLessThanOrEqual(80);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message.length).toBeLessThanOrEqual(400);
  }
}

function expectUsableView(view: ViewSettings): void {
  if (view.domain) {
    const { x, y } = view.domain;
    for (const v of [...x, ...y]) expect(Number.isFinite(v)).toBe(true);
    expect(x[0]).toBeLessThan(x[1]);
    expect(y[0]).toBeLessThan(y[1]);
  }
  expect(['log', 'quantile']).toContain(view.spacing);
  for (const flag of [view.quiver, view.arrows, view.ghost]) expect(typeof flag).toBe('boolean');
  expect(Number.isInteger(view.cursor)).toBe(true);
  expect(view.cursor).toBeGreaterThanOrEqual(-1);
  expect(Number.isFinite(view.speed)).toBe(true);
  expect(view.speed).toBeGreaterThan(0);
  expect(Number.isInteger(view.selected)).toBe(true);
  expect(view.selected).toBeGreaterThanOrEqual(0);
  // Hidden-state glyphs: optimizer indices, ascending, each once.
  view.glyphs.forEach((i, n) => {
    expect(Number.isInteger(i) && i >= 0 && i <= 63).toBe(true);
    if (n > 0) expect(i).toBeGreaterThan(view.glyphs[n - 1]!);
  });
}

/** Views equal, the domain to within a thousandth of its size (links round it to six digits). */
function expectSameView(actual: ViewSettings, expected: ViewSettings): void {
  expect({ ...actual, domain: null }).toEqual({ ...expected, domain: null });
  if (!expected.domain || !actual.domain) {
    expect(actual.domain).toEqual(expected.domain);
    return;
  }
  const { x, y } = expected.domain;
  const tolerance = 1e-3 * Math.min(x[1] - x[0], y[1] - y[0]);
  const a = [...actual.domain.x, ...actual.domain.y];
  [...x, ...y].forEach((v, i) => expect(Math.abs(a[i]! - v)).toBeLessThanOrEqual(tolerance));
}

// ---------------------------------------------------------------------------------------------
// The visualizer's address bar
// ---------------------------------------------------------------------------------------------

describe('the visualizer reading a hostile address bar', () => {
  // Generous timeouts: generation of long strings is slow on a loaded 2-core machine.
  it(
    'never throws and always yields a scene the strict validator accepts',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(hostileQuery, (query) => {
          const { scene, view, errors } = readQuery(query);
          expect(parseScene(scene).ok).toBe(true);
          expectUsableView(view);
          expectReadableErrors(errors);
        }),
        { numRuns: 3000 },
      );
      expectPrototypesUntouched();
    },
  );

  it(
    'reads what it wrote back unchanged: a repaired scene can be shared again',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(hostileQuery, (query) => {
          const first = readQuery(query);
          const again = readQuery(writeQuery(first.scene, first.view));
          expect(again.errors).toEqual([]);
          expect(again.scene).toEqual(first.scene);
          expectSameView(again.view, first.view);
        }),
        { numRuns: 1500 },
      );
    },
  );

  it('shares a scene whose optimizers were all removed as a scene without optimizers', () => {
    const empty = { ...readQuery('').scene, optimizers: [] };
    const again = readQuery(writeQuery(empty, readQuery('').view));
    expect(again.errors).toEqual([]);
    expect(again.scene.optimizers).toEqual([]);
  });

  it('shares a label holding half an emoji instead of throwing while writing the link', () => {
    const { scene, errors } = readQuery('');
    const halfEmoji = { ...scene, optimizers: [{ type: 'adam' as const, label: 'Adam \uD83D' }] };
    expect(errors).toEqual([]);
    const link = writeQuery(validateScene(halfEmoji).scene, readQuery('').view);
    expect(readQuery(link).scene.optimizers[0]?.label).toBe('Adam \uFFFD');
  });

  it('quotes at most a few dozen characters of a long bad name in its message', () => {
    const long = 'z'.repeat(3000);
    for (const query of [`?scene=f:${long}`, `?scene=e:${long}`, `?scene=e:${'9'.repeat(900)}`]) {
      const { errors } = readQuery(query);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.path).toMatch(/^surface/);
      // The list of valid ids grows with the named surfaces; the quoted name must not.
      expect(errors[0]!.message.replace(SURFACE_IDS.join(', '), '').length).toBeLessThan(150);
    }
  });

  it('shares a narrow zoom window far from the origin without collapsing it', () => {
    const windows = [
      { x: [1_000_000, 1_000_000.5], y: [-3, -2.9999] },
      { x: [123456.7, 123456.71], y: [0, 1e-6] },
      { x: [0, 1_000_001], y: [0, 1] },
    ] as const;
    for (const domain of windows) {
      const view: ViewSettings = { ...readQuery('').view, domain };
      const again = readQuery(writeQuery(readQuery('').scene, view));
      expect(again.errors).toEqual([]);
      expectSameView(again.view, view);
    }
  });

  it('names the one field that was spoiled and keeps the others', { timeout: 60_000 }, () => {
    const base = 'f:rosenbrock;p:1,2;n:300;o:adam,lr=0.01';
    const spoil = fc.oneof(
      fc
        .constantFrom('NaN', '1e309', '-5', '0', '10001', '2.5', 'abc', '__proto__', '%E0%A4%A', '')
        .map((v) => ({ text: `f:rosenbrock;p:1,2;n:${v};o:adam,lr=0.01`, field: 'steps' })),
      fc
        .constantFrom('NaN,1', '1e309,0', '1', '1,2,3', '4e9,0', 'a,b', '%,%')
        .map((v) => ({ text: `f:rosenbrock;p:${v};n:300;o:adam,lr=0.01`, field: 'start' })),
      // lr = 0 is not spoiled: torch accepts it (the point stays put), so the URL does too.
      fc.constantFrom('-1', '-1e-9', 'NaN', '1e309', 'fast', '__proto__', '%00').map((v) => ({
        text: `f:rosenbrock;p:1,2;n:300;o:adam,lr=${v}`,
        field: 'optimizers[0].lr',
      })),
      fc
        .constantFrom('__proto__', 'constructor', 'nope', '%E0%A4%A', 'x'.repeat(500))
        .map((v) => ({ text: `f:${v};p:1,2;n:300;o:adam,lr=0.01`, field: 'surface' })),
      fc
        .constantFrom('((((', 'x^^2', '1/', 'alert(1)', '__proto__', '\u0000', 'x'.repeat(1200))
        .map((v) => ({
          text: `e:${encodeURIComponent(v)};p:1,2;n:300;o:adam,lr=0.01`,
          field: 'surface',
        })),
    );
    fc.assert(
      fc.property(spoil, ({ text, field }) => {
        const { scene, errors } = readQuery(`?scene=${text}`);
        expect(
          errors.some(
            (e) =>
              e.path === field ||
              (/^[.[]/.test(e.path.slice(field.length)) && e.path.startsWith(field)),
          ),
        ).toBe(true);
        const good = readQuery(`?scene=${base}`).scene;
        if (field !== 'steps') expect(scene.steps).toBe(good.steps);
        if (field !== 'start') expect(scene.start).toEqual(good.start);
        if (field !== 'surface') expect(scene.surface).toEqual(good.surface);
      }),
      { numRuns: 300 },
    );
  });

  it('caps oversized text before parsing it, quickly', () => {
    const huge = `?scene=${'o:sgd,lr=0.1;'.repeat(20_000)}&view=${'d:1,2,3,4;'.repeat(20_000)}`;
    const started = performance.now();
    const { scene, errors } = readQuery(huge);
    // Linear-time caps: far below a frame even on a slow machine; a quadratic path would take seconds.
    expect(performance.now() - started).toBeLessThan(500);
    expect(parseScene(scene).ok).toBe(true);
    expect(errors.map((e) => e.path)).toEqual(['scene', 'view']);
    expect(errors[0]!.message).toContain(String(MAX_SCENE_PARAM));
  });

  it('refuses a schedule type named like a prototype key instead of throwing', () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const { scene, errors } = readQuery(`?scene=o:sgd,schedule=${type}/0.5`);
      expect(parseScene(scene).ok).toBe(true);
      expect(errors.map((e) => e.path)).toEqual(['optimizers[0].schedule.type']);
    }
  });

  it('treats prototype keys as unknown fields, never as object paths', () => {
    const { scene, errors } = readQuery(
      '?scene=o:sgd,__proto__=1,constructor=2,prototype=3;__proto__:x;constructor:y&__proto__=1',
    );
    expect(parseScene(scene).ok).toBe(true);
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['optimizers[0]', 'optimizers[0].constructor', 'scene']),
    );
    expectPrototypesUntouched();
  });
});

// ---------------------------------------------------------------------------------------------
// The lab's `lab` parameter
// ---------------------------------------------------------------------------------------------

const LAB_NAMES = [
  'depth',
  'width',
  'act',
  'init',
  'scale',
  'bn',
  'res',
  'clip',
  'opt',
  'lr',
  'data',
  'seed',
];

const labPart = fc.oneof(
  fc.tuple(fc.constantFrom(...LAB_NAMES), hostileMix).map(([k, v]) => `${k}:${v}`),
  fc.tuple(prototypeWords, hostileMix).map(([k, v]) => `${k}:${v}`),
  hostileMix,
);

const labText = fc.oneof(
  fc.array(labPart, { maxLength: 8 }).map((parts) => parts.join(',')),
  fc
    .array(
      fc.array(labPart, { maxLength: 5 }).map((p) => p.join(',')),
      { maxLength: 4 },
    )
    .map((slots) => slots.join(';')),
  hostileMix,
);

function expectValidLabConfig(c: LabConfig): void {
  expect(Object.keys(c).sort()).toEqual(Object.keys(DEFAULT_LAB_CONFIG).sort());
  expect(Number.isInteger(c.depth) && c.depth >= 1 && c.depth <= MAX_LAYERS).toBe(true);
  expect(Number.isInteger(c.width) && c.width >= 1 && c.width <= MAX_WIDTH).toBe(true);
  expect(ACTIVATIONS).toContain(c.activation);
  expect(LAB_INITS).toContain(c.init);
  expect(c.weightScale > 0 && c.weightScale <= 100).toBe(true);
  expect(typeof c.batchnorm).toBe('boolean');
  expect(typeof c.residual).toBe('boolean');
  expect(c.clip >= 0 && c.clip <= 1e6).toBe(true);
  expect(OPTIMIZER_TYPES).toContain(c.optimizer);
  expect(c.lr > 0 && c.lr <= 10).toBe(true);
  expect(DATASETS).toContain(c.dataset);
  expect(Number.isInteger(c.seed) && c.seed >= 0 && c.seed <= 2 ** 32 - 1).toBe(true);
}

describe('the lab reading a hostile `lab` parameter', () => {
  it(
    'never throws, keeps every setting in range and names what it refused',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(labText, (text) => {
          const { state, problems } = decodeLabUrl(text);
          expectValidLabConfig(state.a);
          if (state.b) expectValidLabConfig(state.b);
          expectReadableErrors(problems);
          for (const p of problems) expect(p.path).toMatch(/^(a\.|b\.|lab$)/);
        }),
        { numRuns: 3000 },
      );
      expectPrototypesUntouched();
    },
  );

  it('reads what it wrote back unchanged', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(labText, (text) => {
        const first = decodeLabUrl(text).state;
        const again = decodeLabUrl(encodeLabUrl(first));
        expect(again.problems).toEqual([]);
        expect(again.state).toEqual(first);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
  });

  it('names the spoiled field and keeps the rest', () => {
    const { state, problems } = decodeLabUrl('depth:12,width:1e309,act:relu,__proto__:1;lr:NaN');
    expect(state.a.depth).toBe(12);
    expect(state.a.width).toBe(DEFAULT_LAB_CONFIG.width);
    expect(state.a.activation).toBe('relu');
    expect(state.b?.lr).toBe(DEFAULT_LAB_CONFIG.lr);
    expect(problems.map((p) => p.path)).toEqual(['a.width', 'a.__proto__', 'b.lr']);
    expectPrototypesUntouched();
  });
});
