/**
 * Reservation time billed by the tariff's reservation elements, end to end (real HTTP, station
 * sockets, PostgreSQL, BullMQ): a cancelled or expired reservation ends in a CDR of its own
 * ("a CDR might be created even if no energy was transferred", mod_sessions), a used one puts
 * its time in front of the charging in the transaction's CDR — every amount equal to what the
 * tariff engine prices from the CDR's own periods.
 */
import { sweepReservationSessions } from '@chargebridge/bridge';
import { CDR, parseOcpi } from '@chargebridge/ocpi';
import { priceSession } from '@chargebridge/tariffs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandHub, startCommandHub } from './command-hub.fixture.js';
import { reservationSteps } from './reservation-steps.js';
import type { Json } from './token-emsp.server.js';

let hub: CommandHub;
const { PUSHED, pushesOf, pushedStatus, reservationRow, reserve, startWithReservation, stopCharging } =
  reservationSteps(() => hub);

/** Reserving costs 3.60 EUR/h (by the second); a reservation left to expire 5 EUR more; charging 0.30 EUR/kWh. */
const TARIFF = {
  country_code: 'NL',
  party_id: 'CPO',
  id: 'T-RSV',
  currency: 'EUR',
  elements: [
    {
      price_components: [{ type: 'FLAT', price: 5, vat: 21, step_size: 1 }],
      restrictions: { reservation: 'RESERVATION_EXPIRES' },
    },
    {
      price_components: [{ type: 'TIME', price: 3.6, vat: 21, step_size: 1 }],
      restrictions: { reservation: 'RESERVATION' },
    },
    { price_components: [{ type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 }] },
  ],
  last_updated: '2026-01-01T00:00:00Z',
};

beforeAll(async () => {
  hub = await startCommandHub('bridge-reservation-billing', { emspReceivers: ['sessions', 'cdrs'] });
  await hub.db.store.db
    .insertInto('tariffs')
    .values({ country_code: 'NL', party_id: 'CPO', tariff_id: TARIFF.id, currency: 'EUR', data: TARIFF })
    .execute();
});

afterAll(async () => {
  await hub?.close();
});

/** The CDR the eMSP received for a session id. */
const cdrOf = (sessionId: string) =>
  hub.emsp.received('/2.2.1/cdrs').find((r) => r.body?.session_id === sessionId)?.body as Json | undefined;

/** What the tariff engine makes of the CDR's own periods: the CDR's cost fields must equal it. */
function enginePrice(cdr: Json, expired: boolean) {
  return priceSession(TARIFF, {
    start_date_time: String(cdr.start_date_time),
    end_date_time: String(cdr.end_date_time),
    charging_periods: cdr.charging_periods as never,
    time_zone: 'Europe/Amsterdam',
    reservation_expired: expired,
  }).cdr;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reservation time is billed', () => {
  it('cancelled: the Session ends with the reserved time priced, and a CDR of its own follows', async () => {
    const cs = await hub.station('BILLCANCEL', '2.0.1');
    cs.answer('ReserveNow', { status: 'Accepted' });
    cs.answer('CancelReservation', { status: 'Accepted' });
    const put = await reserve(cs, 'BILL-CANCEL', 'RB-CANCEL', new Date(Date.now() + 15 * 60_000));
    const sessionId: string = put.body.id;
    await wait(2_100);
    const cancel = await hub.ocpi('POST', '/commands/CANCEL_RESERVATION', {
      response_url: hub.resultUrl('cancel-RB-CANCEL'),
      reservation_id: 'RB-CANCEL',
    });
    expect(cancel.data).toEqual({ result: 'ACCEPTED', timeout: 60 });

    await expect.poll(() => pushedStatus(sessionId), PUSHED).toBe('COMPLETED');
    const ended = pushesOf(sessionId).at(-1)!.body;
    expect(ended.charging_periods).toEqual([
      {
        start_date_time: put.body.start_date_time,
        dimensions: [{ type: 'RESERVATION_TIME', volume: expect.any(Number) }],
        tariff_id: 'T-RSV',
      },
    ]);
    expect(ended.total_cost.excl_vat).toBeGreaterThan(0);

    await expect.poll(() => cdrOf(sessionId), PUSHED).toBeDefined();
    const cdr = cdrOf(sessionId)!;
    expect(parseOcpi(CDR, cdr)).toMatchObject({ ok: true });
    const reservation = await reservationRow('RB-CANCEL');
    expect(cdr).toMatchObject({
      id: `CB-R${reservation.id}`,
      start_date_time: put.body.start_date_time,
      auth_method: 'COMMAND',
      authorization_reference: 'AUTH-RB-CANCEL',
      cdr_token: put.body.cdr_token,
      cdr_location: { id: 'LOC1', evse_uid: cs.evseUid, connector_id: '1' },
      currency: 'EUR',
      total_energy: 0,
    });
    const hours = (Date.parse(String(cdr.end_date_time)) - Date.parse(String(cdr.start_date_time))) / 3_600_000;
    expect(hours).toBeGreaterThan(2 / 3600);
    // Cancelled, not expired: no 5 EUR expiry fee, only the reserved seconds at 3.60 EUR/h.
    expect(cdr.total_reservation_cost).toEqual(cdr.total_cost);
    expect((cdr.total_cost as Json).excl_vat).toBeLessThan(1);
    expect(cdr).toMatchObject(JSON.parse(JSON.stringify(enginePrice(cdr, false))));
    expect(ended.total_cost).toEqual(cdr.total_cost);
  });

  it('expired unused: the expiry fee and the reserved time, in a CDR of its own', async () => {
    const cs = await hub.station('BILLEXPIRE', '1.6');
    cs.answer('ReserveNow', { status: 'Accepted' });
    const expiresAt = new Date(Date.now() + 15 * 60_000);
    const put = await reserve(cs, 'BILL-EXPIRE', 'RB-EXPIRE', expiresAt);
    const sessionId: string = put.body.id;
    // The sweep as it runs a second after the expiry (no waiting: its clock is given).
    await sweepReservationSessions(hub.db.store.db, { now: new Date(expiresAt.getTime() + 1_000) });

    await expect.poll(() => cdrOf(sessionId), PUSHED).toBeDefined();
    const cdr = cdrOf(sessionId)!;
    expect(parseOcpi(CDR, cdr)).toMatchObject({ ok: true });
    // 5 EUR for expiring, and about 15 minutes at 3.60 EUR/h.
    expect((cdr.total_reservation_cost as Json).excl_vat).toBeCloseTo(5.9, 1);
    expect(cdr).toMatchObject(JSON.parse(JSON.stringify(enginePrice(cdr, true))));
    expect(pushesOf(sessionId).at(-1)!.body).toMatchObject({ status: 'COMPLETED', total_cost: cdr.total_cost });
  });

  it('used: the transaction’s CDR starts at the reservation, its time priced before the charging', async () => {
    const cs = await hub.station('BILLUSED', '2.0.1');
    cs.answer('ReserveNow', { status: 'Accepted' });
    await hub.pushToken('BILL-USED');
    const put = await reserve(cs, 'BILL-USED', 'RB-USED', new Date(Date.now() + 15 * 60_000));
    const sessionId: string = put.body.id;
    await wait(1_500);
    const reservation = await reservationRow('RB-USED');
    const transactionUid = await startWithReservation(cs, 'BILL-USED', reservation.id);
    await expect.poll(() => pushedStatus(sessionId), PUSHED).toBe('ACTIVE');
    await stopCharging(cs, transactionUid);

    await expect.poll(() => cdrOf(sessionId), PUSHED).toBeDefined();
    const cdr = cdrOf(sessionId)!;
    expect(parseOcpi(CDR, cdr)).toMatchObject({ ok: true });
    expect(cdr.start_date_time).toBe(put.body.start_date_time);
    const periods = cdr.charging_periods as Json[];
    expect(periods[0]).toMatchObject({
      start_date_time: put.body.start_date_time,
      dimensions: [{ type: 'RESERVATION_TIME', volume: expect.any(Number) }],
    });
    expect(periods.length).toBeGreaterThan(1);
    expect((cdr.total_reservation_cost as Json).excl_vat).toBeGreaterThan(0);
    expect((cdr.total_reservation_cost as Json).excl_vat).toBeLessThan(5); // used: no expiry fee
    expect(cdr).toMatchObject({ total_energy: 2.5, ...JSON.parse(JSON.stringify(enginePrice(cdr, false))) });
    // No second CDR for the reservation itself.
    expect(hub.emsp.received('/2.2.1/cdrs').filter((r) => r.body?.id === `CB-R${reservation.id}`)).toHaveLength(0);
  });
});
