/**
 * The height notice: `{context: "iframe.resize", height}` posted to the parent whenever the
 * height the embed's layout needs changes, so a host page (or an existing Embedly-style resizer
 * script) can size the iframe to fit. It carries no state, which is why '*' is acceptable for it
 * alone.
 */
import { resizeMessage } from './messages';

/** After the first notice, when it is posted again (ms): for a host whose listener came later. */
export const REPEAT_AFTER_MS = [500, 1500, 4000] as const;

/**
 * A poster for the height notice: call it with the height (CSS px) the layout needs; it posts
 * changes, rounded up, and nothing when the page is not framed. The first notice is repeated at
 * REPEAT_AFTER_MS with the height then current: a host whose resizer script runs after the
 * iframe's first notice (an inline script below it, a deferred one) missed it, and the iframe
 * kept its written height (fresh review of issue 10, 1 load in 4).
 */
export function heightNotifier(win: Window = window): (height: number) => void {
  if (win.parent === win) return () => {};
  let last = -1;
  const post = (): void => win.parent.postMessage(resizeMessage(last), '*');
  return (needed: number): void => {
    const height = Math.ceil(needed);
    if (!(height > 0) || height === last) return;
    if (last < 0) for (const ms of REPEAT_AFTER_MS) win.setTimeout(post, ms);
    last = height;
    post();
  };
}
