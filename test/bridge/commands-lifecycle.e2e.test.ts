/**
 * OCPI commands the hub receives from an eMSP and carries to OCPP stations, end to end (real
 * HTTP, real station sockets, PostgreSQL, BullMQ): STOP_SESSION, RESERVE_NOW,
 * CANCEL_RESERVATION and UNLOCK_CONNECTOR on a 1.6 and a 2.0.1 station. Each checks the CALL
 * the station got, the synchronous CommandResponse and the CommandResult at `response_url`.
 * START_SESSION is in authorization-commands.e2e.test.ts, charging profiles in
 * charging-profile-commands.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandHub, startCommandHub, type TestStation } from './command-hub.fixture.js';

let hub: CommandHub;

beforeAll(async () => {
  hub = await startCommandHub('bridge-commands-lifecycle');
});

afterAll(async () => {
  await hub?.close();
});

const ACCEPTED_FOR_LATER = { result: 'ACCEPTED', timeout: 60 };

/** POSTs an OCPI command and checks the envelope; returns the CommandResponse. */
async function command(name: string, body: Record<string, unknown>) {
  const answer = await hub.ocpi('POST', `/commands/${name}`, body);
  expect(answer.status_code).toBe(1000);
  return answer.data;
}

/** For rows the hub writes before it POSTs the result (polled all the same: no ordering assumed). */
const SOON = { timeout: 5_000 };
const resultOf = (name: string) => expect.poll(() => hub.results(name), { timeout: 10_000 });

const reservation = (ocpiId: string) =>
  hub.db.store.db
    .selectFrom('reservations')
    .selectAll()
    .where('ocpi_reservation_id', '=', ocpiId)
    .executeTakeFirstOrThrow();

const commandRow = (resultName: string) =>
  hub.db.store.db
    .selectFrom('commands')
    .selectAll()
    .where('response_url', '=', hub.resultUrl(resultName))
    .executeTakeFirst();

const inFifteenMinutes = () => new Date(Date.now() + 15 * 60_000).toISOString();

/**
 * CANCEL_RESERVATION of a reservation that never became active at the station: REJECTED in the
 * CommandResponse, nothing queued (so no result POSTed), no CancelReservation at the station.
 */
async function expectCancelRefusedAtOnce(cs: TestStation, reservationId: string, name: string) {
  const callsBefore = cs.received.length;
  const response = await command('CANCEL_RESERVATION', {
    response_url: hub.resultUrl(name),
    reservation_id: reservationId,
  });
  expect(response).toEqual({ result: 'REJECTED', timeout: 60 });
  expect(await commandRow(name)).toBeUndefined();
  expect(cs.received.filter((c) => c.action === 'CancelReservation')).toHaveLength(0);
  expect(cs.received).toHaveLength(callsBefore);
}

describe('STOP_SESSION', () => {
  it('1.6: RemoteStopTransaction with the integer id; Accepted → ACCEPTED; once ended, a new stop is REJECTED without asking', async () => {
    const cs = await hub.station('STOP16', '1.6');
    await hub.pushToken('STOP-16');
    const { transactionUid, sessionId } = await cs.startCharging('STOP-16');
    cs.answer('RemoteStopTransaction', { status: 'Accepted' });

    const response = await command('STOP_SESSION', { response_url: hub.resultUrl('stop-16'), session_id: sessionId });
    expect(response).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('stop-16').toEqual([{ result: 'ACCEPTED' }]);
    expect(cs.received).toEqual([
      { action: 'RemoteStopTransaction', params: { transactionId: Number(transactionUid) } },
    ]);
    await expect.poll(async () => (await commandRow('stop-16'))?.state, SOON).toBe('accepted');
    // The result goes with the eMSP's token B, from the station's CPO to the eMSP.
    const delivered = hub.emsp.requests.find((r) => r.url === '/results/stop-16')!;
    expect(delivered.method).toBe('POST');
    expect(delivered.headers.authorization).toBe(`Token ${Buffer.from(hub.emsp.tokenB).toString('base64')}`);
    expect(delivered.headers).toMatchObject({
      'ocpi-from-country-code': 'NL',
      'ocpi-from-party-id': 'CPO',
      'ocpi-to-country-code': 'DE',
      'ocpi-to-party-id': 'EMP',
    });

    await cs.stopCharging(transactionUid);
    await expect
      .poll(async () => {
        const tx = await hub.db.store.db
          .selectFrom('transactions')
          .select('status')
          .where('transaction_uid', '=', transactionUid)
          .executeTakeFirst();
        return tx?.status;
      }, SOON)
      .not.toBe('active');
    const again = await command('STOP_SESSION', {
      response_url: hub.resultUrl('stop-16-ended'),
      session_id: sessionId,
    });
    expect(again).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('stop-16-ended').toEqual([expect.objectContaining({ result: 'REJECTED' })]);
    expect(cs.received).toHaveLength(1);
  });

  it('2.0.1: RequestStopTransaction with the string id; Rejected → REJECTED', async () => {
    const cs = await hub.station('STOP201', '2.0.1');
    await hub.pushToken('STOP-201');
    const { transactionUid, sessionId } = await cs.startCharging('STOP-201');
    cs.answer('RequestStopTransaction', { status: 'Rejected' });

    const response = await command('STOP_SESSION', { response_url: hub.resultUrl('stop-201'), session_id: sessionId });
    expect(response).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('stop-201').toEqual([{ result: 'REJECTED' }]);
    expect(cs.received).toEqual([{ action: 'RequestStopTransaction', params: { transactionId: transactionUid } }]);
    await expect.poll(async () => (await commandRow('stop-201'))?.state, SOON).toBe('rejected');
  });

  it('an unknown session_id: UNKNOWN_SESSION at once, nothing queued, no result POSTed', async () => {
    const response = await command('STOP_SESSION', {
      response_url: hub.resultUrl('stop-unknown'),
      session_id: 'no-such-session',
    });
    expect(response).toEqual({ result: 'UNKNOWN_SESSION', timeout: 60 });
    // The refusal is decided before anything is stored: no row now means no row ever.
    expect(await commandRow('stop-unknown')).toBeUndefined();
    expect(hub.results('stop-unknown')).toEqual([]);
  });
});

describe('RESERVE_NOW and CANCEL_RESERVATION', () => {
  it("1.6: ReserveNow with the hub's own integer reservationId, replaced on a repeat; CancelReservation with it", async () => {
    const cs = await hub.station('RES16', '1.6');
    cs.answer('ReserveNow', { status: 'Accepted' });
    cs.answer('CancelReservation', { status: 'Accepted' });
    const reserve = (name: string, expiry: string) =>
      command('RESERVE_NOW', {
        response_url: hub.resultUrl(name),
        token: hub.emsp.token('RES-16', 'ALLOWED'),
        expiry_date: expiry,
        reservation_id: 'R-16',
        location_id: 'LOC1',
        evse_uid: cs.evseUid,
      });

    const firstExpiry = inFifteenMinutes();
    expect(await reserve('reserve-16', firstExpiry)).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('reserve-16').toEqual([{ result: 'ACCEPTED' }]);
    const row = await reservation('R-16');
    // The eMSP's reservation_id never reaches the station (mod_commands §ReserveNow).
    expect(cs.received).toEqual([
      {
        action: 'ReserveNow',
        params: { connectorId: 1, expiryDate: firstExpiry, idTag: 'RES-16', reservationId: row.id },
      },
    ]);
    await expect.poll(async () => (await reservation('R-16')).status, SOON).toBe('accepted');

    // Same reservation_id again: the same reservation, replaced at the station.
    const laterExpiry = new Date(Date.now() + 30 * 60_000).toISOString();
    expect(await reserve('reserve-16-again', laterExpiry)).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('reserve-16-again').toEqual([{ result: 'ACCEPTED' }]);
    expect(cs.received[1]).toEqual({
      action: 'ReserveNow',
      params: { connectorId: 1, expiryDate: laterExpiry, idTag: 'RES-16', reservationId: row.id },
    });

    const cancel = await command('CANCEL_RESERVATION', {
      response_url: hub.resultUrl('cancel-16'),
      reservation_id: 'R-16',
    });
    expect(cancel).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('cancel-16').toEqual([{ result: 'ACCEPTED' }]);
    expect(cs.received[2]).toEqual({ action: 'CancelReservation', params: { reservationId: row.id } });
    await expect.poll(async () => (await reservation('R-16')).status, SOON).toBe('cancelled');
  });

  it('2.0.1: ReserveNow with idToken and evseId; Occupied → EVSE_OCCUPIED; a cancel the station refuses → UNKNOWN_RESERVATION', async () => {
    const cs = await hub.station('RES201', '2.0.1');
    const reserve = (name: string, reservationId: string, expiry: string) =>
      command('RESERVE_NOW', {
        response_url: hub.resultUrl(name),
        token: hub.emsp.token('RES-201', 'ALLOWED'),
        expiry_date: expiry,
        reservation_id: reservationId,
        location_id: 'LOC1',
        evse_uid: cs.evseUid,
      });

    cs.answer('ReserveNow', { status: 'Occupied' });
    const expiry = inFifteenMinutes();
    expect(await reserve('reserve-201-busy', 'R-201-A', expiry)).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('reserve-201-busy').toEqual([{ result: 'EVSE_OCCUPIED' }]);
    const busy = await reservation('R-201-A');
    expect(cs.received).toEqual([
      {
        action: 'ReserveNow',
        params: {
          id: busy.id,
          expiryDateTime: expiry,
          idToken: { idToken: 'RES-201', type: 'ISO14443' },
          evseId: 1,
        },
      },
    ]);
    await expect.poll(async () => (await reservation('R-201-A')).status, SOON).toBe('rejected');
    // A station that would accept the cancel: the hub must not ask it for a reservation it never held.
    cs.answer('CancelReservation', { status: 'Accepted' });
    await expectCancelRefusedAtOnce(cs, 'R-201-A', 'cancel-201-busy');

    cs.answer('ReserveNow', { status: 'Accepted' });
    expect(await reserve('reserve-201', 'R-201-B', inFifteenMinutes())).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('reserve-201').toEqual([{ result: 'ACCEPTED' }]);
    const held = await reservation('R-201-B');
    expect(held.id).not.toBe(busy.id);

    cs.answer('CancelReservation', { status: 'Rejected' });
    const cancel = await command('CANCEL_RESERVATION', {
      response_url: hub.resultUrl('cancel-201'),
      reservation_id: 'R-201-B',
    });
    expect(cancel).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('cancel-201').toEqual([{ result: 'UNKNOWN_RESERVATION' }]);
    expect(cs.received.at(-1)).toEqual({ action: 'CancelReservation', params: { reservationId: held.id } });
    await expect.poll(async () => (await reservation('R-201-B')).status, SOON).toBe('accepted');
  });

  it('a 1.6 station without the Reservation feature profile (no ReserveNow handler): NOT_SUPPORTED; the reservation is rejected, a cancel REJECTED at once', async () => {
    const cs = await hub.station('RES16-NONE', '1.6');
    cs.answer('CancelReservation', { status: 'Accepted' });
    const response = await command('RESERVE_NOW', {
      response_url: hub.resultUrl('reserve-unsupported'),
      token: hub.emsp.token('RES-NONE', 'ALLOWED'),
      expiry_date: inFifteenMinutes(),
      reservation_id: 'R-NONE',
      location_id: 'LOC1',
      evse_uid: cs.evseUid,
    });
    expect(response).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('reserve-unsupported').toEqual([{ result: 'NOT_SUPPORTED' }]);
    await expect.poll(async () => (await commandRow('reserve-unsupported'))?.state, SOON).toBe('failed');
    await expect.poll(async () => (await reservation('R-NONE')).status, SOON).toBe('rejected');
    await expectCancelRefusedAtOnce(cs, 'R-NONE', 'cancel-unsupported');
  });

  it('2.0.1: a ReserveNow the station never answers → TIMEOUT; the station may hold it, so a cancel still goes to it', async () => {
    const cs = await hub.station('RES201-MUTE', '2.0.1');
    cs.client.handle('ReserveNow', () => new Promise(() => {}));
    cs.answer('CancelReservation', { status: 'Accepted' });
    const response = await command('RESERVE_NOW', {
      response_url: hub.resultUrl('reserve-mute'),
      token: hub.emsp.token('RES-MUTE', 'ALLOWED'),
      expiry_date: inFifteenMinutes(),
      reservation_id: 'R-MUTE',
      location_id: 'LOC1',
      evse_uid: cs.evseUid,
    });
    expect(response).toEqual(ACCEPTED_FOR_LATER);
    // The fixture's OCPP_CALL_TIMEOUT_MS is 5 s.
    await resultOf('reserve-mute').toEqual([{ result: 'TIMEOUT' }]);
    await expect.poll(async () => (await commandRow('reserve-mute'))?.state, SOON).toBe('timeout');
    await expect.poll(async () => (await reservation('R-MUTE')).status, SOON).toBe('unknown');
    const cancel = await command('CANCEL_RESERVATION', {
      response_url: hub.resultUrl('cancel-mute'),
      reservation_id: 'R-MUTE',
    });
    expect(cancel).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('cancel-mute').toEqual([{ result: 'ACCEPTED' }]);
    expect(cs.received.map((r) => r.action)).toContain('CancelReservation');
  });

  it('CANCEL_RESERVATION of a reservation this eMSP never made: REJECTED at once, nothing queued', async () => {
    const response = await command('CANCEL_RESERVATION', {
      response_url: hub.resultUrl('cancel-unknown'),
      reservation_id: 'NEVER-MADE',
    });
    expect(response).toEqual({ result: 'REJECTED', timeout: 60 });
    expect(await commandRow('cancel-unknown')).toBeUndefined();
    expect(hub.results('cancel-unknown')).toEqual([]);
  });
});

describe('UNLOCK_CONNECTOR', () => {
  const unlock = (name: string, evseUid: string) =>
    command('UNLOCK_CONNECTOR', {
      response_url: hub.resultUrl(name),
      location_id: 'LOC1',
      evse_uid: evseUid,
      connector_id: '1',
    });

  it('1.6: UnlockConnector {connectorId}; Unlocked → ACCEPTED, NotSupported → NOT_SUPPORTED', async () => {
    const cs = await hub.station('UNL16', '1.6');
    cs.answer('UnlockConnector', { status: 'Unlocked' });
    expect(await unlock('unlock-16', cs.evseUid)).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('unlock-16').toEqual([{ result: 'ACCEPTED' }]);
    expect(cs.received).toEqual([{ action: 'UnlockConnector', params: { connectorId: 1 } }]);

    cs.answer('UnlockConnector', { status: 'NotSupported' });
    expect(await unlock('unlock-16-unsupported', cs.evseUid)).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('unlock-16-unsupported').toEqual([{ result: 'NOT_SUPPORTED' }]);
    expect(cs.received).toHaveLength(2);
  });

  it('2.0.1: UnlockConnector {evseId, connectorId}; UnlockFailed → FAILED, OngoingAuthorizedTransaction → EVSE_OCCUPIED', async () => {
    const cs = await hub.station('UNL201', '2.0.1');
    cs.answer('UnlockConnector', { status: 'UnlockFailed' });
    expect(await unlock('unlock-201', cs.evseUid)).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('unlock-201').toEqual([{ result: 'FAILED' }]);
    expect(cs.received).toEqual([{ action: 'UnlockConnector', params: { evseId: 1, connectorId: 1 } }]);
    await expect.poll(async () => (await commandRow('unlock-201'))?.state, SOON).toBe('failed');

    cs.answer('UnlockConnector', { status: 'OngoingAuthorizedTransaction' });
    expect(await unlock('unlock-201-busy', cs.evseUid)).toEqual(ACCEPTED_FOR_LATER);
    await resultOf('unlock-201-busy').toEqual([{ result: 'EVSE_OCCUPIED' }]);
  });
});
