/** The filters the stations table and the fleet map share (all URL search params). */
export interface StationFilterValues {
  q?: string;
  party?: string;
  location?: string;
  protocol?: string;
  status?: string;
  online?: 'true' | 'false';
}
export type StationFilterField = keyof StationFilterValues;

/** The query string of the given filters (empty values left out). */
export function filterParams(values: StationFilterValues, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...extra })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}
