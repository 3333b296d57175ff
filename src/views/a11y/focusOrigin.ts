/**
 * How the focused element was reached: with the keyboard (Tab, or a key that opened it) or with
 * the pointer (a click, a slider drag, a menu chosen with the mouse). A control reached with the
 * pointer must not keep the arrow keys: a presentation clicker sends → and PageDown meaning
 * "next", not "nudge the learning rate the teacher dragged a minute ago". The shortcuts read
 * this to decide whether a key belongs to the focused control or to playback.
 */

/** What last moved focus or operated a control. */
export type FocusOrigin = 'keyboard' | 'pointer';

let lastInput: FocusOrigin = 'keyboard';
const origins = new WeakMap<Element, FocusOrigin>();
let installed: Document | null = null;
/**
 * The element that had focus when the window lost it (Alt+Tab to the slides): the browser gives
 * it focus back on return, which is no new way of reaching it.
 */
let focusedWhenAway: Element | null = null;

/** Keys that move no focus and operate nothing by themselves (Alt of Alt+Tab, ⌘ of ⌘+Tab). */
const MODIFIERS = new Set(['Alt', 'AltGraph', 'Control', 'Meta', 'OS', 'Shift', 'CapsLock', 'Fn']);

/** The control (or the label's control) a pointer press lands on. */
function controlAt(target: EventTarget | null): Element | null {
  if (!(target instanceof Element)) return null;
  const label = target.closest('label');
  if (label instanceof HTMLLabelElement && label.control) return label.control;
  return target.closest('input, select, textarea, button, a[href], summary, [tabindex]');
}

const onPointerDown = (event: Event): void => {
  lastInput = 'pointer';
  focusedWhenAway = null;
  // A control already focused by Tab and then dragged is now the pointer's.
  const control = controlAt(event.target);
  if (control) origins.set(control, 'pointer');
};
const onKeyDown = (event: Event): void => {
  if (event instanceof KeyboardEvent && MODIFIERS.has(event.key)) return;
  lastInput = 'keyboard';
  focusedWhenAway = null;
};
const onFocusIn = (event: Event): void => {
  if (!(event.target instanceof Element)) return;
  const restored = event.target === focusedWhenAway;
  focusedWhenAway = null;
  // Focus given back on the window's return keeps how the control was reached.
  if (restored && origins.has(event.target)) return;
  origins.set(event.target, lastInput);
};

/**
 * Starts watching pointer presses, key presses and focus changes on `doc` (once; later calls
 * are no-ops). Listeners run in the capture phase so a handler that stops propagation cannot
 * hide an input from them.
 */
export function installFocusOrigin(doc: Document = document): void {
  if (installed === doc) return;
  installed = doc;
  doc.addEventListener('pointerdown', onPointerDown, true);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('focusin', onFocusIn, true);
  doc.defaultView?.addEventListener(
    'blur',
    (event) => {
      if (event.target === doc.defaultView) focusedWhenAway = doc.activeElement;
    },
    true,
  );
}

/** How `element` got focus; 'keyboard' when it is not known (focused before watching began). */
export function focusOrigin(element: Element): FocusOrigin {
  return origins.get(element) ?? 'keyboard';
}
