import { describe, expect, it } from 'vitest';
import { decodeLabUrl } from '../state/lab';
import { handleLabRequest } from '../worker/lab/handlers';
import type { LabSnapshot } from '../worker/lab/protocol';
import { LAB_LESSONS, labLessonHref, labLessonText } from './labLessons';
import type { LabLesson } from './labLessons';
import type { LabConfig } from '../state/lab';

function lesson(id: string): LabLesson {
  const found = LAB_LESSONS.find((l) => l.id === id);
  if (!found) throw new Error(`no lab lesson ${id}`);
  return found;
}

/** The lab's snapshot of a configuration after `steps` training steps. */
function snapshot(config: LabConfig, steps = 0): LabSnapshot {
  const reply = handleLabRequest({
    id: 1,
    runId: 1,
    type: 'run',
    slot: 'a',
    config,
    steps,
    reset: true,
  });
  if (reply.type !== 'snapshot') throw new Error(JSON.stringify(reply));
  return reply.snapshot;
}

/** ‖∂L/∂W‖ of the first layer relative to the last hidden layer's: how much survives the way back. */
const survival = (s: LabSnapshot): number => {
  const g = s.weightGradNorms;
  return g[0]! / g[g.length - 2]!;
};

describe('lab lessons', () => {
  it('every preset decodes through the lab codec without a problem, to the same configurations', () => {
    for (const l of LAB_LESSONS) {
      const text = labLessonText(l);
      const { state, problems } = decodeLabUrl(text);
      expect(problems).toEqual([]);
      expect(state).toEqual(l.state);
      expect(state.b).not.toBeNull();
      // The link carries the same text, escaped for a query.
      const href = new URL(labLessonHref(l), 'https://x.test/app/');
      expect(href.searchParams.get('page')).toBe('lab');
      expect(href.searchParams.get('lab')).toBe(text);
      // …and the lesson's id, so the lab keeps the lesson's text beside it.
      expect(href.searchParams.get('lesson')).toBe(l.id);
    }
  });

  it('every preset has a title and body in English, Simplified and Traditional Chinese', () => {
    const ids = new Set(LAB_LESSONS.map((l) => l.id));
    expect(ids.size).toBe(LAB_LESSONS.length);
    for (const l of LAB_LESSONS) {
      for (const text of [l.title, l.body, l.look]) {
        expect(text.en).toMatch(/[a-z]/);
        expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        expect(text['zh-TW']).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(l.body['zh-TW']).not.toBe(l.body['zh-CN']);
      expect(l.look['zh-TW']).not.toBe(l.look['zh-CN']);
    }
  });

  it('at depth, more of the gradient reaches the first layer with ReLU + He than with sigmoid', () => {
    const { a, b } = lesson('lab-sigmoid-vs-relu').state;
    expect(survival(snapshot(b!))).toBeGreaterThan(10 * survival(snapshot(a)));
  });

  it('with ReLU, Xavier lets the activations shrink with depth while He keeps their scale', () => {
    const { a, b } = lesson('lab-xavier-vs-he').state;
    const decay = (s: LabSnapshot) => {
      const n = s.activationNorms;
      return n[n.length - 2]! / n[0]!;
    };
    expect(decay(snapshot(a))).toBeLessThan(0.1);
    expect(decay(snapshot(b!))).toBeGreaterThan(3 * decay(snapshot(a)));
  });

  it('batch norm lets more gradient reach the first layer of the over-scaled sigmoid net', () => {
    const { a, b } = lesson('lab-batchnorm').state;
    expect(survival(snapshot(b!))).toBeGreaterThan(survival(snapshot(a)));
  });

  it('residual connections carry more gradient to the first layer of a 32-layer tanh net', () => {
    const { a, b } = lesson('lab-residual').state;
    expect(survival(snapshot(b!))).toBeGreaterThan(survival(snapshot(a)));
  });
});

/** What each lesson's "look" text says about when to look, checked on the lab's engine. */
describe('lab lessons say what to look at, and when', () => {
  /** Ratio of the last hidden layer's activation norm to the first's. */
  const decay = (s: LabSnapshot): number => {
    const n = s.activationNorms;
    return n[n.length - 2]! / n[0]!;
  };

  it('Xavier vs He: the shrinking activations show at step 0, and training hides them by step 100', () => {
    const { a, b } = lesson('lab-xavier-vs-he').state;
    // "about a thousandth" for A, "most of its size" for B.
    expect(decay(snapshot(a))).toBeLessThan(0.005);
    expect(decay(snapshot(a))).toBeGreaterThan(0.0002);
    expect(decay(snapshot(b!))).toBeGreaterThan(0.3);
    // "after about 100 steps both nets fit the data".
    expect(snapshot(a, 100).loss).toBeLessThan(0.01);
    expect(snapshot(b!, 100).loss).toBeLessThan(0.01);
  });

  it('sigmoid vs ReLU and batch norm: tiny first-layer gradients at step 0; after 100 steps A stays at 0.69, B near 0', () => {
    for (const [id, ratio] of [
      ['lab-sigmoid-vs-relu', 1e-6],
      ['lab-batchnorm', 1e-3],
    ] as const) {
      const { a, b } = lesson(id).state;
      expect(survival(snapshot(a)), id).toBeLessThan(ratio);
      expect(survival(snapshot(b!)), id).toBeGreaterThan(0.05);
      expect(snapshot(a, 100).loss, id).toBeCloseTo(Math.log(2), 2);
      expect(snapshot(b!, 100).loss, id).toBeLessThan(0.01);
    }
  });

  it('residual: alike at step 0; after 100 steps A’s first-layer gradient has faded and its loss is stuck', () => {
    const { a, b } = lesson('lab-residual').state;
    const a0 = survival(snapshot(a));
    const b0 = survival(snapshot(b!));
    expect(Math.max(a0, b0) / Math.min(a0, b0)).toBeLessThan(3);
    const a100 = snapshot(a, 100);
    const b100 = snapshot(b!, 100);
    expect(survival(a100)).toBeLessThan(1e-8);
    expect(survival(b100)).toBeGreaterThan(0.1);
    expect(b100.loss).toBeLessThan(0.01);
    expect(a100.loss).toBeGreaterThan(0.5);
    expect(a100.loss).toBeLessThan(0.7);
  });
});
