/**
 * The height notice: `{context: "iframe.resize", height}` posted to the parent whenever the
 * embed's content changes height, so a host page (or an existing Embedly-style resizer script)
 * can size the iframe to fit. It carries no state, which is why '*' is acceptable for it alone.
 */
import { resizeMessage } from './messages';

/** Posts `element`'s height to the parent now and on every change; returns a stop function. */
export function startResizeNotices(element: HTMLElement, win: Window = window): () => void {
  if (win.parent === win) return () => {};
  let last = -1;
  const post = (): void => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last || height <= 0) return;
    last = height;
    win.parent.postMessage(resizeMessage(height), '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(element);
  post();
  return () => observer.disconnect();
}
