/**
 * Writes a page's query string without a new history entry (history.replaceState), keeping its
 * path and hash. Sandboxed and file:// pages may refuse history changes: the app works on without
 * the URL following, so a refusal is ignored.
 */
export function replaceSearch(search: string, win: Window = window): void {
  const { pathname, hash } = win.location;
  if (search === win.location.search) return;
  try {
    win.history.replaceState(win.history.state, '', `${pathname}${search}${hash}`);
  } catch {
    // Refused (sandbox, file://): the state still changes, only the link does not follow.
  }
}
