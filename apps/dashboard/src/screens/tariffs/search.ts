/** URL state of the tariffs screen: list filters and the tariff open in the editor. */
export interface TariffsSearch {
  q?: string;
  party?: string;
  offset?: number;
  /** `CC/PID/ID` of the tariff in the editor, or `new`. */
  tariff?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function validateTariffsSearch(search: Record<string, unknown>): TariffsSearch {
  const offset = Number(search.offset);
  return {
    q: text(search.q),
    party: text(search.party),
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
    tariff: text(search.tariff),
  };
}
