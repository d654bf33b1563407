/**
 * The OCPI Session of a reservation, end to end (real HTTP, station sockets, PostgreSQL, BullMQ):
 * an accepted RESERVE_NOW opens a Session with status RESERVATION pushed to the eMSP and listed
 * in its Sessions GET; the transaction that uses the reservation (1.6 StartTransaction /
 * 2.0.1 TransactionEvent with the reservationId) carries on the same session to ACTIVE, COMPLETED
 * and its CDR; a cancelled or expired reservation ends it COMPLETED.
 */
import { sweepReservationSessions } from '@chargebridge/bridge';
import { parseOcpi, Session } from '@chargebridge/ocpi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandHub, startCommandHub, type TestStation } from './command-hub.fixture.js';
import { reservationSteps } from './reservation-steps.js';
import type { Json } from './token-emsp.server.js';

let hub: CommandHub;

/** The CPO's only tariff: its currency is the sessions' currency. */
const TARIFF = {
  country_code: 'NL',
  party_id: 'CPO',
  id: 'T-CHF',
  currency: 'CHF',
  elements: [{ price_components: [{ type: 'ENERGY', price: 0.4, step_size: 1 }] }],
  last_updated: '2026-01-01T00:00:00Z',
};

beforeAll(async () => {
  hub = await startCommandHub('bridge-reservation-sessions', { emspReceivers: ['sessions', 'cdrs'] });
  await hub.db.store.db
    .insertInto('tariffs')
    .values({ country_code: 'NL', party_id: 'CPO', tariff_id: TARIFF.id, currency: 'CHF', data: TARIFF })
    .execute();
});

afterAll(async () => {
  await hub?.close();
});

const { PUSHED, pushesOf, pushedStatus, reservationRow, sessionRows, reserve, startWithReservation, stopCharging } =
  reservationSteps(() => hub);

/** Checks the first push of a reservation's Session: a full PUT with status RESERVATION. */
function expectReservationSession(put: Json, cs: TestStation, tokenUid: string, reservationId: string) {
  expect(put.url).toBe(`/2.2.1/sessions/NL/CPO/${put.body.id}`);
  expect(parseOcpi(Session, put.body)).toMatchObject({ ok: true });
  expect(put.headers).toMatchObject({
    'ocpi-from-country-code': 'NL',
    'ocpi-from-party-id': 'CPO',
    'ocpi-to-country-code': 'DE',
    'ocpi-to-party-id': 'EMP',
  });
  expect(put.body).toEqual({
    country_code: 'NL',
    party_id: 'CPO',
    id: expect.any(String),
    start_date_time: expect.any(String),
    kwh: 0,
    cdr_token: {
      country_code: 'DE',
      party_id: 'EMP',
      uid: tokenUid,
      type: 'RFID',
      contract_id: `DE-EMP-C${tokenUid}`,
    },
    auth_method: 'COMMAND',
    authorization_reference: `AUTH-${reservationId}`,
    location_id: 'LOC1',
    evse_uid: cs.evseUid,
    connector_id: '1',
    currency: 'CHF',
    charging_periods: [],
    status: 'RESERVATION',
    last_updated: expect.any(String),
  });
  expect(Date.now() - Date.parse(put.body.start_date_time)).toBeLessThan(60_000);
}

describe('an accepted RESERVE_NOW opens a Session', () => {
  for (const version of ['1.6', '2.0.1'] as const) {
    it(`${version}: RESERVATION pushed and listed; the transaction using the reservation carries on the same session to ACTIVE, COMPLETED and its CDR`, async () => {
      const tag = version === '1.6' ? '16' : '201';
      const cs = await hub.station(`RSV${tag}`, version);
      cs.answer('ReserveNow', { status: 'Accepted' });
      const tokenUid = `RSV-${tag}`;
      await hub.pushToken(tokenUid);

      const put = await reserve(cs, tokenUid, `R-${tag}`, new Date(Date.now() + 15 * 60_000));
      expectReservationSession(put, cs, tokenUid, `R-${tag}`);
      const sessionId: string = put.body.id;
      const [row] = await sessionRows(sessionId);
      const reservation = await reservationRow(`R-${tag}`);
      expect(row).toMatchObject({ status: 'RESERVATION', transaction_id: null, reservation_id: reservation.id });

      // The eMSP finds it in the CPO's Sessions module (mod_sessions §GET).
      const listed = await hub.ocpi('GET', '/sessions');
      expect(listed.status_code).toBe(1000);
      expect(listed.data.filter((s: Json) => s.id === sessionId)).toEqual([
        expect.objectContaining({ status: 'RESERVATION', kwh: 0 }),
      ]);

      const transactionUid = await startWithReservation(cs, tokenUid, reservation.id);
      await expect.poll(() => pushedStatus(sessionId), PUSHED).toBe('ACTIVE');
      // Once delivered, an update is a PATCH of the same session id (mod_sessions §PATCH).
      const active = pushesOf(sessionId).at(-1)!;
      expect(active.method).toBe('PATCH');
      expect(active.body).toMatchObject({ status: 'ACTIVE', kwh: 0, currency: 'CHF' });
      expect(Date.parse(active.body.start_date_time)).toBeGreaterThanOrEqual(Date.parse(put.body.start_date_time));
      const transaction = await hub.db.store.db
        .selectFrom('transactions')
        .selectAll()
        .where('station_id', '=', reservation.station_id)
        .where('transaction_uid', '=', transactionUid)
        .executeTakeFirstOrThrow();
      expect(transaction.reservation_id).toBe(reservation.id);
      // One session: the reservation's, now the transaction's.
      const bySession = await sessionRows(sessionId);
      expect(bySession).toHaveLength(1);
      expect(bySession[0]).toMatchObject({ transaction_id: transaction.id, reservation_id: reservation.id });
      const forTransaction = await hub.db.store.db
        .selectFrom('sessions')
        .select('session_id')
        .where('transaction_id', '=', transaction.id)
        .execute();
      expect(forTransaction).toEqual([{ session_id: sessionId }]);
      // The ReserveNow's authorization_reference stays with the session.
      expect(transaction.authorization_reference).toBe(`AUTH-R-${tag}`);
      // The reservation is used up: a cancel now is REJECTED at once, without asking the station.
      expect((await reservationRow(`R-${tag}`)).status).toBe('used');
      const cancel = await hub.ocpi('POST', '/commands/CANCEL_RESERVATION', {
        response_url: hub.resultUrl(`cancel-used-${tag}`),
        reservation_id: `R-${tag}`,
      });
      expect(cancel.data).toEqual({ result: 'REJECTED', timeout: 60 });
      expect(cs.received.filter((c) => c.action === 'CancelReservation')).toHaveLength(0);

      await stopCharging(cs, transactionUid);
      await expect.poll(() => pushedStatus(sessionId), PUSHED).toBe('COMPLETED');
      const completed = pushesOf(sessionId).at(-1)!;
      expect(completed.method).toBe('PUT');
      expect(completed.body).toMatchObject({ id: sessionId, kwh: 2.5, authorization_reference: `AUTH-R-${tag}` });
      const cdrOf = () => hub.emsp.received('/2.2.1/cdrs').find((r) => r.body?.session_id === sessionId);
      await expect.poll(cdrOf, PUSHED).toBeDefined();
      expect(cdrOf()!.body).toMatchObject({ session_id: sessionId, total_energy: 2.5, currency: 'CHF' });

      // An expiry sweep later leaves the used reservation's session alone.
      await sweepReservationSessions(hub.db.store.db, { now: new Date(Date.now() + 60 * 60_000) });
      expect((await sessionRows(sessionId))[0]!.status).toBe('COMPLETED');
    });
  }
});

describe('a reservation that ends unused: its Session becomes COMPLETED', () => {
  it('2.0.1: CANCEL_RESERVATION accepted → COMPLETED with an end time, pushed and listed', async () => {
    const cs = await hub.station('RSVCANCEL', '2.0.1');
    cs.answer('ReserveNow', { status: 'Accepted' });
    cs.answer('CancelReservation', { status: 'Accepted' });
    const put = await reserve(cs, 'RSV-CANCEL', 'R-CANCEL', new Date(Date.now() + 15 * 60_000));
    expectReservationSession(put, cs, 'RSV-CANCEL', 'R-CANCEL');
    const sessionId: string = put.body.id;

    const cancel = await hub.ocpi('POST', '/commands/CANCEL_RESERVATION', {
      response_url: hub.resultUrl('cancel-R-CANCEL'),
      reservation_id: 'R-CANCEL',
    });
    expect(cancel.data).toEqual({ result: 'ACCEPTED', timeout: 60 });
    await expect.poll(() => hub.results('cancel-R-CANCEL'), PUSHED).toEqual([{ result: 'ACCEPTED' }]);
    await expect.poll(() => pushedStatus(sessionId), PUSHED).toBe('COMPLETED');
    const ended = pushesOf(sessionId).at(-1)!;
    // Final: a full PUT (mod_sessions §PUT), the same session with its end time.
    expect(ended.method).toBe('PUT');
    expect(parseOcpi(Session, ended.body)).toMatchObject({ ok: true });
    expect(ended.body).toMatchObject({
      id: sessionId,
      kwh: 0,
      status: 'COMPLETED',
      start_date_time: put.body.start_date_time,
    });
    expect(Date.parse(ended.body.end_date_time)).toBeGreaterThanOrEqual(Date.parse(put.body.start_date_time));
    expect(Date.parse(ended.body.last_updated)).toBeGreaterThan(Date.parse(put.body.last_updated));
    const listed = await hub.ocpi('GET', '/sessions');
    expect(listed.data.filter((s: Json) => s.id === sessionId)).toEqual([
      expect.objectContaining({ status: 'COMPLETED' }),
    ]);
    expect(await sessionRows(sessionId)).toEqual([
      expect.objectContaining({ status: 'COMPLETED', transaction_id: null }),
    ]);
  });

  it('1.6: a reservation that expires without a transaction → COMPLETED at the next sweep; one still valid stays RESERVATION', async () => {
    const cs = await hub.station('RSVEXPIRE', '1.6');
    cs.answer('ReserveNow', { status: 'Accepted' });
    const expiresAt = new Date(Date.now() + 3_000);
    const put = await reserve(cs, 'RSV-EXPIRE', 'R-EXPIRE', expiresAt);
    expectReservationSession(put, cs, 'RSV-EXPIRE', 'R-EXPIRE');
    const sessionId: string = put.body.id;
    const other = await hub.station('RSVLATER', '1.6');
    other.answer('ReserveNow', { status: 'Accepted' });
    const later = await reserve(other, 'RSV-LATER', 'R-LATER', new Date(Date.now() + 15 * 60_000));

    // Before the expiry the sweep changes nothing.
    await sweepReservationSessions(hub.db.store.db, { now: new Date(expiresAt.getTime() - 1_000) });
    expect((await sessionRows(sessionId))[0]!.status).toBe('RESERVATION');

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now() + 100)));
    await sweepReservationSessions(hub.db.store.db);
    await expect.poll(() => pushedStatus(sessionId), PUSHED).toBe('COMPLETED');
    const ended = pushesOf(sessionId).at(-1)!;
    expect(ended.method).toBe('PUT');
    expect(ended.body).toMatchObject({ id: sessionId, status: 'COMPLETED', kwh: 0, cdr_token: put.body.cdr_token });
    expect(Date.parse(ended.body.end_date_time)).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect((await sessionRows(later.body.id))[0]!.status).toBe('RESERVATION');
    expect(pushedStatus(later.body.id)).toBe('RESERVATION');
  });
});

describe('2.0.1: a reservationId named only after the transaction started', () => {
  /** A TransactionEvent of `transactionUid` at EVSE 1 now. */
  const event = (transactionUid: string, seqNo: number, eventType: string, extra: Json) => ({
    eventType,
    timestamp: new Date().toISOString(),
    seqNo,
    transactionInfo: { transactionId: transactionUid, chargingState: 'Charging' },
    evse: { id: 1, connectorId: 1 },
    ...extra,
  });
  const sessionsOfTransaction = async (stationIdentity: string, transactionUid: string) =>
    hub.db.store.db
      .selectFrom('sessions as se')
      .innerJoin('transactions as tx', 'tx.id', 'se.transaction_id')
      .innerJoin('stations as st', 'st.id', 'tx.station_id')
      .select(['se.session_id', 'se.status'])
      .where('st.identity', '=', stationIdentity)
      .where('tx.transaction_uid', '=', transactionUid)
      .execute();

  it('started on plug-in without a token: the reservation’s session carries on the transaction', async () => {
    const cs = await hub.station('RSVLATE1', '2.0.1');
    cs.answer('ReserveNow', { status: 'Accepted' });
    await hub.pushToken('RSV-LATE1');
    const put = await reserve(cs, 'RSV-LATE1', 'R-LATE1', new Date(Date.now() + 15 * 60_000));
    const sessionId: string = put.body.id;
    const reservation = await reservationRow('R-LATE1');

    // TxStartPoint EVConnected: the transaction starts before any token is presented.
    await cs.client.call('TransactionEvent', event('TX-LATE1', 0, 'Started', { triggerReason: 'CablePluggedIn' }));
    await expect.poll(() => sessionsOfTransaction('RSVLATE1', 'TX-LATE1'), PUSHED).toHaveLength(1);
    await cs.client.call(
      'TransactionEvent',
      event('TX-LATE1', 1, 'Updated', {
        triggerReason: 'Authorized',
        idToken: { idToken: 'RSV-LATE1', type: 'ISO14443' },
        reservationId: reservation.id,
      }),
    );
    await expect.poll(() => pushedStatus(sessionId), PUSHED).toBe('ACTIVE');
    expect(await sessionsOfTransaction('RSVLATE1', 'TX-LATE1')).toEqual([{ session_id: sessionId, status: 'ACTIVE' }]);
    expect((await reservationRow('R-LATE1')).status).toBe('used');
    // The eMSP heard of one session only: the reservation's.
    const pushedIds = new Set(
      hub.emsp
        .received('/2.2.1/sessions/')
        .filter((r) => r.body?.cdr_token?.uid === 'RSV-LATE1' || r.url.includes(sessionId))
        .map((r) => r.url),
    );
    expect([...pushedIds]).toEqual([`/2.2.1/sessions/NL/CPO/${sessionId}`]);
  });

  it('started with a token (its session already known): the reservation’s session ends COMPLETED, reservation used', async () => {
    const cs = await hub.station('RSVLATE2', '2.0.1');
    cs.answer('ReserveNow', { status: 'Accepted' });
    await hub.pushToken('RSV-LATE2');
    const put = await reserve(cs, 'RSV-LATE2', 'R-LATE2', new Date(Date.now() + 15 * 60_000));
    const reservationSessionId: string = put.body.id;
    const reservation = await reservationRow('R-LATE2');

    const started = event('TX-LATE2', 0, 'Started', {
      triggerReason: 'Authorized',
      idToken: { idToken: 'RSV-LATE2', type: 'ISO14443' },
    });
    await cs.client.call('TransactionEvent', started);
    await expect.poll(() => sessionsOfTransaction('RSVLATE2', 'TX-LATE2'), PUSHED).toHaveLength(1);
    const [own] = await sessionsOfTransaction('RSVLATE2', 'TX-LATE2');
    expect(own!.session_id).not.toBe(reservationSessionId);
    await cs.client.call(
      'TransactionEvent',
      event('TX-LATE2', 1, 'Updated', { triggerReason: 'ChargingStateChanged', reservationId: reservation.id }),
    );
    await expect.poll(() => pushedStatus(reservationSessionId), PUSHED).toBe('COMPLETED');
    // The reservation's time ended where the charging began (not when the station named it).
    expect(pushesOf(reservationSessionId).at(-1)!.body).toMatchObject({
      kwh: 0,
      status: 'COMPLETED',
      end_date_time: started.timestamp,
    });
    expect((await reservationRow('R-LATE2')).status).toBe('used');
    expect(await sessionsOfTransaction('RSVLATE2', 'TX-LATE2')).toEqual([
      { session_id: own!.session_id, status: 'ACTIVE' },
    ]);
  });
});
