/**
 * The part of a typed expression worth echoing under its field with a caret at the error: at most
 * `width` characters around the 1-based `column`, with an ellipsis on each side that was cut.
 * A 10,000-character paste then shows one line, not a page. Columns count code points.
 */
export function caretWindow(
  text: string,
  column: number,
  width = 48,
): { readonly line: string; readonly caret: number } {
  const chars = Array.from(text);
  const at = Math.max(0, Math.min(column - 1, chars.length));
  if (chars.length <= width) return { line: text, caret: at };
  // Keep the error about a third of the way in: what led to it matters more than what follows.
  const from = Math.max(0, Math.min(at - Math.floor(width / 3), chars.length - width));
  const to = Math.min(chars.length, from + width);
  const head = from > 0 ? '…' : '';
  const tail = to < chars.length ? '…' : '';
  return { line: head + chars.slice(from, to).join('') + tail, caret: at - from + head.length };
}
