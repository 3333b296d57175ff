import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENE } from '../engine/scene';
import type { Scene, Trajectory } from '../engine/types';
import { useDescent } from '../state/store';
import { startEmbedApi } from './api';

interface Post {
  readonly message: unknown;
  readonly origin: string;
}

/** A frame whose parent records what is posted to it; deliver() plays a message event. */
function fakeFrame() {
  const posts: Post[] = [];
  const parent = {
    postMessage: (message: unknown, origin: string) => posts.push({ message, origin }),
  };
  let listener: ((event: MessageEvent<unknown>) => void) | undefined;
  const win = {
    parent,
    addEventListener: (_: string, fn: (event: MessageEvent<unknown>) => void) => (listener = fn),
    removeEventListener: () => (listener = undefined),
  } as unknown as Window;
  const deliver = (
    data: unknown,
    source: unknown = parent,
    origin = 'https://blog.example',
  ): void => listener?.({ data, source, origin } as MessageEvent<unknown>);
  return { win, posts, deliver, parent };
}

/** A straight-line trajectory of `steps` steps: point k = (k, -k), loss k². */
function line(steps: number): Trajectory {
  const points = new Float64Array(2 * (steps + 1));
  const losses = new Float64Array(steps + 1);
  for (let k = 0; k <= steps; k++) {
    points[2 * k] = k;
    points[2 * k + 1] = -k;
    losses[k] = k * k;
  }
  return { points, losses, length: steps + 1, diverged: false };
}

function computed(scene: Scene): void {
  useDescent.getState().setTrajectories(
    scene,
    scene.optimizers.map(() => line(scene.steps)),
  );
}

const types = (posts: readonly Post[]): string[] =>
  posts.map((p) => (p.message as { type?: string }).type ?? 'resize');

describe('embed postMessage API', () => {
  let frame: ReturnType<typeof fakeFrame>;
  let warnings: string[];
  let frames: (() => void)[];
  let painted: (() => void) | undefined;
  let stop: () => void;

  const flushFrames = (): void => {
    const due = frames;
    frames = [];
    for (const fn of due) fn();
  };

  beforeEach(() => {
    useDescent.setState({ scene: DEFAULT_SCENE, cursor: DEFAULT_SCENE.steps, playing: false });
    computed(DEFAULT_SCENE);
    frame = fakeFrame();
    warnings = [];
    frames = [];
    stop = startEmbedApi(frame.win, {
      schedule: (fn) => frames.push(fn),
      whenPainted: (fn) => (painted = fn),
      warn: (m) => warnings.push(m),
    });
  });
  afterEach(() => stop());

  it('posts ready to the parent once the first scene is painted, and nothing before', () => {
    expect(frame.posts).toEqual([]);
    painted?.();
    expect(frame.posts).toEqual([{ message: { type: 'descent:ready', version: 1 }, origin: '*' }]);
  });

  it('a valid set-scene becomes the scene; a bad one is refused with the field named, to the sender only', () => {
    const scene: Scene = { ...DEFAULT_SCENE, steps: 40, optimizers: [{ type: 'sgd', lr: 0.05 }] };
    frame.deliver({ type: 'descent:set-scene', scene });
    expect(useDescent.getState().scene.steps).toBe(40);
    expect(useDescent.getState().cursor).toBe(40);

    frame.deliver({
      type: 'descent:set-scene',
      scene: { ...scene, optimizers: [{ type: 'sgd', lr: -1 }] },
    });
    expect(useDescent.getState().scene.optimizers[0]).toEqual({ type: 'sgd', lr: 0.05 });
    expect(frame.posts).toHaveLength(1);
    const reply = frame.posts[0]!;
    expect(reply.origin).toBe('https://blog.example');
    expect(reply.message).toMatchObject({ type: 'descent:error' });
    expect(JSON.stringify(reply.message)).toContain('optimizers[0].lr');
    expect(warnings.join('\n')).toContain('optimizers[0].lr');
  });

  it('play, pause, step, seek and reset move the playback', () => {
    const s = useDescent.getState;
    frame.deliver({ type: 'descent:reset' });
    expect(s().cursor).toBe(0);
    frame.deliver({ type: 'descent:step', delta: 7 });
    expect(s().cursor).toBe(7);
    frame.deliver({ type: 'descent:seek', step: 150 });
    expect(s().cursor).toBe(150);
    frame.deliver({ type: 'descent:play' });
    expect(s().playing).toBe(true);
    frame.deliver({ type: 'descent:pause' });
    expect(s().playing).toBe(false);
    frame.deliver({ type: 'descent:get-state' });
    expect(frame.posts.at(-1)?.message).toMatchObject({
      type: 'descent:state',
      step: 150,
      playing: false,
    });
  });

  it('messages from other windows are ignored with a warning; other frames’ chatter silently', () => {
    const before = useDescent.getState().cursor;
    frame.deliver({ type: 'descent:reset' }, { postMessage: () => {} });
    frame.deliver({ type: 'descent:reset' }, null);
    expect(useDescent.getState().cursor).toBe(before);
    expect(warnings).toHaveLength(2);
    frame.deliver({ type: 'resize', height: 3 });
    frame.deliver('hello');
    expect(warnings).toHaveLength(2);
    expect(frame.posts).toEqual([]);
  });

  it('an unknown command gets a warning and an error reply naming it', () => {
    frame.deliver({ type: 'descent:format-disk' });
    expect(warnings[0]).toContain('descent:format-disk');
    expect(frame.posts[0]?.message).toMatchObject({
      type: 'descent:error',
      errors: [{ path: 'type' }],
    });
    frame.deliver({ type: 'descent:seek', step: -1 });
    expect(frame.posts[1]?.message).toMatchObject({
      type: 'descent:error',
      errors: [{ path: 'step', message: expect.stringContaining('whole number') }],
    });
  });

  it('subscribers get one step event per frame with each optimizer’s point and loss at the cursor', () => {
    frame.deliver({ type: 'descent:subscribe', events: ['step'] });
    flushFrames();
    expect(frame.posts.at(-1)?.message).toMatchObject({ type: 'descent:step', step: 200 });

    const s = useDescent.getState();
    s.setCursor(3);
    s.setCursor(4);
    s.setCursor(5);
    flushFrames();
    const steps = frame.posts.filter((p) => types([p])[0] === 'descent:step');
    expect(steps).toHaveLength(2);
    const last = steps[1]!.message as {
      step: number;
      optimizers: { point: [number, number]; loss: number }[];
    };
    expect(last.step).toBe(5);
    expect(last.optimizers).toHaveLength(DEFAULT_SCENE.optimizers.length);
    expect(last.optimizers[0]).toEqual({ point: [5, -5], loss: 25 });

    frame.deliver({ type: 'descent:unsubscribe', events: ['step'] });
    s.setCursor(9);
    flushFrames();
    expect(frame.posts.filter((p) => types([p])[0] === 'descent:step')).toHaveLength(2);
  });

  it('a diverged optimizer reports null past its last finite point', () => {
    const scene = useDescent.getState().scene;
    const short: Trajectory = { ...line(10), length: 4, diverged: true };
    useDescent
      .getState()
      .setTrajectories(scene, [short, ...scene.optimizers.slice(1).map(() => line(200))]);
    frame.deliver({ type: 'descent:subscribe', events: ['step'] });
    useDescent.getState().setCursor(2);
    flushFrames();
    const atTwo = frame.posts.at(-1)?.message as { step: number; optimizers: unknown[] };
    expect(atTwo.step).toBe(2);
    expect(atTwo.optimizers[0]).toEqual({ point: [2, -2], loss: 4 });
    useDescent.getState().setCursor(8);
    flushFrames();
    expect((frame.posts.at(-1)?.message as { optimizers: unknown[] }).optimizers[0]).toBeNull();
  });

  it('a sandboxed parent (origin "null") is obeyed but sent no replies', () => {
    frame.deliver({ type: 'descent:reset' }, frame.parent, 'null');
    frame.deliver({ type: 'descent:get-state' }, frame.parent, 'null');
    frame.deliver({ type: 'descent:subscribe' }, frame.parent, 'null');
    useDescent.getState().setCursor(12);
    flushFrames();
    expect(useDescent.getState().cursor).toBe(12);
    expect(frame.posts).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
