/**
 * The height notice: `{context: "iframe.resize", height}` posted to the parent whenever the
 * height the embed's layout needs changes, so a host page (or an existing Embedly-style resizer
 * script) can size the iframe to fit. It carries no state, which is why '*' is acceptable for it
 * alone.
 */
import { resizeMessage } from './messages';

/**
 * A poster for the height notice: call it with the height (CSS px) the layout needs; it posts
 * only changes, rounded up, and nothing when the page is not framed.
 */
export function heightNotifier(win: Window = window): (height: number) => void {
  if (win.parent === win) return () => {};
  let last = -1;
  return (needed: number): void => {
    const height = Math.ceil(needed);
    if (!(height > 0) || height === last) return;
    last = height;
    win.parent.postMessage(resizeMessage(height), '*');
  };
}
