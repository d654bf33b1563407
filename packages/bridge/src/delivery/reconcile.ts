import { type Database, type OutboxMessage, repositories } from '@chargebridge/store';
import { type Kysely, sql } from 'kysely';

/** What one reconciliation run found and re-queued. */
export interface ReconcileReport {
  cdrsToCreate: number;
  cdrsToPush: number;
  sessionsToPush: number;
  staleTransactions: number;
}

/** Options of {@link runReconcile}. */
export interface ReconcileOptions {
  now?: Date;
  /** Leave work younger than this to the normal path (default 30 s). */
  graceMs?: number;
  /** An active transaction without news for this long is flagged for review (default 24 h). */
  staleAfterMs?: number;
}

/**
 * `reconcile.run`: the safety net behind the outbox (issue 5 "Delivery and reconciliation").
 * Re-queues, under the same deterministic job ids as the normal path (so nothing runs twice):
 * ended transactions without a CDR (→ cdr.create), CDRs of a partner's token never acknowledged
 * and not finally failed (→ cdr.push), sessions whose owner lacks the latest version (→
 * session.push). Active transactions silent for `staleAfterMs` are flagged once for review as a
 * station event `TransactionStale` — never stopped: inventing a stop would bill what nobody measured.
 * Finally failed deliveries wait for an operator (`POST /api/v1/deliveries/{id}/retry`).
 */
export async function runReconcile(db: Kysely<Database>, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - (options.graceMs ?? 30_000));
  const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? 24 * 3_600_000));
  return db.transaction().execute(async (trx) => {
    const messages: OutboxMessage[] = [];
    const ended = await sql<{ id: number }>`
      select tx.id from transactions tx
       where tx.status = 'completed' and tx.updated_at < ${before}
         and not exists (select 1 from cdrs c where c.transaction_id = tx.id and c.credit = false)
         and not exists (select 1 from sessions s where s.transaction_id = tx.id and s.status = 'INVALID')
       order by tx.id limit 1000`.execute(trx);
    for (const { id } of ended.rows) {
      messages.push({ topic: 'cdr.create', jobKey: `cdr.create:${id}`, payload: { transactionId: Number(id) } });
    }
    const cdrs = await sql<{ id: number }>`
      select c.id from cdrs c
        join transactions tx on tx.id = c.transaction_id
        join tokens t on t.uid = tx.id_token and t.country_code = c.token_country_code
                     and t.party_id = c.token_party_id and t.source = 'roaming'
        join partners p on p.id = t.partner_id and p.status = 'registered'
        left join push_deliveries d on d.partner_id = p.id and d.module = 'cdrs'
                     and d.object_key = c.country_code || '/' || c.party_id || '/' || c.cdr_id
       where c.last_updated < ${before} and (d.id is null or d.status not in ('delivered', 'failed'))
       order by c.id limit 1000`.execute(trx);
    for (const { id } of cdrs.rows) {
      messages.push({ topic: 'cdr.push', jobKey: `cdr.push:${id}`, payload: { cdrId: Number(id) } });
    }
    const sessions = await sql<{ transaction_id: number }>`
      select s.transaction_id from sessions s
        join transactions tx on tx.id = s.transaction_id
        join tokens t on t.uid = tx.id_token and t.country_code = s.token_country_code
                     and t.party_id = s.token_party_id and t.source = 'roaming'
        join partners p on p.id = t.partner_id and p.status = 'registered'
        left join push_deliveries d on d.partner_id = p.id and d.module = 'sessions'
                     and d.object_key = s.country_code || '/' || s.party_id || '/' || s.session_id
       where s.last_updated < ${before}
         and (d.id is null or (d.status <> 'failed' and (d.status <> 'delivered' or d.last_attempt_at < s.last_updated)))
       order by s.id limit 1000`.execute(trx);
    const unsynced = await sql<{ transaction_id: number }>`
      select tx.id as transaction_id from transactions tx
       where tx.updated_at < ${before}
         and not exists (select 1 from sessions s where s.transaction_id = tx.id)
       order by tx.id limit 1000`.execute(trx);
    for (const { transaction_id } of [...sessions.rows, ...unsynced.rows]) {
      messages.push({
        topic: 'session.push',
        jobKey: `session.push:${transaction_id}`,
        payload: { transactionId: Number(transaction_id) },
      });
    }
    const stale = await sql<{ id: number; station_id: number }>`
      select tx.id, tx.station_id from transactions tx
       where tx.status = 'active' and tx.updated_at < ${staleBefore}
         and not exists (select 1 from station_events e where e.station_id = tx.station_id
                          and e.kind = 'TransactionStale' and (e.payload ->> 'transactionId')::bigint = tx.id)
       order by tx.id limit 1000`.execute(trx);
    const repos = repositories(trx);
    if (stale.rows.length > 0) {
      await repos.stationActivity.addEvents(
        stale.rows.map((r) => ({
          stationId: Number(r.station_id),
          kind: 'TransactionStale',
          payload: { transactionId: Number(r.id), flaggedAt: now.toISOString() },
          occurredAt: now,
        })),
      );
    }
    await repos.outbox.add(messages);
    return {
      cdrsToCreate: ended.rows.length,
      cdrsToPush: cdrs.rows.length,
      sessionsToPush: sessions.rows.length + unsynced.rows.length,
      staleTransactions: stale.rows.length,
    };
  });
}
