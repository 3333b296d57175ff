import { useEffect } from 'react';
import { CONTROL_KEYS, keyAction, targetKind, usePresent } from '../../state/present';
import type { KeyAction } from '../../state/present';
import { useDescent } from '../../state/store';
import { focusOrigin, installFocusOrigin } from '../a11y/focusOrigin';
import { setPresenting, toggleFullscreen } from './presenter';

/**
 * Carries out the shortcuts every page has the same way (full screen, presenter mode, the
 * shortcuts dialog); returns false for the others (playback), which each page does its own way.
 */
export function runPageKeyAction(action: KeyAction): boolean {
  const p = usePresent.getState();
  switch (action.kind) {
    case 'fullscreen':
      void toggleFullscreen();
      return true;
    case 'present':
      setPresenting(!p.present);
      return true;
    case 'shortcuts':
      p.setShortcutsOpen(!p.shortcutsOpen);
      return true;
    case 'close':
      p.setShortcutsOpen(false);
      return true;
    default:
      return false;
  }
}

/** Carries out a shortcut on the visualizer's store and the teacher-mode state. */
export function runKeyAction(action: KeyAction): void {
  if (runPageKeyAction(action)) return;
  const s = useDescent.getState();
  switch (action.kind) {
    case 'toggle-play':
      s.togglePlaying();
      break;
    case 'step':
      s.stepBy(action.by);
      break;
    case 'reset':
      s.setPlaying(false);
      s.setCursor(0);
      break;
    case 'toggle-optimizer': {
      const config = s.scene.optimizers[action.index];
      if (!config) break;
      const { hidden, ...rest } = config;
      s.updateOptimizer(action.index, hidden === true ? rest : { ...rest, hidden: true });
      break;
    }
  }
}

/**
 * Whether a key press at `target` is a shortcut's: false inside another dialog or menu (the
 * Embed or Export dialog keeps its keys), true elsewhere.
 */
function outsideOtherDialogs(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  const dialog = target.closest('dialog, [role="dialog"], [role="menu"]');
  return dialog === null || dialog.classList.contains('shortcuts-dialog');
}

/** A slider, menu or radio: what keeps its moving keys when reached by keyboard. */
function isControl(target: EventTarget | null): boolean {
  return targetKind(target, 'keyboard') === 'control';
}

const handlesAll = (): boolean => true;

/**
 * Window keyboard listener for a page's shortcuts (see `keyAction`): space, ← → PageUp PageDown,
 * R, 1–9, P, F, ? and Esc. It listens in the capture phase, before the focused control: a text
 * field keeps what is typed into it; a slider or menu keeps its arrows only while it was reached
 * by keyboard (Tab); after the pointer dragged or clicked it, the shortcut wins and the control
 * never sees the key. `run` carries the action out; `handles` (all by default) says which actions
 * this page has (an embed has playback only): the others are left to the page as plain keys.
 */
export function useKeyboardShortcuts(
  run: (action: KeyAction) => void,
  handles: (action: KeyAction) => boolean = handlesAll,
): void {
  useEffect(() => {
    installFocusOrigin();
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !outsideOtherDialogs(event.target)) return;
      const target = event.target;
      const origin = target instanceof Element ? focusOrigin(target) : 'keyboard';
      // A slider or menu the pointer reached keeps no moving keys (↑ ↓ Home End), held down
      // (repeating) or not: they do not change the value the teacher set with the mouse.
      const guardControl = (): void => {
        if (origin === 'pointer' && CONTROL_KEYS.has(event.key) && isControl(target))
          event.preventDefault();
      };
      // Only stepping repeats while a key is held; other shortcuts act once per press.
      if (event.repeat && !['ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown'].includes(event.key)) {
        guardControl();
        return;
      }
      const found = keyAction(event, {
        target: targetKind(target, origin),
        dialogOpen: usePresent.getState().shortcutsOpen,
        presenting: usePresent.getState().present,
      });
      const action = found && handles(found) ? found : null;
      if (!action) {
        guardControl();
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      run(action);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [run, handles]);
}

/** The visualizer's keyboard shortcuts, acting on its store and teacher mode. */
export function useShortcuts(): void {
  useKeyboardShortcuts(runKeyAction);
}
