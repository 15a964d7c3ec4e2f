/** Formats a document value for reading: text as is, lists of text joined, anything else as compact JSON. */
export function formatValue(value: unknown, listSeparator = ', '): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  if (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'string' || typeof item === 'number')
  ) {
    return value.join(listSeparator);
  }
  return JSON.stringify(value);
}
