/**
 * Teacher mode: which lesson is open, whether it is presented (large type, thick lines, reduced
 * controls, full screen), whether the shortcuts dialog is open, and the pure mapping from a key
 * press to what it does. The key map is pure so it is tested without a browser; the hook that
 * listens to the window lives in src/views/lessons/useShortcuts.ts.
 */
import { create } from 'zustand';

/** Query parameters of teacher mode. */
export const LESSON_PARAM = 'lesson';
export const PRESENT_PARAM = 'present';

/** How much thicker the trajectory lines are while presenting. */
export const PRESENT_LINE_SCALE = 2;

/**
 * How much presenter mode enlarges lines, markers and buttons on a screen of `width` × `height`
 * CSS px, beyond their 1080p size: the ratio of the figure's label size there (lessons.css,
 * `--figure-font: clamp(15px, min(2.4vh, 1.4vw), 44px)`) to its 1080p size, never below 1. So a
 * 4K screen at DPR 1 draws lines and markers 1.7× as large, as its labels are.
 */
export function presentScreenScale(width: number, height: number): number {
  const font = (w: number, h: number): number =>
    Math.min(44, Math.max(15, Math.min(0.024 * h, 0.014 * w)));
  const scale = font(width, height) / font(1920, 1080);
  return Number.isFinite(scale) ? Math.max(1, scale) : 1;
}

/** Teacher-mode state shared by the lesson panel, the presenter view and the shortcuts. */
export interface PresentState {
  /** Id of the open lesson (`?lesson=`), or null. */
  readonly lesson: string | null;
  /** Presenter mode (`?present=1`). */
  readonly present: boolean;
  /** The keyboard-shortcuts dialog is open. */
  readonly shortcutsOpen: boolean;
  /** Multiplies the trajectory canvas's line widths (1 normally, larger while presenting). */
  readonly lineScale: number;
  /** presentScreenScale of the window (kept up to date by startLessons). */
  readonly screenScale: number;
  setLesson(id: string | null): void;
  setPresent(on: boolean): void;
  setScreenScale(scale: number): void;
  setShortcutsOpen(open: boolean): void;
}

/** The teacher-mode store. */
export const usePresent = create<PresentState>()((set) => ({
  lesson: null,
  present: false,
  shortcutsOpen: false,
  lineScale: 1,
  screenScale: 1,
  setLesson: (lesson) => set({ lesson }),
  setPresent: (present) =>
    set((s) => ({ present, lineScale: present ? PRESENT_LINE_SCALE * s.screenScale : 1 })),
  setScreenScale: (screenScale) =>
    set((s) => ({
      screenScale,
      lineScale: s.present ? PRESENT_LINE_SCALE * screenScale : 1,
    })),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
}));

/** Lesson id and presenter flag read from a query string (an id is checked by the caller). */
export function readPresentQuery(search: string): { lesson: string | null; present: boolean } {
  const params = new URLSearchParams(search);
  const raw = params.get(LESSON_PARAM);
  // Ids are short kebab-case words; anything else is not a lesson.
  const lesson = raw !== null && /^[a-z0-9-]{1,64}$/.test(raw) ? raw : null;
  return { lesson, present: params.get(PRESENT_PARAM) === '1' };
}

/**
 * `search` with teacher-mode parameters set: `lesson` kept or replaced, `present=1` added or
 * removed; every other parameter (scene, view, theme, lang, …) kept in its place.
 */
export function withPresentQuery(
  search: string,
  patch: { lesson?: string | null; present?: boolean },
): string {
  const parts = search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '');
  const named = (name: string) => (p: string) => p === name || p.startsWith(`${name}=`);
  let out = parts;
  if (patch.lesson !== undefined) {
    out = out.filter((p) => !named(LESSON_PARAM)(p));
    if (patch.lesson !== null) out.unshift(`${LESSON_PARAM}=${encodeURIComponent(patch.lesson)}`);
  }
  if (patch.present !== undefined) {
    out = out.filter((p) => !named(PRESENT_PARAM)(p));
    if (patch.present) out.push(`${PRESENT_PARAM}=1`);
  }
  return out.length > 0 ? `?${out.join('&')}` : '';
}

/** What a key press asks for. */
export type KeyAction =
  | { readonly kind: 'toggle-play' }
  | { readonly kind: 'step'; readonly by: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'toggle-optimizer'; readonly index: number }
  | { readonly kind: 'fullscreen' }
  | { readonly kind: 'present' }
  | { readonly kind: 'shortcuts' }
  | { readonly kind: 'close' };

/** The parts of a KeyboardEvent the key map reads. */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

/** Where the key press happened: the target's kind, and what is open. */
export interface KeyContext {
  /**
   * 'text' for multi-line text and editable content (they keep every key); 'line' for a
   * single-line text field (it keeps every key but PageUp/PageDown, which it has no use for and a
   * presentation clicker sends); 'control' for a slider, menu or radio reached by keyboard (it
   * keeps its arrows, Home, End and space, not the Page keys a clicker sends); 'button' for
   * buttons, links and checkboxes reached by keyboard (they keep space and Enter); 'other'
   * elsewhere, including any of those controls when the pointer reached it.
   */
  readonly target: 'text' | 'line' | 'control' | 'button' | 'other';
  /** The shortcuts dialog is open: only Esc and ? act. */
  readonly dialogOpen: boolean;
  /** Presenter mode is on: Esc (when no dialog is open) leaves it. */
  readonly presenting?: boolean;
}

/**
 * Keys a control reached by keyboard keeps for itself (a slider's or a menu's moves). Not PageUp
 * and PageDown: a presentation clicker sends them, and a teacher who tabbed to a slider must not
 * change its value by advancing the slide (issue 10).
 */
export const CONTROL_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  ' ',
]);

/**
 * The action for a key press, or null when the key is not a shortcut here. Modified keys
 * (Ctrl, Alt, Meta) are the browser's; keys typed into a field are the field's; a slider or menu
 * keeps its moving keys only while it was reached by keyboard (see `targetKind`). PageDown and
 * PageUp (what a presentation clicker sends) step forward and back like → and ←.
 */
export function keyAction(press: KeyPress, context: KeyContext): KeyAction | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (press.key === 'Escape') {
    // Esc closes what is on top: the shortcuts dialog first, then presenter mode.
    if (context.dialogOpen) return { kind: 'close' };
    return context.presenting === true ? { kind: 'present' } : null;
  }
  if (context.target === 'text') return null;
  const page = press.key === 'PageDown' || press.key === 'PageUp';
  if (context.target === 'line' && !page) return null;
  if (context.target === 'control' && CONTROL_KEYS.has(press.key)) return null;
  if (context.target === 'control' && /^[1-9]$/.test(press.key)) return null;
  if (press.key === '?') return { kind: 'shortcuts' };
  if (context.dialogOpen) return null;
  switch (press.key) {
    case ' ':
      return context.target === 'button' ? null : { kind: 'toggle-play' };
    case 'ArrowRight':
    case 'PageDown':
      return { kind: 'step', by: press.shiftKey ? 10 : 1 };
    case 'ArrowLeft':
    case 'PageUp':
      return { kind: 'step', by: press.shiftKey ? -10 : -1 };
    case 'r':
    case 'R':
      return { kind: 'reset' };
    case 'f':
    case 'F':
      return { kind: 'fullscreen' };
    case 'p':
    case 'P':
      return { kind: 'present' };
  }
  if (/^[1-9]$/.test(press.key)) return { kind: 'toggle-optimizer', index: Number(press.key) - 1 };
  return null;
}

/** Input types a person types text into (every other input is a control or a button). */
const TEXT_INPUTS = new Set([
  'text',
  'search',
  'url',
  'tel',
  'email',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/**
 * The kind of element a key press targets, for `KeyContext.target`. `origin` says how it was
 * focused: a slider, menu, radio, button or link reached with the pointer is 'other', so the
 * shortcuts win over its own keys; text fields keep their keys however they were reached.
 */
export function targetKind(
  target: EventTarget | null,
  origin: 'keyboard' | 'pointer' = 'keyboard',
): KeyContext['target'] {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return 'other';
  const html = typeof HTMLElement !== 'undefined' && target instanceof HTMLElement;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || (html && target.isContentEditable)) return 'text';
  // A widget that always moves with its arrows (the 3-D view's camera), however it was focused.
  if (target.closest('[data-own-arrows]') !== null) return 'control';
  let kind: KeyContext['target'] = 'other';
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    if (TEXT_INPUTS.has(type)) return 'line';
    // Checkboxes toggle with space like buttons; sliders, radios and colour pickers move with keys.
    kind = type === 'checkbox' || type === 'button' || type === 'submit' ? 'button' : 'control';
  } else if (tag === 'SELECT' || ARROW_ROLES.has(target.getAttribute('role') ?? '')) {
    kind = 'control';
  } else if (target.closest(ARROW_GROUPS) !== null || isRovingItem(target)) {
    // A tab list, toolbar, radio group or roving-focus widget moves between its items with arrows.
    kind = 'control';
  } else if (
    tag === 'BUTTON' ||
    tag === 'A' ||
    tag === 'SUMMARY' ||
    target.getAttribute('role') === 'button'
  ) {
    kind = 'button';
  }
  return origin === 'pointer' ? 'other' : kind;
}

/** Roles whose element moves its value or selection with the arrow keys. */
const ARROW_ROLES = new Set([
  'slider',
  'spinbutton',
  'tab',
  'radio',
  'option',
  'treeitem',
  'menuitem',
]);

/** Containers whose items move focus with the arrow keys (WAI-ARIA composite widgets). */
const ARROW_GROUPS =
  '[role="tablist"], [role="toolbar"], [role="radiogroup"], [role="listbox"], [role="grid"], [role="tree"], [role="menu"], [role="menubar"]';

/** An item of a roving-tabindex widget: focusable, with siblings taken out of the Tab order. */
function isRovingItem(target: Element): boolean {
  if (target.getAttribute('tabindex') !== '0') return false;
  const parent = target.parentElement;
  return parent !== null && parent.querySelector(':scope > [tabindex="-1"]') !== null;
}

/** One row of the shortcuts dialog: the keys shown and the i18n key of what they do. */
export const SHORTCUTS = [
  { keys: ['Space'], action: 'shortcuts.play' },
  { keys: ['←', '→'], action: 'shortcuts.step' },
  { keys: ['PageUp', 'PageDown'], action: 'shortcuts.clicker' },
  { keys: ['Shift + ←', 'Shift + →'], action: 'shortcuts.step10' },
  { keys: ['R'], action: 'shortcuts.reset' },
  { keys: ['1', '…', '9'], action: 'shortcuts.toggle' },
  { keys: ['P'], action: 'shortcuts.present' },
  { keys: ['F'], action: 'shortcuts.fullscreen' },
  { keys: ['?'], action: 'shortcuts.help' },
  { keys: ['Esc'], action: 'shortcuts.escape' },
] as const;
