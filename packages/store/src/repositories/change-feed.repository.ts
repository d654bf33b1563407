import { publishedEvseStatus, type StationWorstStatus, stationWorstStatus } from '@chargebridge/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../database.js';

/** The tables the live event feed follows, each by its change timestamp and id (migration 0004 indexes). */
export type ChangeSource = 'station' | 'connector' | 'transaction' | 'command' | 'alert';
export const CHANGE_SOURCES: readonly ChangeSource[] = ['station', 'connector', 'transaction', 'command', 'alert'];

/** A position in one source: its change time in µs since the epoch, and the row id there (null: before any). */
export interface ChangePosition {
  us: number;
  id: number | string | null;
}

/** One changed row: its id and the µs of its change timestamp (exact, also its version). */
export interface ChangeKey {
  id: number | string;
  us: number;
}

const SOURCES: Record<ChangeSource, { table: string; ts: string; where?: RawBuilder<unknown> }> = {
  station: { table: 'stations', ts: 'updated_at' },
  connector: { table: 'connectors', ts: 'last_updated' },
  transaction: { table: 'transactions', ts: 'updated_at' },
  command: { table: 'commands', ts: 'updated_at' },
  // Pending alerts are the engine's own bookkeeping (inside their debounce), not news.
  alert: { table: 'alerts', ts: 'updated_at', where: sql`status <> 'pending'` },
};

/** An ISO timestamp with microseconds (PostgreSQL's precision) of µs since the epoch. */
export function microsToIso(us: number): string {
  const ms = Math.floor(us / 1000);
  const micros = Math.round(us - ms * 1000);
  return new Date(ms).toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`);
}

const toIso = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();

export interface StationChange {
  /** The station row (not part of the event). */
  station_id: number;
  identity: string;
  online: boolean;
  last_seen: string | null;
  protocol: string | null;
  worst_status: StationWorstStatus;
}

export interface ConnectorChange {
  /** The connector row (not part of the event). */
  connector_row_id: number;
  identity: string;
  evse_uid: string;
  ocpp_evse_id: number;
  connector_id: string;
  ocpp_status: string | null;
  evse_status: string;
  worst_status: StationWorstStatus;
  at: string;
}

export interface TransactionChange {
  id: number;
  identity: string;
  transaction_id: string;
  status: string;
  energy_wh: number | null;
  power_w: number | null;
  soc: number | null;
  started_at: string | null;
  stopped_at: string | null;
  session_id: string | null;
}

export interface CommandChange {
  id: string;
  identity: string | null;
  action: string;
  state: string;
  updated_at: string;
}

export interface AlertChange {
  id: number;
  rule: string;
  subject: string;
  severity: string;
  status: string;
  message: string;
  opened_at: string | null;
  updated_at: string;
}

/**
 * What the live event feed (`GET /api/v1/events`) reads: rows changed after a position, in
 * change order, one index range scan per source; then the event payloads of those rows.
 */
export class ChangeFeedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The newest change time of each source, µs (0 for an empty table). */
  async highWater(): Promise<Record<ChangeSource, number>> {
    const parts = CHANGE_SOURCES.map((source) => {
      const s = SOURCES[source];
      return sql`(select coalesce(extract(epoch from max(${sql.ref(s.ts)})) * 1000000, 0)::float8
                    from ${sql.table(s.table)})`;
    });
    const { rows } = await sql<Record<string, number>>`select ${sql.join(
      parts.map((p, i) => sql`${p} as ${sql.ref(CHANGE_SOURCES[i] as string)}`),
    )}`.execute(this.db);
    const row = rows[0] ?? {};
    return Object.fromEntries(CHANGE_SOURCES.map((s) => [s, Number(row[s] ?? 0)])) as Record<ChangeSource, number>;
  }

  /**
   * Rows of `source` changed after `after` — ascending by (change time, id), or with `newest`
   * the latest ones first — at most `limit`.
   */
  async changedSince(
    source: ChangeSource,
    after: ChangePosition,
    limit: number,
    order: 'oldest' | 'newest' = 'oldest',
  ): Promise<ChangeKey[]> {
    const s = SOURCES[source];
    const ts = sql.ref(s.ts);
    const at = sql`${microsToIso(after.us)}::timestamptz`;
    const position =
      after.id === null || order === 'newest' ? sql`${ts} > ${at}` : sql`(${ts}, id) > (${at}, ${after.id})`;
    const direction = order === 'newest' ? sql`desc` : sql`asc`;
    const { rows } = await sql<{ id: number | string; us: number }>`
      select id, (extract(epoch from ${ts}) * 1000000)::float8 as us
        from ${sql.table(s.table)}
       where ${position} ${s.where ? sql`and ${s.where}` : sql``}
       order by ${ts} ${direction}, id ${direction}
       limit ${limit}`.execute(this.db);
    return rows.map((r) => ({ id: typeof r.id === 'string' ? r.id : Number(r.id), us: Number(r.us) }));
  }

  /** Station events of these station rows, with each station's worst published EVSE status. */
  async stations(ids: readonly number[]): Promise<StationChange[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('stations')
      .select(['id', 'identity', 'online', 'last_seen_at', 'protocol'])
      .where('id', 'in', ids as number[])
      .execute();
    const worst = await this.evseStatuses(rows.map((r) => r.id));
    return rows.map((r) => ({
      station_id: r.id,
      identity: r.identity,
      online: r.online,
      last_seen: toIso(r.last_seen_at),
      protocol: r.protocol,
      worst_status: stationWorstStatus({ online: r.online, evseStatuses: [...(worst.get(r.id)?.values() ?? [])] }),
    }));
  }

  /** Connector events of these connector rows. */
  async connectors(ids: readonly number[]): Promise<ConnectorChange[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('connectors as c')
      .innerJoin('evses as e', 'e.id', 'c.evse_id')
      .innerJoin('stations as s', 's.id', 'e.station_id')
      .select([
        'c.id as connector_row_id',
        's.id as station_id',
        's.identity',
        's.online',
        'e.id as evse_row_id',
        'e.evse_uid',
        'e.ocpp_evse_id',
        'c.ocpi_connector_id',
        'c.ocpp_status',
        'c.status_updated_at',
        'c.last_updated',
      ])
      .where('c.id', 'in', ids as number[])
      .execute();
    const statuses = await this.evseStatuses([...new Set(rows.map((r) => r.station_id))]);
    return rows.map((r) => {
      const evses = statuses.get(r.station_id);
      return {
        connector_row_id: r.connector_row_id,
        identity: r.identity,
        evse_uid: r.evse_uid,
        ocpp_evse_id: r.ocpp_evse_id,
        connector_id: r.ocpi_connector_id,
        ocpp_status: r.ocpp_status,
        evse_status: evses?.get(r.evse_row_id) ?? 'UNKNOWN',
        worst_status: stationWorstStatus({ online: r.online, evseStatuses: [...(evses?.values() ?? [])] }),
        at: toIso(r.status_updated_at ?? r.last_updated) ?? new Date().toISOString(),
      };
    });
  }

  /** Transaction events of these rows, with the latest power (W) and SoC samples. */
  async transactions(ids: readonly number[]): Promise<TransactionChange[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<{
      id: number;
      identity: string;
      transaction_uid: string;
      status: string;
      energy_wh: number | null;
      power_w: number | null;
      soc: number | null;
      started_at: unknown;
      stopped_at: unknown;
      session_id: string | null;
    }>`
      select t.id, s.identity, t.transaction_uid, t.status, t.energy_wh, p.watts as power_w, so.value as soc,
             t.started_at, t.stopped_at, se.session_id
        from transactions t
        join stations s on s.id = t.station_id
        left join sessions se on se.transaction_id = t.id
        left join lateral (
          select coalesce(max(m.value) filter (where m.phase is null),
                          sum(m.value) filter (where m.phase in ('L1', 'L2', 'L3')),
                          sum(m.value) filter (where m.phase in ('L1-N', 'L2-N', 'L3-N'))) as watts
            from meter_samples m
           where m.transaction_id = t.id and m.measurand = 'Power.Active.Import' and m.unit = 'W'
             and m.sampled_at = (select max(m2.sampled_at) from meter_samples m2
                                  where m2.transaction_id = t.id and m2.measurand = 'Power.Active.Import'
                                    and m2.unit = 'W')
        ) p on true
        left join lateral (
          select m.value from meter_samples m
           where m.transaction_id = t.id and m.measurand = 'SoC'
           order by m.sampled_at desc, m.id desc limit 1
        ) so on true
       where t.id in (${sql.join(ids)})`.execute(this.db);
    return rows.map((r) => ({
      id: Number(r.id),
      identity: r.identity,
      transaction_id: r.transaction_uid,
      status: r.status,
      energy_wh: r.energy_wh == null ? null : Number(r.energy_wh),
      power_w: r.power_w == null ? null : Number(r.power_w),
      soc: r.soc == null ? null : Number(r.soc),
      started_at: toIso(r.started_at),
      stopped_at: toIso(r.stopped_at),
      session_id: r.session_id,
    }));
  }

  /** Command events of these commands. */
  async commands(ids: readonly string[]): Promise<CommandChange[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('commands as c')
      .leftJoin('stations as s', 's.id', 'c.station_id')
      .select(['c.id', 's.identity', 'c.action', 'c.state', 'c.updated_at'])
      .where('c.id', 'in', ids as string[])
      .execute();
    return rows.map((r) => ({
      id: r.id,
      identity: r.identity,
      action: r.action,
      state: r.state,
      updated_at: toIso(r.updated_at) ?? '',
    }));
  }

  /** Alert events of these alerts. */
  async alerts(ids: readonly number[]): Promise<AlertChange[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('alerts')
      .select(['id', 'rule', 'subject', 'severity', 'status', 'message', 'opened_at', 'updated_at'])
      .where('id', 'in', ids as number[])
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      rule: r.rule,
      subject: r.subject,
      severity: r.severity,
      status: r.status,
      message: r.message,
      opened_at: toIso(r.opened_at),
      updated_at: toIso(r.updated_at) ?? '',
    }));
  }

  /** Per station: each EVSE row's published status (`publishedEvseStatus`). */
  private async evseStatuses(stationIds: readonly number[]): Promise<Map<number, Map<number, string>>> {
    const out = new Map<number, Map<number, string>>();
    if (stationIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('evses as e')
      .innerJoin('stations as s', 's.id', 'e.station_id')
      .leftJoin('connectors as c', 'c.evse_id', 'e.id')
      .select(['e.station_id', 'e.id', 'e.status', 's.online', 'c.ocpp_status'])
      .where('e.station_id', 'in', stationIds as number[])
      .orderBy('e.id')
      .orderBy('c.ocpp_connector_id')
      .execute();
    const byEvse = new Map<
      number,
      { stationId: number; online: boolean; stored: string; connectors: (string | null)[] }
    >();
    for (const r of rows) {
      let evse = byEvse.get(r.id);
      if (!evse) {
        evse = { stationId: r.station_id, online: r.online, stored: r.status, connectors: [] };
        byEvse.set(r.id, evse);
      }
      evse.connectors.push(r.ocpp_status ?? null);
    }
    for (const [evseId, e] of byEvse) {
      const station = out.get(e.stationId) ?? new Map<number, string>();
      out.set(e.stationId, station);
      station.set(
        evseId,
        publishedEvseStatus({ stationOnline: e.online, storedStatus: e.stored, connectorStatuses: e.connectors }),
      );
    }
    return out;
  }
}
