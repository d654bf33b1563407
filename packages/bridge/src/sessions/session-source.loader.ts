import { judgeToken } from '@chargebridge/domain';
import type { Database } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import type { SessionSource } from './session-source.js';

/** The store rows behind one transaction's Session, without the session's own row. */
export type SessionContext = Omit<SessionSource, 'sessionId' | 'tariff'> & {
  stationId: number;
  /** Tariff ids configured on the connector, else on the station (Connector.tariff_ids). */
  tariffIds: string[];
};

/**
 * Reads what a Session is built from: transaction, station's CPO, EVSE/connector/location (the
 * same rows the OCPI EVSE view uses), the token and the hub's verdict on it, and the meter
 * samples. Returns undefined for an unknown transaction.
 */
export async function loadSessionContext(
  db: Kysely<Database>,
  transactionId: number,
): Promise<SessionContext | undefined> {
  const tx = await db.selectFrom('transactions').selectAll().where('id', '=', transactionId).executeTakeFirst();
  if (!tx) return undefined;
  const station = await db.selectFrom('stations').selectAll().where('id', '=', tx.station_id).executeTakeFirstOrThrow();
  const evse = await db
    .selectFrom('evses as e')
    .leftJoin('connectors as c', (join) =>
      join.onRef('c.evse_id', '=', 'e.id').on('c.ocpp_connector_id', '=', tx.ocpp_connector_id ?? 1),
    )
    .select([
      'e.evse_uid',
      'e.evse_id',
      'c.ocpi_connector_id',
      'c.standard',
      'c.format',
      'c.power_type',
      'c.tariff_ids',
    ])
    .where('e.station_id', '=', tx.station_id)
    .where('e.ocpp_evse_id', '=', tx.ocpp_evse_id ?? 1)
    .executeTakeFirst();
  const location =
    station.location_id !== null
      ? await db.selectFrom('locations').selectAll().where('id', '=', station.location_id).executeTakeFirst()
      : undefined;

  let token: SessionSource['token'] = null;
  let authorized = true;
  if (tx.id_token) {
    const tokens = await db
      .selectFrom('tokens')
      .selectAll()
      .where('uid', '=', tx.id_token)
      .orderBy('source', 'asc')
      .orderBy('id')
      .execute();
    // The hub's latest verdict on this token at this station (a StopTransaction's idTagInfo is
    // about stopping, not about the session).
    const verdict = await db
      .selectFrom('authorizations')
      .select(['result', 'token_id'])
      .where('station_id', '=', tx.station_id)
      .where('id_token', '=', tx.id_token)
      .where('source', '!=', 'StopTransaction')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const row = tokens.find((t) => t.id === verdict?.token_id) ?? tokens[0];
    if (row) {
      token = {
        country_code: row.country_code,
        party_id: row.party_id,
        uid: row.uid,
        type: row.type,
        contract_id: row.contract_id,
        whitelist: row.whitelist,
        source: row.source,
        partner_id: row.partner_id,
      };
    }
    authorized = (verdict?.result ?? judgeToken(tokens)) === 'accepted';
  }

  const samples = await db
    .selectFrom('meter_samples')
    .select(['sampled_at', 'measurand', 'unit', 'value', 'phase', 'location', 'context'])
    .where('transaction_id', '=', tx.id)
    .where('measurand', 'in', ['Energy.Active.Import.Register', 'Power.Active.Import'])
    .orderBy('sampled_at')
    .orderBy('id')
    .execute();

  const connectorTariffs = evse?.tariff_ids ?? [];
  return {
    stationId: station.id,
    transaction: {
      id: tx.id,
      status: tx.status,
      started_at: tx.started_at,
      stopped_at: tx.stopped_at,
      created_at: tx.created_at,
      meter_start_wh: tx.meter_start_wh,
      meter_stop_wh: tx.meter_stop_wh,
      energy_wh: tx.energy_wh,
      id_token: tx.id_token,
      token_type: tx.token_type,
      charging_state: tx.charging_state,
      remote_start_id: tx.remote_start_id,
      authorization_reference: tx.authorization_reference,
      auth_method: tx.auth_method,
    },
    cpo: { country_code: station.country_code, party_id: station.party_id },
    token,
    authorized,
    location: location
      ? { location_id: location.location_id, time_zone: location.time_zone, data: location.data }
      : null,
    evse: evse
      ? {
          evse_uid: evse.evse_uid,
          evse_id: evse.evse_id,
          connector_id: evse.ocpi_connector_id ?? '1',
          standard: evse.standard ?? 'IEC_62196_T2',
          format: evse.format ?? 'SOCKET',
          power_type: evse.power_type ?? 'AC_3_PHASE',
        }
      : null,
    samples,
    tariffIds: connectorTariffs.length > 0 ? connectorTariffs : station.tariff_ids,
  };
}

/**
 * The tariff of a session at its start: the first of the connector's / station's `tariff_ids`
 * that exists, else the CPO's first tariff (by creation). Returns the OCPI Tariff JSON.
 */
export async function selectSessionTariff(
  db: Kysely<Database>,
  context: Pick<SessionContext, 'cpo' | 'tariffIds'>,
): Promise<Record<string, unknown> | null> {
  const { country_code, party_id } = context.cpo;
  for (const tariffId of context.tariffIds) {
    const row = await db
      .selectFrom('tariffs')
      .select('data')
      .where('country_code', '=', country_code)
      .where('party_id', '=', party_id)
      .where('tariff_id', '=', tariffId)
      .executeTakeFirst();
    if (row) return row.data;
  }
  const first = await db
    .selectFrom('tariffs')
    .select('data')
    .where('country_code', '=', country_code)
    .where('party_id', '=', party_id)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return first?.data ?? null;
}
