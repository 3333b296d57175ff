import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../engine/nn/activations';
import { DATASETS } from '../engine/nn/datasets';
import { OPTIMIZER_TYPES } from '../engine/optimizers';
import {
  DEFAULT_LAB_CONFIG,
  LAB_INITS,
  MAX_LAB_TEXT,
  LAB_BOUNDS,
  decodeLabUrl,
  encodeLabUrl,
  fitLabNumber,
  useLabStore,
} from './lab';
import type { LabConfig } from './lab';

const configArb: fc.Arbitrary<LabConfig> = fc.record({
  depth: fc.integer({ min: 1, max: 64 }),
  width: fc.integer({ min: 1, max: 256 }),
  activation: fc.constantFrom(...ACTIVATIONS),
  init: fc.constantFrom(...LAB_INITS),
  weightScale: fc.double({ min: 0.001, max: 100, noNaN: true }),
  batchnorm: fc.boolean(),
  residual: fc.boolean(),
  clip: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })),
  optimizer: fc.constantFrom(...OPTIMIZER_TYPES),
  lr: fc.double({ min: 1e-8, max: 10, noNaN: true }),
  dataset: fc.constantFrom(...DATASETS),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

describe('lab URL codec', () => {
  it('a default lab without compare has an empty lab parameter', () => {
    expect(encodeLabUrl({ a: DEFAULT_LAB_CONFIG, b: null })).toBe('');
    expect(decodeLabUrl('')).toEqual({ state: { a: DEFAULT_LAB_CONFIG, b: null }, problems: [] });
  });

  it('writes only what differs, as readable name:value pairs, B after a semicolon', () => {
    const a = {
      ...DEFAULT_LAB_CONFIG,
      depth: 16,
      activation: 'relu' as const,
      init: 'he' as const,
    };
    const text = encodeLabUrl({ a, b: { ...a, batchnorm: true } });
    expect(text).toBe('depth:16,act:relu,init:he;bn:1');
  });

  it('round-trips any valid A and B', () => {
    fc.assert(
      fc.property(configArb, fc.option(configArb, { nil: null }), (a, b) => {
        const { state, problems } = decodeLabUrl(encodeLabUrl({ a, b }));
        expect(problems).toEqual([]);
        expect(state).toEqual({ a, b });
      }),
    );
  });

  it('a bad field keeps its default and names the field; the good ones still apply', () => {
    const { state, problems } = decodeLabUrl('depth:999,act:relu,lr:-1,bogus:3;width:0');
    expect(state.a.depth).toBe(DEFAULT_LAB_CONFIG.depth);
    expect(state.a.activation).toBe('relu');
    expect(state.a.lr).toBe(DEFAULT_LAB_CONFIG.lr);
    expect(state.b?.width).toBe(DEFAULT_LAB_CONFIG.width);
    expect(state.b?.activation).toBe('relu');
    expect(problems.map((p) => p.path)).toEqual(['a.depth', 'a.lr', 'a.bogus', 'b.width']);
    expect(problems[0]!.message).toContain('1 to 64');
  });

  it('says, for each refused field, the value given and the value used instead, as a message code', () => {
    const { problems } = decodeLabUrl(
      'depth:999,width:0,act:swish,init:lecun,scale:0,bn:2,res:yes,clip:-1,opt:sgdd,lr:20,data:mnist,seed:1.5;depth:2.5',
    );
    const said = problems.map((p) => [p.path, p.code, p.params?.got, p.params?.used]);
    expect(said).toEqual([
      ['a.depth', 'lab.whole', '999', '6'],
      ['a.width', 'lab.whole', '0', '8'],
      ['a.act', 'lab.choice', 'swish', 'tanh'],
      ['a.init', 'lab.choice', 'lecun', 'xavier'],
      ['a.scale', 'lab.aboveZero', '0', '1'],
      ['a.bn', 'lab.flag', '2', '0'],
      ['a.res', 'lab.flag', 'yes', '0'],
      ['a.clip', 'lab.clip', '-1', '0'],
      ['a.opt', 'lab.choice', 'sgdd', 'adam'],
      ['a.lr', 'lab.aboveZero', '20', '0.03'],
      ['a.data', 'lab.choice', 'mnist', 'moons'],
      ['a.seed', 'lab.whole', '1.5', '1'],
      ['b.depth', 'lab.whole', '2.5', '6'],
    ]);
    expect(problems[0]!.message).toBe('"999" is not a whole number from 1 to 64; 6 is used');
  });

  it('rejects numbers written in forms Number() would accept but a person would not', () => {
    const { state, problems } = decodeLabUrl('depth:0x10,width: 8,lr:Infinity,scale:1e999');
    expect(state.a).toEqual(DEFAULT_LAB_CONFIG);
    expect(problems).toHaveLength(4);
  });

  it('ignores over-long text with one message', () => {
    const { state, problems } = decodeLabUrl('depth:8,'.repeat(MAX_LAB_TEXT));
    expect(state.a).toEqual(DEFAULT_LAB_CONFIG);
    expect(problems).toEqual([expect.objectContaining({ path: 'lab' })]);
  });

  it('hostile text never throws and always yields valid configurations', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.stringMatching(/^[a-z:,;0-9.e-]{0,120}$/)),
        (text) => {
          const { state } = decodeLabUrl(text);
          for (const c of [state.a, ...(state.b ? [state.b] : [])]) {
            expect(c.depth).toBeGreaterThanOrEqual(1);
            expect(c.depth).toBeLessThanOrEqual(64);
            expect(ACTIVATIONS).toContain(c.activation);
            expect(c.lr).toBeGreaterThan(0);
          }
        },
      ),
    );
    for (const text of [
      '__proto__:1',
      'constructor:x',
      ';;;;',
      ':',
      ',,,',
      'act:toString',
      'depth:',
    ]) {
      expect(() => decodeLabUrl(text)).not.toThrow();
    }
    expect(decodeLabUrl('__proto__:1').state.a).toEqual(DEFAULT_LAB_CONFIG);
  });
});

describe('lab store', () => {
  it('reads -0 as 0, so the link it writes back reads the same', () => {
    const { state, problems } = decodeLabUrl('clip:-0,lr:0.1');
    expect(problems).toEqual([]);
    expect(Object.is(state.a.clip, 0)).toBe(true);
    expect(decodeLabUrl(encodeLabUrl(state)).state).toEqual(state);
  });

  it('loading a URL with B turns compare on and reports problems', () => {
    useLabStore.getState().loadUrl('depth:3;bn:1,lr:nope');
    const s = useLabStore.getState();
    expect(s.compare).toBe(true);
    expect(s.a.depth).toBe(3);
    expect(s.b).toEqual({ ...s.a, batchnorm: true });
    expect(s.urlProblems.map((p) => p.path)).toEqual(['b.lr']);
  });

  it('the chosen layer stays inside a net that got shallower', () => {
    useLabStore.getState().loadUrl('depth:10');
    useLabStore.getState().selectLayer(8);
    useLabStore.getState().setConfig('a', { depth: 4 });
    expect(useLabStore.getState().selectedLayer).toBe(3);
  });
});

describe('a typed lab value outside its field', () => {
  it('is clamped to the nearest bound, rounded when the field is whole, and says which', () => {
    expect(fitLabNumber(100, LAB_BOUNDS.depth, 6)).toEqual({ used: 64, change: 'above' });
    expect(fitLabNumber(0, LAB_BOUNDS.width, 8)).toEqual({ used: 1, change: 'below' });
    expect(fitLabNumber(2.4, LAB_BOUNDS.depth, 6)).toEqual({ used: 2, change: 'whole' });
    expect(fitLabNumber(99.6, LAB_BOUNDS.depth, 6)).toEqual({ used: 64, change: 'above' });
    expect(fitLabNumber(-3, LAB_BOUNDS.clip, 1)).toEqual({ used: 0, change: 'below' });
    expect(fitLabNumber(2e6, LAB_BOUNDS.clip, 1)).toEqual({ used: 1e6, change: 'above' });
    expect(fitLabNumber(50, LAB_BOUNDS.lr, 0.03)).toEqual({ used: 10, change: 'above' });
    expect(fitLabNumber(2 ** 40, LAB_BOUNDS.seed, 1)).toEqual({
      used: 2 ** 32 - 1,
      change: 'above',
    });
  });

  it('at or below an exclusive minimum keeps the value it had (there is no nearest one)', () => {
    expect(fitLabNumber(0, LAB_BOUNDS.lr, 0.03)).toEqual({ used: 0.03, change: 'notAbove' });
    expect(fitLabNumber(-1, LAB_BOUNDS.weightScale, 2)).toEqual({ used: 2, change: 'notAbove' });
  });

  it('inside its bounds is used as typed, with nothing to say', () => {
    expect(fitLabNumber(17, LAB_BOUNDS.depth, 6)).toEqual({ used: 17 });
    expect(fitLabNumber(0.001, LAB_BOUNDS.weightScale, 1)).toEqual({ used: 0.001 });
    expect(fitLabNumber(123456, LAB_BOUNDS.seed, 1)).toEqual({ used: 123456 });
  });

  it('takes exactly what the URL takes: a value the field keeps reads back from its link', () => {
    for (const [name, key, value] of [
      ['depth', 'depth', 64],
      ['width', 'width', 1],
      ['scale', 'weightScale', 0.001],
      ['clip', 'clip', 1e6],
      ['lr', 'lr', 10],
      ['seed', 'seed', 2 ** 32 - 1],
    ] as const) {
      expect(fitLabNumber(value, LAB_BOUNDS[key], 1).change, name).toBeUndefined();
      const { state, problems } = decodeLabUrl(`${name}:${value}`);
      expect(problems, name).toEqual([]);
      expect(state.a[key], name).toBe(value);
    }
  });
});
