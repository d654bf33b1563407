/** URL filters of the "Users & access" screen (its audit log). */
export interface AccessSearch {
  /** Exact actor: a username, or `admin-token`. */
  actor?: string;
  /** Substring of the action, e.g. `POST` or `/users`. */
  action?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 200) : undefined);

export function validateAccessSearch(search: Record<string, unknown>): AccessSearch {
  return { actor: text(search.actor), action: text(search.action) };
}
