/**
 * The embed's postMessage API: the parent page drives the scene and listens to its steps.
 *
 * - Only messages whose `event.source` is `window.parent` are obeyed. Messages that are not ours
 *   (no `descent:` type) are ignored silently; ours from any other window, or malformed, are
 *   ignored with a console warning, and a malformed one from the parent gets a `descent:error`.
 * - Replies go only to the sender: `event.source.postMessage(reply, event.origin)`. A sandboxed
 *   parent has the opaque origin "null", which no reply can be addressed to: its commands still
 *   act, but it gets no replies or events (posting state with '*' could hand it to whatever
 *   document the parent window shows by then). The height notice still reaches it.
 * - `descent:ready` goes to the parent with '*' once, when the first scene is painted. It says only
 *   "the API is listening" (`{type, version}`, no scene, no step), like the height notice, so any
 *   recipient learns nothing a blank iframe would not tell it; it lets the parent know when to send.
 */
import type { FieldError } from '../engine/types';
import { useDescent } from '../state/store';
import type { DescentState } from '../state/store';
import { parseEmbedMessage } from './messages';
import type { EmbedCommand, EmbedEvent, EmbedReply } from './messages';
import { expressionsLoaded, loadExpressions } from '../engine/surfaces/resolve';

/** Where replies go: the parent window and the origin its subscribing message came from. */
interface Channel {
  readonly target: Window;
  readonly origin: string;
}

/** Hooks the bridge needs from its page; the defaults use the real window. */
export interface EmbedApiOptions {
  /** Runs `fn` before the next paint (throttles step events to animation frames). */
  readonly schedule?: (fn: () => void) => void;
  /** Calls `fn` once the first scene is painted. */
  readonly whenPainted?: (fn: () => void) => void;
  readonly warn?: (message: string) => void;
}

/** The step event for the store's current cursor, or null while the trajectories are stale. */
export function stepEvent(
  state: DescentState,
): Extract<EmbedReply, { type: 'descent:step' }> | null {
  if (state.trajectoriesScene !== state.scene) return null;
  const step = state.cursor;
  return {
    type: 'descent:step',
    step,
    optimizers: state.trajectories.map((tr) => {
      if (tr.length === 0 || (tr.diverged && step >= tr.length)) return null;
      const k = Math.min(step, tr.length - 1);
      return {
        point: [tr.points[2 * k]!, tr.points[2 * k + 1]!] as const,
        loss: tr.losses[k]!,
      };
    }),
  };
}

function paintedOnce(fn: () => void): void {
  if (performance.getEntriesByName('scene-painted').length > 0) {
    fn();
    return;
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('scene-painted').length > 0) {
      observer.disconnect();
      fn();
    }
  });
  observer.observe({ type: 'mark' });
}

const PREFIX = '[descent embed]';

/** Starts listening to the parent; returns a stop function. */
export function startEmbedApi(win: Window = window, options: EmbedApiOptions = {}): () => void {
  const schedule = options.schedule ?? ((fn: () => void) => void win.requestAnimationFrame(fn));
  const whenPainted = options.whenPainted ?? paintedOnce;
  const warn = options.warn ?? ((message: string) => console.warn(`${PREFIX} ${message}`));
  const embedded = win.parent !== win;
  const store = useDescent;

  let channel: Channel | null = null;
  const subscribed = new Set<EmbedEvent>();
  let warnedNull = false;

  const send = (to: Channel | null, message: EmbedReply): void => {
    if (!to) return;
    try {
      to.target.postMessage(message, to.origin);
    } catch (error) {
      warn(`could not reply: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const emit = (event: EmbedEvent, message: EmbedReply): void => {
    if (subscribed.has(event)) send(channel, message);
  };

  // Step events: at most one per animation frame, only when the cursor or the paths changed.
  let pending = false;
  let lastSent: readonly unknown[] = [];
  const flushStep = (): void => {
    pending = false;
    if (!subscribed.has('step')) return;
    const state = store.getState();
    const key = [state.cursor, state.trajectories, state.trajectoriesScene];
    if (key.every((v, i) => v === lastSent[i])) return;
    const message = stepEvent(state);
    if (!message) return;
    lastSent = key;
    emit('step', message);
  };
  const requestStep = (): void => {
    if (pending || !subscribed.has('step')) return;
    pending = true;
    schedule(flushStep);
  };

  const run = (command: EmbedCommand, reply: Channel | null): void => {
    const s = store.getState();
    switch (command.type) {
      case 'set-scene': {
        const atEnd = s.cursor >= s.scene.steps;
        const errors = s.commitScene(command.scene);
        if (errors.length > 0) {
          warn(`set-scene refused: ${describe(errors)}`);
          send(reply, { type: 'descent:error', errors });
        } else if (atEnd) {
          s.setCursor(command.scene.steps);
        }
        return;
      }
      case 'play':
        s.setPlaying(true);
        return;
      case 'pause':
        s.setPlaying(false);
        return;
      case 'reset':
        s.setPlaying(false);
        s.setCursor(0);
        return;
      case 'step':
        s.stepBy(command.delta);
        return;
      case 'seek':
        s.setCursor(command.step);
        return;
      case 'subscribe':
        if (reply) channel = reply;
        for (const e of command.events) subscribed.add(e);
        if (command.events.includes('step')) {
          lastSent = [];
          requestStep();
        }
        return;
      case 'unsubscribe':
        for (const e of command.events) subscribed.delete(e);
        return;
      case 'get-state':
        send(reply, { type: 'descent:state', scene: s.scene, step: s.cursor, playing: s.playing });
        return;
    }
  };

  // Until the expression compiler has loaded (after the first paint), messages wait for it in
  // the order they came: a scene they carry may be a typed expression.
  let queue: Promise<void> | null = null;
  const onMessage = (event: MessageEvent<unknown>): void => {
    if (queue === null && expressionsLoaded()) {
      handleMessage(event);
      return;
    }
    queue = (queue ?? loadExpressions().catch(() => undefined)).then(() => handleMessage(event));
  };

  const handleMessage = (event: MessageEvent<unknown>): void => {
    const parsed = parseEmbedMessage(event.data);
    if (parsed.kind === 'foreign') return;
    if (!embedded || event.source !== win.parent) {
      warn(`ignored a message from a window that is not this embed's parent`);
      return;
    }
    const reply: Channel | null =
      event.origin && event.origin !== 'null'
        ? { target: event.source as Window, origin: event.origin }
        : null;
    if (!reply && !warnedNull) {
      warnedNull = true;
      warn('the parent page has an opaque origin (sandboxed): commands work, replies are not sent');
    }
    if (parsed.kind === 'invalid') {
      const own = parsed.errors.length === 1 && parsed.errors[0]!.message === parsed.reason;
      warn(own ? parsed.reason : `${parsed.reason}: ${describe(parsed.errors)}`);
      send(reply, { type: 'descent:error', errors: parsed.errors });
      return;
    }
    run(parsed.command, reply);
  };

  win.addEventListener('message', onMessage);
  const unsubscribers = [
    store.subscribe((s) => [s.cursor, s.trajectories, s.trajectoriesScene] as const, requestStep, {
      equalityFn: (a, b) => a.every((v, i) => Object.is(v, b[i])),
    }),
    store.subscribe(
      (s) => s.scene,
      (scene) => emit('scene', { type: 'descent:scene', scene }),
    ),
    store.subscribe(
      (s) => s.engineError,
      (message) => {
        if (message)
          emit('error', { type: 'descent:error', errors: [{ path: 'engine', message }] });
      },
    ),
  ];

  let stopped = false;
  if (embedded) {
    whenPainted(() => {
      if (!stopped) win.parent.postMessage({ type: 'descent:ready', version: 1 }, '*');
    });
  }

  return () => {
    stopped = true;
    win.removeEventListener('message', onMessage);
    for (const u of unsubscribers) u();
  };
}

function describe(errors: readonly FieldError[]): string {
  return errors
    .slice(0, 5)
    .map((e) => `${e.path || 'scene'}: ${e.message}`)
    .join('; ');
}
