import { type Database, repositories, type SessionRow } from '@chargebridge/store';
import { type OcpiChargingPeriod, type OcpiPrice, priceSession } from '@chargebridge/tariffs';
import type { Kysely } from 'kysely';
import { reservationPeriod, type SessionReservation } from '../sessions/reservation-period.js';
import { NOT_ASSIGNED } from '../sessions/reservation-session.builder.js';
import { cdrLocationOf } from './cdr.builder.js';

type Json = Record<string, unknown>;

/** Why a reservation ended unused: a cancelled one is priced like a used one, an expired one by its RESERVATION_EXPIRES elements. */
export type ReservationEnd = 'cancelled' | 'expired' | 'used';

/** A reservation's time priced with its session's tariff snapshot. */
export interface PricedReservation {
  period: OcpiChargingPeriod;
  endedAt: Date;
  timeZone: string;
  costs: ReturnType<typeof priceSession>['cdr'];
}

/** Our CDR id of a reservation billed on its own (≤ 36 characters). */
export function reservationCdrIdOf(reservationId: number): string {
  return `CB-R${reservationId}`;
}

const isFree = (price: OcpiPrice) => price.excl_vat === 0 && (price.incl_vat ?? 0) === 0;

/** The location row of a reservation session (its time zone and CdrLocation fields). */
async function locationOf(db: Kysely<Database>, session: SessionRow) {
  const locationId = session.data.location_id;
  if (typeof locationId !== 'string') return undefined;
  return db
    .selectFrom('locations')
    .selectAll()
    .where('country_code', '=', session.country_code)
    .where('party_id', '=', session.party_id)
    .where('location_id', '=', locationId)
    .executeTakeFirst();
}

/**
 * Prices the time of a reservation that ended without a transaction of its own (mod_sessions: a
 * CDR "just for the costs of the reservation"): one RESERVATION_TIME period from the station
 * accepting it to `endedAt`, by the session's tariff snapshot — RESERVATION elements, and for an
 * expired one RESERVATION_EXPIRES first (the engine's rule). Undefined without a tariff or time.
 */
export async function priceReservation(
  db: Kysely<Database>,
  session: SessionRow,
  reservation: SessionReservation,
  endedAt: Date,
  end: ReservationEnd,
): Promise<PricedReservation | undefined> {
  const tariff = session.tariff_snapshot as Json | null;
  const period = reservationPeriod(reservation, endedAt);
  if (!tariff || !period) return undefined;
  const timeZone = (await locationOf(db, session))?.time_zone ?? 'UTC';
  const { cdr: costs } = priceSession(tariff, {
    start_date_time: period.start_date_time,
    end_date_time: endedAt.toISOString(),
    charging_periods: [period],
    time_zone: timeZone,
    reservation_expired: end === 'expired',
  });
  return { period, endedAt, timeZone, costs };
}

/**
 * Stores the CDR of a priced reservation — only when it costs something ("An unused Reservation
 * MAY result in cost being made, thus also a CDR", mod_commands) — with its `cdr.push` outbox row,
 * in the caller's transaction. Idempotent by its id. EVSE fields are `#NA` for a reservation of a
 * whole location. Returns whether a CDR was stored.
 */
export async function storeReservationCdr(
  db: Kysely<Database>,
  input: { session: SessionRow; reservationId: number; priced: PricedReservation; now: Date },
): Promise<boolean> {
  const { session, priced, now } = input;
  if (isFree(priced.costs.total_cost)) return false;
  const data = session.data as Json;
  const location = await locationOf(db, session);
  const evse = await evseOf(db, String(data.evse_uid ?? NOT_ASSIGNED), String(data.connector_id ?? NOT_ASSIGNED));
  const cdrId = reservationCdrIdOf(input.reservationId);
  const start = new Date(priced.period.start_date_time);
  const cdr: Json = {
    country_code: session.country_code,
    party_id: session.party_id,
    id: cdrId,
    start_date_time: priced.period.start_date_time,
    end_date_time: priced.endedAt.toISOString(),
    session_id: session.session_id,
    cdr_token: data.cdr_token,
    auth_method: 'COMMAND',
    ...(typeof data.authorization_reference === 'string'
      ? { authorization_reference: data.authorization_reference }
      : {}),
    cdr_location: {
      ...cdrLocationOf({
        location: location
          ? { location_id: location.location_id, time_zone: location.time_zone, data: location.data }
          : null,
        evse: evse ?? null,
      }),
      // EVSE fields of a reservation of the whole location: "#NA" (mod_cdrs CdrLocation).
      ...(evse ? {} : { evse_uid: NOT_ASSIGNED, evse_id: NOT_ASSIGNED, connector_id: NOT_ASSIGNED }),
    },
    currency: session.currency ?? String(data.currency),
    tariffs: [session.tariff_snapshot],
    charging_periods: [priced.period],
    ...priced.costs,
    last_updated: now.toISOString(),
  };
  const inserted = await db
    .insertInto('cdrs')
    .values({
      country_code: session.country_code,
      party_id: session.party_id,
      cdr_id: cdrId,
      session_id: session.session_id,
      transaction_id: null,
      token_country_code: session.token_country_code,
      token_party_id: session.token_party_id,
      currency: String(cdr.currency),
      total_cost_excl_vat: String(priced.costs.total_cost.excl_vat),
      total_cost_incl_vat:
        priced.costs.total_cost.incl_vat === undefined ? null : String(priced.costs.total_cost.incl_vat),
      total_energy_kwh: '0',
      start_date_time: start,
      end_date_time: priced.endedAt,
      data: JSON.stringify(cdr),
      last_updated: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await repositories(db).outbox.add({
    topic: 'cdr.push',
    jobKey: `cdr.push:${inserted.id}`,
    payload: { cdrId: inserted.id },
  });
  return true;
}

/** The reserved EVSE and connector, when the reservation named one. */
async function evseOf(db: Kysely<Database>, evseUid: string, connectorId: string) {
  if (evseUid === NOT_ASSIGNED) return undefined;
  const row = await db
    .selectFrom('evses as e')
    .leftJoin('connectors as c', (join) =>
      join.onRef('c.evse_id', '=', 'e.id').on('c.ocpi_connector_id', '=', connectorId),
    )
    .select(['e.evse_uid', 'e.evse_id', 'c.ocpi_connector_id', 'c.standard', 'c.format', 'c.power_type'])
    .where('e.evse_uid', '=', evseUid)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    evse_uid: row.evse_uid,
    evse_id: row.evse_id,
    connector_id: row.ocpi_connector_id ?? connectorId,
    // Any value will do for a reservation without charging ("should be ignored by the Receiver").
    standard: row.standard ?? 'IEC_62196_T2',
    format: row.format ?? 'SOCKET',
    power_type: row.power_type ?? 'AC_3_PHASE',
  };
}
