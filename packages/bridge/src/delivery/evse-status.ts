import { publishedEvseStatus } from '@chargebridge/domain';
import type { Database } from '@chargebridge/store';
import type { Kysely } from 'kysely';

/** What an EVSE status PATCH carries and where it goes. */
export interface EvseStatusUpdate {
  locationRowId: number;
  countryCode: string;
  partyId: string;
  locationId: string;
  evseUid: string;
  /** OCPI EVSE status (architecture.md "Status mapping"). */
  status: string;
  lastUpdated: Date;
}

/**
 * The OCPI status of an EVSE now (`publishedEvseStatus`, the same rule as the Locations view).
 * `last_updated` is the later of the EVSE's and the station's (online/offline) change.
 */
export function evseStatusOf(input: {
  online: boolean;
  stationUpdatedAt: Date;
  evseStatus: string;
  evseLastUpdated: Date;
  connectorStatuses: readonly (string | null)[];
}): { status: string; lastUpdated: Date } {
  const lastUpdated = input.stationUpdatedAt > input.evseLastUpdated ? input.stationUpdatedAt : input.evseLastUpdated;
  const status = publishedEvseStatus({
    stationOnline: input.online,
    storedStatus: input.evseStatus,
    connectorStatuses: input.connectorStatuses,
  });
  return { status, lastUpdated };
}

/** Reads an EVSE's current status update, or undefined when its station has no location. */
export async function loadEvseStatus(db: Kysely<Database>, evseUid: string): Promise<EvseStatusUpdate | undefined> {
  const row = await db
    .selectFrom('evses as e')
    .innerJoin('stations as s', 's.id', 'e.station_id')
    .innerJoin('locations as l', 'l.id', 's.location_id')
    .select([
      'e.id as evse_row_id',
      'e.status',
      'e.last_updated',
      's.online',
      's.updated_at as station_updated_at',
      'l.id as location_row_id',
      'l.country_code',
      'l.party_id',
      'l.location_id',
    ])
    .where('e.evse_uid', '=', evseUid)
    .executeTakeFirst();
  if (!row) return undefined;
  const connectors = await db
    .selectFrom('connectors')
    .select('ocpp_status')
    .where('evse_id', '=', row.evse_row_id)
    .orderBy('ocpp_connector_id')
    .execute();
  const { status, lastUpdated } = evseStatusOf({
    online: row.online,
    stationUpdatedAt: row.station_updated_at,
    evseStatus: row.status,
    evseLastUpdated: row.last_updated,
    connectorStatuses: connectors.map((c) => c.ocpp_status),
  });
  return {
    locationRowId: row.location_row_id,
    countryCode: row.country_code,
    partyId: row.party_id,
    locationId: row.location_id,
    evseUid,
    status,
    lastUpdated,
  };
}
