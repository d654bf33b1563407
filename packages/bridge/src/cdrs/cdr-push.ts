import type { Database } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { findDelivery } from '../delivery/push-delivery.store.js';
import { PushFailedError, pushToOwner } from '../delivery/token-owner.push.js';

/** Outcome of {@link runCdrPush}. */
export type CdrPushResult = 'delivered' | 'already-delivered' | 'no-owner' | 'failed' | 'unknown';

/**
 * `cdr.push`: POSTs a CDR to its token owner's CDRs RECEIVER only (mod_cdrs §POST Method) and
 * keeps the `Location` header the eMSP answers with in push_deliveries.response_location. A CDR
 * never changes, so once delivered a re-run (relay replay, reconciliation, operator retry) is a
 * no-op. A CDR of a hosted CPO's own card goes to nobody (finance exports it).
 *
 * @throws PushFailedError for the job runner to retry, except on the last attempt.
 */
export async function runCdrPush(
  db: Kysely<Database>,
  logger: Logger,
  cdrRowId: number,
  attempt: { lastAttempt: boolean },
): Promise<CdrPushResult> {
  const cdr = await db.selectFrom('cdrs').selectAll().where('id', '=', cdrRowId).executeTakeFirst();
  if (!cdr) return 'unknown';
  const owner =
    cdr.transaction_id === null && cdr.session_id !== null
      ? await reservationCdrOwner(db, cdr.country_code, cdr.party_id, cdr.session_id)
      : await cdrOwner(db, cdr.transaction_id, cdr.token_country_code, cdr.token_party_id);
  if (!owner) return 'no-owner';
  const objectKey = `${cdr.country_code}/${cdr.party_id}/${cdr.cdr_id}`;
  const delivery = await findDelivery(db, { partnerId: owner.id, module: 'cdrs', objectKey });
  if (delivery?.status === 'delivered') return 'already-delivered';
  const result = await pushToOwner(db, logger, {
    partner: owner,
    module: 'cdrs',
    objectKey,
    from: { country_code: cdr.country_code, party_id: cdr.party_id },
    ...(cdr.token_country_code && cdr.token_party_id
      ? { to: { country_code: cdr.token_country_code, party_id: cdr.token_party_id } }
      : {}),
    method: 'POST',
    path: '',
    body: { ...cdr.data, last_updated: cdr.last_updated.toISOString() },
    at: new Date(),
    lastAttempt: attempt.lastAttempt,
  });
  if (result.ok) return 'delivered';
  if (result.final) return 'failed';
  throw new PushFailedError(`CDR ${objectKey} to ${owner.id}: ${result.error}`);
}

/**
 * The partner owning a CDR's token: the token row used by the transaction (tokens.partner_id),
 * matched on the CDR's token party. Undefined for local tokens and unregistered partners.
 */
export async function cdrOwner(
  db: Kysely<Database>,
  transactionId: number | null,
  tokenCountryCode: string | null,
  tokenPartyId: string | null,
) {
  if (transactionId === null || !tokenCountryCode || !tokenPartyId) return undefined;
  const row = await db
    .selectFrom('transactions as tx')
    .innerJoin('tokens as t', 't.uid', 'tx.id_token')
    .innerJoin('partners as p', 'p.id', 't.partner_id')
    .selectAll('p')
    .where('tx.id', '=', transactionId)
    .where('t.country_code', '=', tokenCountryCode)
    .where('t.party_id', '=', tokenPartyId)
    .where('t.source', '=', 'roaming')
    .where('p.status', '=', 'registered')
    .executeTakeFirst();
  return row;
}

/** The eMSP that made the reservation a transaction-less (reservation) CDR bills, if registered. */
async function reservationCdrOwner(db: Kysely<Database>, countryCode: string, partyId: string, sessionId: string) {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('reservations as r', 'r.id', 's.reservation_id')
    .innerJoin('partners as p', 'p.id', 'r.partner_id')
    .selectAll('p')
    .where('s.country_code', '=', countryCode)
    .where('s.party_id', '=', partyId)
    .where('s.session_id', '=', sessionId)
    .where('p.status', '=', 'registered')
    .executeTakeFirst();
  return row;
}
