import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../engine/scene';
import { encodeSceneParam } from '../engine/scene-url';
import { parseEmbedMessage } from './messages';

describe('embed messages', () => {
  it('accepts each command of the documented API', () => {
    expect(parseEmbedMessage({ type: 'descent:play' })).toEqual({
      kind: 'command',
      command: { type: 'play' },
    });
    expect(parseEmbedMessage({ type: 'descent:step', delta: -1 })).toEqual({
      kind: 'command',
      command: { type: 'step', delta: -1 },
    });
    expect(parseEmbedMessage({ type: 'descent:step' })).toEqual({
      kind: 'command',
      command: { type: 'step', delta: 1 },
    });
    expect(parseEmbedMessage({ type: 'descent:subscribe', events: ['step'] })).toEqual({
      kind: 'command',
      command: { type: 'subscribe', events: ['step'] },
    });
    const scene = { ...DEFAULT_SCENE, steps: 50 };
    expect(parseEmbedMessage({ type: 'descent:set-scene', scene })).toEqual({
      kind: 'command',
      command: { type: 'set-scene', scene },
    });
    expect(
      parseEmbedMessage({ type: 'descent:set-scene', scene: encodeSceneParam(scene) }),
    ).toEqual({
      kind: 'command',
      command: { type: 'set-scene', scene },
    });
  });

  it('rejects a bad scene with the field named, and never applies half of it', () => {
    const result = parseEmbedMessage({
      type: 'descent:set-scene',
      scene: { optimizers: [{ type: 'adam', lr: 'fast' }] },
    });
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid')
      expect(result.errors.map((e) => e.path)).toEqual(['optimizers[0].lr']);
  });

  it('refuses a misspelt field at any depth of the scene, naming its path', () => {
    // Each level of the scene: a field the sender meant, misspelt, is named, not dropped.
    const sgd = { type: 'sgd', lr: 0.1 };
    const cases: [unknown, string][] = [
      [{ ...DEFAULT_SCENE, colour: 'red' }, 'colour'],
      [{ ...DEFAULT_SCENE, surface: { id: 'quadratic', domian: [1, 2] } }, 'surface.domian'],
      [{ ...DEFAULT_SCENE, surface: { expr: 'x^2 + y^2', scale: 2 } }, 'surface.scale'],
      [{ ...DEFAULT_SCENE, optimizers: [{ type: 'sgd', lrr: 0.1 }] }, 'optimizers[0].lrr'],
      [
        {
          ...DEFAULT_SCENE,
          optimizers: [{ ...sgd, schedule: { type: 'step', step_size: 3, gama: 0.5 } }],
        },
        'optimizers[0].schedule.gama',
      ],
      [
        { ...DEFAULT_SCENE, noise: { type: 'gaussian', scale: 0.1, seed: 1, sead: 2 } },
        'noise.sead',
      ],
    ];
    for (const [scene, path] of cases) {
      const result = parseEmbedMessage({ type: 'descent:set-scene', scene });
      expect(result.kind, path).toBe('invalid');
      if (result.kind === 'invalid') expect(result.errors.map((e) => e.path)).toEqual([path]);
    }
  });

  it("ignores other frames' messages and rejects unknown or malformed ones of ours", () => {
    expect(parseEmbedMessage({ context: 'iframe.resize', height: 300 }).kind).toBe('foreign');
    expect(parseEmbedMessage('descent:play').kind).toBe('foreign');
    expect(parseEmbedMessage({ type: 'descent:launch' })).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('unknown'),
    });
    expect(parseEmbedMessage({ type: 'descent:__proto__' }).kind).toBe('invalid');
    expect(parseEmbedMessage({ type: 'descent:seek', step: -3 }).kind).toBe('invalid');
    expect(parseEmbedMessage({ type: 'descent:play', then: 'x' }).kind).toBe('invalid');
    expect(parseEmbedMessage({ type: 'descent:subscribe', events: ['keystrokes'] }).kind).toBe(
      'invalid',
    );
  });

  it('names the field at fault in every refusal, so a parent can point at it', () => {
    const cases: [unknown, string][] = [
      [{ type: 'descent:launch' }, 'type'],
      [{ type: 'descent:seek', step: -3 }, 'step'],
      [{ type: 'descent:seek', step: 1.5 }, 'step'],
      [{ type: 'descent:seek' }, 'step'],
      [{ type: 'descent:step', delta: 'two' }, 'delta'],
      [{ type: 'descent:step', delta: 1e9 }, 'delta'],
      [{ type: 'descent:subscribe', events: ['keystrokes'] }, 'events'],
      [{ type: 'descent:unsubscribe', events: 'step' }, 'events'],
      [{ type: 'descent:play', then: 'x' }, 'then'],
    ];
    for (const [data, path] of cases) {
      const result = parseEmbedMessage(data);
      expect(result.kind, JSON.stringify(data)).toBe('invalid');
      if (result.kind === 'invalid') {
        expect(
          result.errors.map((e) => e.path),
          JSON.stringify(data),
        ).toEqual([path]);
        expect(result.errors[0]!.message).toBe(result.reason);
      }
    }
  });

  it('never throws on hostile messages', () => {
    const typed = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('descent:set-scene', 'descent:step', 'descent:seek', 'descent:subscribe'),
          fc.string(),
        ),
        scene: fc.anything(),
        delta: fc.anything(),
        step: fc.anything(),
        events: fc.anything(),
      },
      { requiredKeys: ['type'] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), typed), (data) => {
        const result = parseEmbedMessage(data);
        expect(['command', 'invalid', 'foreign']).toContain(result.kind);
      }),
      { numRuns: 3000 },
    );
  });
});
