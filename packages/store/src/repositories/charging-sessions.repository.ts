import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../database.js';
import { allOf } from './ocpi-window.js';

/**
 * One charging transaction as the operator dashboard lists it: the OCPP transaction with its
 * station, EVSE / connector, location time zone, OCPI session, CDR, the token row it used, and
 * the newest power and state-of-charge readings.
 */
export interface ChargingSessionRow {
  id: number;
  transaction_uid: string;
  protocol: string;
  status: 'active' | 'completed';
  charging_state: string | null;
  started_at: Date | null;
  stopped_at: Date | null;
  created_at: Date;
  updated_at: Date;
  meter_start_wh: number | null;
  meter_stop_wh: number | null;
  energy_wh: number;
  stop_reason: string | null;
  id_token: string | null;
  token_type: string | null;
  ocpp_evse_id: number | null;
  ocpp_connector_id: number | null;
  remote_start_id: number | null;
  auth_method: string | null;
  authorization_reference: string | null;
  offline: boolean;
  station_id: number;
  identity: string;
  country_code: string;
  party_id: string;
  station_tariff_ids: string[];
  evse_uid: string | null;
  evse_id: string | null;
  ocpi_connector_id: string | null;
  connector_tariff_ids: string[] | null;
  location_id: string | null;
  time_zone: string | null;
  session_row_id: number | null;
  session_id: string | null;
  session_status: string | null;
  session_currency: string | null;
  token_country_code: string | null;
  token_party_id: string | null;
  /** The tariff snapshot of the session, only while it has no CDR (then it is priced live). */
  tariff_snapshot: Record<string, unknown> | null;
  cdr_row_id: number | null;
  cdr_id: string | null;
  cdr_currency: string | null;
  cdr_total_excl_vat: string | null;
  cdr_total_incl_vat: string | null;
  token_source: string | null;
  token_partner_id: string | null;
  token_contract_id: string | null;
  token_ocpi_type: string | null;
  power_w: number | null;
  power_at: Date | null;
  soc: number | null;
}

/** Filters of {@link ChargingSessionsRepository.list}. */
export interface ChargingSessionFilter {
  status?: 'active' | 'completed';
  /** Station identity. */
  station?: string;
  /** The station's CPO. */
  party?: { country_code: string; party_id: string };
  /** Start time range, `from` inclusive, `to` exclusive. */
  from?: Date;
  to?: Date;
  offset: number;
  limit: number;
}

/** A meter sample of the session's charts and pricing (units normalized: Wh, W, Percent). */
export interface SessionSampleRow {
  transaction_id: number;
  sampled_at: Date;
  measurand: string;
  unit: string;
  value: number;
  phase: string | null;
  location: string | null;
  /** OCPP ReadingContext (null when the station sent none). */
  context: string | null;
}

const SELECT = sql`
  select t.id::int as id, t.transaction_uid, t.protocol, t.status, t.charging_state, t.started_at, t.stopped_at,
         t.created_at, t.updated_at, t.meter_start_wh, t.meter_stop_wh, t.energy_wh, t.stop_reason, t.id_token,
         t.token_type, t.ocpp_evse_id, t.ocpp_connector_id, t.remote_start_id, t.auth_method,
         t.authorization_reference, t.offline,
         st.id::int as station_id, st.identity, st.country_code, st.party_id, st.tariff_ids as station_tariff_ids,
         e.evse_uid, e.evse_id, c.ocpi_connector_id, c.tariff_ids as connector_tariff_ids,
         l.location_id, l.time_zone,
         s.id::int as session_row_id, s.session_id, s.status as session_status, s.currency as session_currency,
         s.token_country_code, s.token_party_id,
         case when cd.id is null then s.tariff_snapshot end as tariff_snapshot,
         cd.id::int as cdr_row_id, cd.cdr_id, cd.currency as cdr_currency,
         cd.total_cost_excl_vat::text as cdr_total_excl_vat, cd.total_cost_incl_vat::text as cdr_total_incl_vat,
         tk.source as token_source, tk.partner_id as token_partner_id, tk.contract_id as token_contract_id,
         tk.type as token_ocpi_type,
         pw.value as power_w, pw.sampled_at as power_at, so.value as soc
    from transactions t
    join stations st on st.id = t.station_id
    left join evses e on e.station_id = t.station_id and e.ocpp_evse_id = coalesce(t.ocpp_evse_id, 1)
    left join connectors c on c.evse_id = e.id and c.ocpp_connector_id = coalesce(t.ocpp_connector_id, 1)
    left join locations l on l.id = st.location_id
    left join sessions s on s.transaction_id = t.id
    left join cdrs cd on cd.transaction_id = t.id and cd.credit = false
    -- The token row the session names (its owner), else the one authorization prefers (local first).
    left join lateral (
      select k.source, k.partner_id, k.contract_id, k.type from tokens k
       where k.uid = t.id_token
       order by (k.country_code = s.token_country_code and k.party_id = s.token_party_id) desc nulls last,
                k.source asc, k.id
       limit 1
    ) tk on true
    left join lateral (
      select m.value, m.sampled_at from meter_samples m
       where m.transaction_id = t.id and m.measurand = 'Power.Active.Import' and m.unit = 'W' and m.phase is null
       order by m.sampled_at desc, m.id desc limit 1
    ) pw on true
    left join lateral (
      select m.value from meter_samples m
       where m.transaction_id = t.id and m.measurand = 'SoC'
       order by m.sampled_at desc, m.id desc limit 1
    ) so on true`;

/**
 * The dashboard's read side of charging sessions: one row per OCPP transaction (live and past)
 * with everything the Sessions screens show, plus a session's meter series, event timeline and
 * OCPI push trail. Read only; the gateway and the bridge write these tables.
 */
export class ChargingSessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A page of transactions, newest start first (the `transactions_started` index), and the count. */
  async list(filter: ChargingSessionFilter): Promise<{ rows: ChargingSessionRow[]; total: number }> {
    const conditions: RawBuilder<unknown>[] = [];
    if (filter.status) conditions.push(sql`t.status = ${filter.status}`);
    if (filter.station) conditions.push(sql`st.identity = ${filter.station}`);
    if (filter.party) {
      conditions.push(sql`st.country_code = ${filter.party.country_code} and st.party_id = ${filter.party.party_id}`);
    }
    if (filter.from) conditions.push(sql`t.started_at >= ${filter.from.toISOString()}::timestamptz`);
    if (filter.to) conditions.push(sql`t.started_at < ${filter.to.toISOString()}::timestamptz`);
    const where = allOf(conditions);
    const [page, count] = await Promise.all([
      sql<ChargingSessionRow>`${SELECT} where ${where}
        order by t.started_at desc, t.id desc offset ${filter.offset} limit ${filter.limit}`.execute(this.db),
      sql<{ n: number }>`select count(*)::int as n from transactions t join stations st on st.id = t.station_id
        where ${where}`.execute(this.db),
    ]);
    return { rows: page.rows.map(normalize), total: count.rows[0]?.n ?? 0 };
  }

  /** One transaction by its row id, with the same columns as the list (tariff snapshot always). */
  async find(id: number): Promise<ChargingSessionRow | undefined> {
    const { rows } = await sql<ChargingSessionRow>`${SELECT} where t.id = ${id}`.execute(this.db);
    const row = rows[0];
    if (!row) return undefined;
    if (row.session_row_id !== null && row.tariff_snapshot === null) {
      const s = await this.db
        .selectFrom('sessions')
        .select('tariff_snapshot')
        .where('id', '=', row.session_row_id)
        .executeTakeFirst();
      row.tariff_snapshot = (s?.tariff_snapshot as Record<string, unknown> | null) ?? null;
    }
    return normalize(row);
  }

  /**
   * Meter samples of transactions for pricing and charts: the whole-meter energy register,
   * active power and (with `withSoc`) state of charge, in time order.
   */
  async samples(transactionIds: readonly number[], withSoc = false): Promise<SessionSampleRow[]> {
    if (transactionIds.length === 0) return [];
    const measurands = ['Energy.Active.Import.Register', 'Power.Active.Import', ...(withSoc ? ['SoC'] : [])];
    const rows = await this.db
      .selectFrom('meter_samples')
      .select(['transaction_id', 'sampled_at', 'measurand', 'unit', 'value', 'phase', 'location', 'context'])
      .where('transaction_id', 'in', [...transactionIds])
      .where('measurand', 'in', measurands)
      .orderBy('transaction_id')
      .orderBy('sampled_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, transaction_id: Number(r.transaction_id) }));
  }

  /** Tariffs of CPOs, oldest first (the fallback tariff of a party is its first). */
  async tariffsOf(parties: readonly { country_code: string; party_id: string }[]) {
    if (parties.length === 0) return [];
    return this.db
      .selectFrom('tariffs')
      .select(['country_code', 'party_id', 'tariff_id', 'data'])
      .where((eb) =>
        eb.or(parties.map((p) => eb.and([eb('country_code', '=', p.country_code), eb('party_id', '=', p.party_id)]))),
      )
      .orderBy('id')
      .execute();
  }

  /** The transaction's events (OCPP 2.x TransactionEvent, 1.6 Started/Ended), in time order. */
  async events(transactionId: number) {
    return this.db
      .selectFrom('transaction_events')
      .select(['id', 'seq_no', 'event_type', 'trigger_reason', 'occurred_at', 'offline', 'payload'])
      .where('transaction_id', '=', transactionId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
  }

  /** Authorization decisions of a token at a station within [from, to]. */
  async authorizations(stationId: number, idToken: string, from: Date, to: Date) {
    return this.db
      .selectFrom('authorizations')
      .select(['id', 'created_at', 'source', 'result', 'reason', 'token_type', 'authorization_reference'])
      .where('id_token', '=', idToken)
      .where('station_id', '=', stationId)
      .where('created_at', '>=', from)
      .where('created_at', '<=', to)
      .orderBy('created_at')
      .orderBy('id')
      .limit(200)
      .execute();
  }

  /** Status changes of one connector within [from, to]. */
  async statusChanges(stationId: number, ocppEvseId: number, ocppConnectorId: number, from: Date, to: Date) {
    return this.db
      .selectFrom('connector_status_history')
      .select(['id', 'occurred_at', 'status', 'error_code', 'info'])
      .where('station_id', '=', stationId)
      .where('occurred_at', '>=', from)
      .where('occurred_at', '<=', to)
      .where((eb) =>
        eb.or([
          eb.and([eb('ocpp_evse_id', '=', ocppEvseId), eb('ocpp_connector_id', '=', ocppConnectorId)]),
          // 1.6 reports connector ids only (EVSE id = connector id).
          eb.and([eb('ocpp_evse_id', '=', 0), eb('ocpp_connector_id', '=', ocppConnectorId)]),
        ]),
      )
      .orderBy('occurred_at')
      .orderBy('id')
      .limit(200)
      .execute();
  }

  /** Commands sent to a station within [from, to] (remote start / stop and the like). */
  async commands(stationId: number, from: Date, to: Date) {
    return this.db
      .selectFrom('commands')
      .select(['id', 'action', 'origin', 'state', 'error', 'created_at', 'updated_at', 'partner_id'])
      .where('station_id', '=', stationId)
      .where('created_at', '>=', from)
      .where('created_at', '<=', to)
      .orderBy('created_at')
      .limit(100)
      .execute();
  }

  /** Push deliveries (latest state per partner and object) of objects `module/objectKey`. */
  async deliveries(objects: ReadonlyArray<{ module: string; objectKey: string }>) {
    if (objects.length === 0) return [];
    return this.db
      .selectFrom('push_deliveries as d')
      .leftJoin('partners as p', 'p.id', 'd.partner_id')
      .selectAll('d')
      .select('p.name as partner_name')
      .where((eb) =>
        eb.or(objects.map((o) => eb.and([eb('d.module', '=', o.module), eb('d.object_key', '=', o.objectKey)]))),
      )
      .orderBy('d.created_at')
      .orderBy('d.id')
      .execute();
  }

  /** Every recorded push attempt of these objects, oldest first (the `push_attempts_object` index). */
  async attempts(objects: ReadonlyArray<{ module: string; objectKey: string }>) {
    if (objects.length === 0) return [];
    return this.db
      .selectFrom('push_attempts as a')
      .leftJoin('partners as p', 'p.id', 'a.partner_id')
      .selectAll('a')
      .select('p.name as partner_name')
      .where(
        'a.object_key',
        'in',
        objects.map((o) => o.objectKey),
      )
      .orderBy('a.at')
      .orderBy('a.id')
      .limit(500)
      .execute();
  }

  /** Credit CDRs issued for a CDR (`credit_reference_id`). */
  async credits(countryCode: string, partyId: string, cdrId: string) {
    return this.db
      .selectFrom('cdrs')
      .select(['id', 'cdr_id', 'total_cost_excl_vat', 'total_cost_incl_vat', 'last_updated'])
      .where('country_code', '=', countryCode)
      .where('party_id', '=', partyId)
      .where('credit_reference_id', '=', cdrId)
      .orderBy('id')
      .execute();
  }
}

/** Numbers where PostgreSQL hands back text (bigint) or nothing (jsonb null). */
function normalize(row: ChargingSessionRow): ChargingSessionRow {
  return {
    ...row,
    station_tariff_ids: Array.isArray(row.station_tariff_ids) ? row.station_tariff_ids : [],
    connector_tariff_ids: Array.isArray(row.connector_tariff_ids) ? row.connector_tariff_ids : null,
  };
}
