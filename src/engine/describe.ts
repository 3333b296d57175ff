/**
 * How an error message names a value the user gave, as code: numbers as written, text quoted (a
 * long one cut at 20 characters: a URL can carry thousands), lists and objects as their JSON when
 * short, else `[…]` / `{…}`.
 */
export function describeValue(value: unknown): string {
  // Written as code (JSON-like), never as English words ("an array"): the sentence around it is
  // translated, the value stays as the reader wrote it, whatever the language.
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') {
    return value.length > 20
      ? `${JSON.stringify(value.slice(0, 20)).slice(0, -1)}…"`
      : JSON.stringify(value);
  }
  if (typeof value === 'object') {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined;
    }
    if (text !== undefined && text.length <= 30) return text;
    return Array.isArray(value) ? '[…]' : '{…}';
  }
  return String(value);
}
