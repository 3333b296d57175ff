import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../engine/nn/activations';
import { DATASETS } from '../engine/nn/datasets';
import { OPTIMIZER_TYPES } from '../engine/optimizers';
import {
  DEFAULT_LAB_CONFIG,
  LAB_INITS,
  MAX_LAB_TEXT,
  decodeLabUrl,
  encodeLabUrl,
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
