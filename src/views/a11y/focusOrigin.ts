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

/** The control (or the label's control) a pointer press lands on. */
function controlAt(target: EventTarget | null): Element | null {
  if (!(target instanceof Element)) return null;
  const label = target.closest('label');
  if (label instanceof HTMLLabelElement && label.control) return label.control;
  return target.closest('input, select, textarea, button, a[href], summary, [tabindex]');
}

const onPointerDown = (event: Event): void => {
  lastInput = 'pointer';
  // A control already focused by Tab and then dragged is now the pointer's.
  const control = controlAt(event.target);
  if (control) origins.set(control, 'pointer');
};
const onKeyDown = (): void => {
  lastInput = 'keyboard';
};
const onFocusIn = (event: Event): void => {
  if (event.target instanceof Element) origins.set(event.target, lastInput);
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
}

/** How `element` got focus; 'keyboard' when it is not known (focused before watching began). */
export function focusOrigin(element: Element): FocusOrigin {
  return origins.get(element) ?? 'keyboard';
}
