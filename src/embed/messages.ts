/**
 * The embed API's messages. A parent page drives an embedded scene with postMessage; every
 * incoming message is checked against this schema before anything acts on it, and a malformed
 * one yields a reason (the app logs it and ignores the message).
 */
import { parseScene } from '../engine/scene';
import { decodeSceneParam } from '../engine/scene-url';
import type { FieldError, Scene } from '../engine/types';

/** Prefix of every message type, so the app can tell its messages from other frames' chatter. */
export const PREFIX = 'descent:';

/** Events a parent can subscribe to. */
export const EMBED_EVENTS = ['step', 'scene', 'error'] as const;
export type EmbedEvent = (typeof EMBED_EVENTS)[number];

/** A validated command from the parent page. */
export type EmbedCommand =
  | { readonly type: 'set-scene'; readonly scene: Scene }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'reset' }
  | { readonly type: 'step'; readonly delta: number }
  | { readonly type: 'seek'; readonly step: number }
  | { readonly type: 'subscribe'; readonly events: readonly EmbedEvent[] }
  | { readonly type: 'unsubscribe'; readonly events: readonly EmbedEvent[] }
  | { readonly type: 'get-state' };

/** What the embedded app posts back (only ever to the sender's origin), besides the resize notice. */
export type EmbedReply =
  | { readonly type: 'descent:ready'; readonly version: 1 }
  | {
      readonly type: 'descent:state';
      readonly scene: Scene;
      readonly step: number;
      readonly playing: boolean;
    }
  | {
      readonly type: 'descent:step';
      readonly step: number;
      /** Per optimizer: its point and loss at this step, or null once it has diverged. */
      readonly optimizers: readonly ({
        readonly point: readonly [number, number];
        readonly loss: number;
      } | null)[];
    }
  | { readonly type: 'descent:scene'; readonly scene: Scene }
  | { readonly type: 'descent:error'; readonly errors: readonly FieldError[] };

/** The outcome of checking one message: a command, a reason to reject it, or not ours at all. */
export type EmbedParse =
  | { readonly kind: 'command'; readonly command: EmbedCommand }
  | {
      readonly kind: 'invalid';
      readonly reason: string;
      /** Per field: what is wrong, with the message's field name as `path` ('type' when unknown). */
      readonly errors: readonly FieldError[];
    }
  | { readonly kind: 'foreign' };

/** Largest jump one step message may ask for. */
const MAX_STEP_DELTA = 10_000;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEvents(value: unknown): readonly EmbedEvent[] | undefined {
  if (value === undefined) return EMBED_EVENTS;
  if (!Array.isArray(value) || value.length > EMBED_EVENTS.length) return undefined;
  const events: EmbedEvent[] = [];
  for (const v of value) {
    if (typeof v !== 'string' || !(EMBED_EVENTS as readonly string[]).includes(v)) return undefined;
    events.push(v as EmbedEvent);
  }
  return events;
}

/** A refusal naming the message's field at fault, so a parent can show it beside that field. */
function invalid(path: string, reason: string): EmbedParse {
  return { kind: 'invalid', reason, errors: [{ path, message: reason }] };
}

/** Checks one `event.data`; never throws. */
export function parseEmbedMessage(data: unknown): EmbedParse {
  if (!isRecord(data) || typeof data.type !== 'string' || !data.type.startsWith(PREFIX)) {
    return { kind: 'foreign' };
  }
  const type = data.type.slice(PREFIX.length);
  const allowed: Readonly<Record<string, readonly string[]>> = {
    'set-scene': ['scene'],
    play: [],
    pause: [],
    reset: [],
    step: ['delta'],
    seek: ['step'],
    subscribe: ['events'],
    unsubscribe: ['events'],
    'get-state': [],
  };
  const fields = Object.prototype.hasOwnProperty.call(allowed, type) ? allowed[type] : undefined;
  if (fields === undefined) {
    return invalid('type', `unknown message type "${data.type.slice(0, 60)}"`);
  }
  const extra = Object.keys(data).filter((k) => k !== 'type' && !fields.includes(k));
  if (extra.length > 0) {
    const field = extra[0]!.slice(0, 40);
    return invalid(field, `${data.type}: unexpected field "${field}"`);
  }
  switch (type) {
    case 'set-scene': {
      // A scene object, or the URL's scene text.
      const parsed =
        typeof data.scene === 'string'
          ? (() => {
              const decoded = decodeSceneParam(data.scene);
              return decoded.errors.length === 0
                ? ({ ok: true, scene: decoded.scene } as const)
                : ({ ok: false, errors: decoded.errors } as const);
            })()
          : parseScene(data.scene);
      if (!parsed.ok)
        return {
          kind: 'invalid',
          reason: `${data.type}: the scene is not valid`,
          errors: parsed.errors,
        };
      return { kind: 'command', command: { type: 'set-scene', scene: parsed.scene } };
    }
    case 'step': {
      const delta = data.delta ?? 1;
      if (
        typeof delta !== 'number' ||
        !Number.isInteger(delta) ||
        Math.abs(delta) > MAX_STEP_DELTA
      ) {
        return invalid(
          'delta',
          `${data.type}: delta must be a whole number within ±${MAX_STEP_DELTA}`,
        );
      }
      return { kind: 'command', command: { type: 'step', delta } };
    }
    case 'seek': {
      const step = data.step;
      if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) {
        return invalid('step', `${data.type}: step must be a whole number >= 0`);
      }
      return { kind: 'command', command: { type: 'seek', step } };
    }
    case 'subscribe':
    case 'unsubscribe': {
      const events = parseEvents(data.events);
      if (!events) {
        return invalid(
          'events',
          `${data.type}: events must be a list of ${EMBED_EVENTS.join(', ')}`,
        );
      }
      return { kind: 'command', command: { type, events } };
    }
    default:
      return {
        kind: 'command',
        command: { type: type as 'play' | 'pause' | 'reset' | 'get-state' },
      };
  }
}

/** The height notice resizer scripts understand (Embedly's form); it carries no state. */
export function resizeMessage(height: number): { context: 'iframe.resize'; height: number } {
  return { context: 'iframe.resize', height: Math.ceil(height) };
}
