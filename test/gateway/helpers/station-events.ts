import type { Store } from '@chargebridge/store';

type Json = Record<string, unknown>;

/** The payloads of a station's events of `kind` (station_events), oldest first. */
export async function stationEvents(store: Store, identity: string, kind: string): Promise<Json[]> {
  const rows = await store.db
    .selectFrom('station_events as e')
    .innerJoin('stations as s', 's.id', 'e.station_id')
    .select('e.payload')
    .where('s.identity', '=', identity)
    .where('e.kind', '=', kind)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => r.payload as Json);
}
