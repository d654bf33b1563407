/**
 * A URL search value as text, or undefined when empty: the router parses `?protocol=1.6` as a
 * number and `?online=true` as a boolean, and every screen's filters want the text back.
 */
export const searchText = (v: unknown): string | undefined =>
  typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' && v !== '' ? v : undefined;
