/** URL state of the tokens screen: search, filters, page and the token whose detail is open. */
export interface TokensSearch {
  q?: string;
  party?: string;
  source?: 'local' | 'roaming';
  offset?: number;
  /** uid of the token in the detail panel. */
  uid?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function validateTokensSearch(search: Record<string, unknown>): TokensSearch {
  const offset = Number(search.offset);
  const source = text(search.source);
  return {
    q: text(search.q),
    party: text(search.party),
    source: source === 'local' || source === 'roaming' ? source : undefined,
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
    uid: text(search.uid),
  };
}
