/**
 * How an error message names a value the user gave: numbers as written, short text quoted, long
 * text by its length (a URL can carry thousands of characters), anything else by its kind.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') {
    return value.length > 20 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  return typeof value;
}
