import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';

const toDate = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

/** A station that has connected before and is offline now. */
export interface OfflineStationFact {
  identity: string;
  lastSeenAt: Date | null;
  /** When it went offline as far as the store knows (last seen, else last update). */
  since: Date;
}

/** A connector whose stored OCPP status is Faulted. */
export interface FaultedConnectorFact {
  identity: string;
  ocppEvseId: number;
  ocppConnectorId: number;
  errorCode: string | null;
  since: Date | null;
}

/** An active, charging transaction and its newest meter sample. */
export interface SilentTransactionFact {
  identity: string;
  transactionUid: string;
  transactionId: number;
  startedAt: Date | null;
  lastSampleAt: Date | null;
  /** Its newest sample, else its start: silence counts from here. */
  since: Date;
}

/** A command still queued or sent. */
export interface StuckCommandFact {
  id: string;
  action: string;
  state: string;
  identity: string | null;
  createdAt: Date;
  deadlineAt: Date | null;
}

/** A partner whose newest pushes all failed. */
export interface FailingPartnerFact {
  partnerId: string;
  name: string;
  failures: number;
  /** The oldest of those failed attempts. */
  since: Date;
  lastError: string | null;
  lastHttpStatus: number | null;
}

/**
 * The facts the alert rules look at, one set-based query per rule, each served by an index at
 * fleet scale (10,000 stations): they list the subjects for which a condition holds now.
 */
export class AlertConditionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stations that connected at least once and are offline. */
  async offlineStations(): Promise<OfflineStationFact[]> {
    const rows = await this.db
      .selectFrom('stations')
      .select(['identity', 'last_seen_at', 'updated_at'])
      .where('online', '=', false)
      .where('last_seen_at', 'is not', null)
      .execute();
    return rows.map((r) => ({
      identity: r.identity,
      lastSeenAt: toDate(r.last_seen_at),
      since: toDate(r.last_seen_at) ?? toDate(r.updated_at) ?? new Date(),
    }));
  }

  /** Connectors whose status is Faulted. */
  async faultedConnectors(): Promise<FaultedConnectorFact[]> {
    const rows = await this.db
      .selectFrom('connectors as c')
      .innerJoin('evses as e', 'e.id', 'c.evse_id')
      .innerJoin('stations as s', 's.id', 'e.station_id')
      .select(['s.identity', 'e.ocpp_evse_id', 'c.ocpp_connector_id', 'c.ocpp_error_code', 'c.status_updated_at'])
      .where('c.ocpp_status', '=', 'Faulted')
      .execute();
    return rows.map((r) => ({
      identity: r.identity,
      ocppEvseId: r.ocpp_evse_id,
      ocppConnectorId: r.ocpp_connector_id,
      errorCode: r.ocpp_error_code,
      since: toDate(r.status_updated_at),
    }));
  }

  /**
   * Active transactions that are charging (2.x `chargingState` Charging, or for 1.6 a connector
   * of their EVSE in status Charging) whose newest meter sample — or start, without any — is
   * older than `silentSince`.
   */
  async silentChargingTransactions(silentSince: Date): Promise<SilentTransactionFact[]> {
    const { rows } = await sql<{
      identity: string;
      transaction_uid: string;
      id: number;
      started_at: unknown;
      created_at: unknown;
      last_sample_at: unknown;
    }>`
      select s.identity, t.transaction_uid, t.id, t.started_at, t.created_at, m.at as last_sample_at
        from transactions t
        join stations s on s.id = t.station_id
        left join lateral (
          select max(x.sampled_at) as at from meter_samples x where x.transaction_id = t.id
        ) m on true
       where t.status = 'active'
         and (t.charging_state = 'Charging'
              or (t.charging_state is null and exists (
                    select 1 from evses e join connectors c on c.evse_id = e.id
                     where e.station_id = t.station_id and e.ocpp_evse_id = t.ocpp_evse_id
                       and c.ocpp_status = 'Charging')))
         and coalesce(m.at, t.started_at, t.created_at) < ${silentSince.toISOString()}::timestamptz`.execute(this.db);
    return rows.map((r) => {
      const lastSampleAt = toDate(r.last_sample_at);
      const startedAt = toDate(r.started_at);
      return {
        identity: r.identity,
        transactionUid: r.transaction_uid,
        transactionId: Number(r.id),
        startedAt,
        lastSampleAt,
        since: lastSampleAt ?? startedAt ?? toDate(r.created_at) ?? new Date(),
      };
    });
  }

  /** Commands queued or sent past their deadline, or created before `createdBefore`. */
  async stuckCommands(now: Date, createdBefore: Date): Promise<StuckCommandFact[]> {
    const rows = await this.db
      .selectFrom('commands as c')
      .leftJoin('stations as s', 's.id', 'c.station_id')
      .select(['c.id', 'c.action', 'c.state', 's.identity', 'c.created_at', 'c.deadline_at'])
      .where('c.state', 'in', ['queued', 'sent'])
      .where((eb) =>
        eb.or([
          eb.and([eb('c.deadline_at', 'is not', null), eb('c.deadline_at', '<', now)]),
          eb('c.created_at', '<', createdBefore),
        ]),
      )
      .execute();
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      state: r.state,
      identity: r.identity,
      createdAt: toDate(r.created_at) ?? now,
      deadlineAt: toDate(r.deadline_at),
    }));
  }

  /**
   * Partners whose newest `n` push attempts (across modules) all failed. Each partner's modules
   * are found by skipping through the index `push_attempts_partner` (partner_id, module, at desc),
   * and each module's newest attempts read from it, so the cost does not grow with history.
   */
  async partnersWithFailedPushes(n: number): Promise<FailingPartnerFact[]> {
    const { rows } = await sql<{
      partner_id: string;
      name: string;
      failures: number;
      since: unknown;
      last_error: string | null;
      last_http_status: number | null;
    }>`
      with recursive mods (partner_id, module) as (
        select p.id, (select a.module from push_attempts a where a.partner_id = p.id order by a.module limit 1)
          from partners p
        union all
        select m.partner_id,
               (select a.module from push_attempts a
                 where a.partner_id = m.partner_id and a.module > m.module order by a.module limit 1)
          from mods m where m.module is not null
      ),
      recent as (
        select m.partner_id, r.ok, r.at, r.id, r.error, r.http_status
          from mods m
          cross join lateral (
            select a.ok, a.at, a.id, a.error, a.http_status from push_attempts a
             where a.partner_id = m.partner_id and a.module = m.module
             order by a.at desc limit ${n}
          ) r
         where m.module is not null
      ),
      ranked as (
        select r.*, row_number() over (partition by r.partner_id order by r.at desc, r.id desc) as rn from recent r
      )
      select k.partner_id, p.name, count(*)::int as failures, min(k.at) as since,
             (array_agg(k.error order by k.at desc, k.id desc))[1] as last_error,
             (array_agg(k.http_status order by k.at desc, k.id desc))[1] as last_http_status
        from ranked k join partners p on p.id = k.partner_id
       where k.rn <= ${n}
       group by k.partner_id, p.name
      having count(*) = ${n} and bool_and(not k.ok)`.execute(this.db);
    return rows.map((r) => ({
      partnerId: r.partner_id,
      name: r.name,
      failures: Number(r.failures),
      since: toDate(r.since) ?? new Date(),
      lastError: r.last_error,
      lastHttpStatus: r.last_http_status == null ? null : Number(r.last_http_status),
    }));
  }
}
