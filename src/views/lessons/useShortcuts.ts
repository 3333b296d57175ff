import { useEffect } from 'react';
import { keyAction, targetKind, usePresent } from '../../state/present';
import type { KeyAction } from '../../state/present';
import { useDescent } from '../../state/store';
import { setPresenting, toggleFullscreen } from './presenter';

/** Carries out a shortcut on the visualizer's store and the teacher-mode state. */
export function runKeyAction(action: KeyAction): void {
  const s = useDescent.getState();
  const p = usePresent.getState();
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
    case 'fullscreen':
      void toggleFullscreen();
      break;
    case 'present':
      setPresenting(!p.present);
      break;
    case 'shortcuts':
      p.setShortcutsOpen(!p.shortcutsOpen);
      break;
    case 'close':
      p.setShortcutsOpen(false);
      break;
  }
}

/**
 * The visualizer's keyboard: space, arrows, R, 1–9, P, F, ? and Esc (see `keyAction`). Keys typed
 * into a text field, a menu or a slider stay theirs.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (
        event.defaultPrevented ||
        (event.repeat && event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')
      )
        return;
      const action = keyAction(event, {
        target: targetKind(event.target),
        dialogOpen: usePresent.getState().shortcutsOpen,
      });
      if (!action) return;
      event.preventDefault();
      runKeyAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
