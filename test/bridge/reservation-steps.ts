/**
 * Steps the reservation e2e tests share, against one command hub (`current()` is read when a
 * step runs, so the hub may be started in a beforeAll): RESERVE_NOW, charging with the reservation,
 * and what the eMSP and the store saw.
 */
import { expect } from 'vitest';
import type { CommandHub, TestStation } from './command-hub.fixture.js';
import type { Json } from './token-emsp.server.js';

export function reservationSteps(current: () => CommandHub) {
  const PUSHED = { timeout: 15_000 };

  /** Session pushes (PUT and PATCH) the eMSP received for one session id, oldest first. */
  const pushesOf = (sessionId: string) =>
    current().emsp.requests.filter((r) => r.url === `/2.2.1/sessions/NL/CPO/${encodeURIComponent(sessionId)}`);

  /** The latest status the eMSP was told for the session. */
  const pushedStatus = (sessionId: string) => pushesOf(sessionId).at(-1)?.body?.status as string | undefined;

  const reservationRow = (ocpiId: string) =>
    current()
      .db.store.db.selectFrom('reservations')
      .selectAll()
      .where('ocpi_reservation_id', '=', ocpiId)
      .executeTakeFirstOrThrow();

  const sessionRows = (sessionId: string) =>
    current().db.store.db.selectFrom('sessions').selectAll().where('session_id', '=', sessionId).execute();

  /** RESERVE_NOW of the station's EVSE; returns the Session the eMSP received for it (status RESERVATION). */
  async function reserve(cs: TestStation, tokenUid: string, reservationId: string, expiry: Date): Promise<Json> {
    const before = new Set(current().emsp.received('/2.2.1/sessions/'));
    const answer = await current().ocpi('POST', '/commands/RESERVE_NOW', {
      response_url: current().resultUrl(`reserve-${reservationId}`),
      token: current().emsp.token(tokenUid, 'ALWAYS'),
      expiry_date: expiry.toISOString(),
      reservation_id: reservationId,
      location_id: 'LOC1',
      evse_uid: cs.evseUid,
      authorization_reference: `AUTH-${reservationId}`,
    });
    expect(answer.data).toEqual({ result: 'ACCEPTED', timeout: 60 });
    await expect.poll(() => current().results(`reserve-${reservationId}`), PUSHED).toEqual([{ result: 'ACCEPTED' }]);
    const newPut = () =>
      current()
        .emsp.received('/2.2.1/sessions/')
        .find((r) => !before.has(r) && r.method === 'PUT' && r.body?.cdr_token?.uid === tokenUid);
    await expect.poll(newPut, PUSHED).toBeDefined();
    return newPut()!;
  }

  /** Starts charging at the station with the reservation's OCPP id; returns the transaction uid. */
  async function startWithReservation(cs: TestStation, tokenUid: string, reservationId: number): Promise<string> {
    const timestamp = new Date().toISOString();
    if (cs.version === '1.6') {
      const started = (await cs.client.call('StartTransaction', {
        connectorId: 1,
        idTag: tokenUid,
        meterStart: 0,
        timestamp,
        reservationId,
      })) as { transactionId: number };
      return String(started.transactionId);
    }
    const transactionUid = `TX-${cs.identity}-R${reservationId}`;
    await cs.client.call('TransactionEvent', {
      eventType: 'Started',
      timestamp,
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: transactionUid, chargingState: 'Charging' },
      idToken: { idToken: tokenUid, type: 'ISO14443' },
      evse: { id: 1, connectorId: 1 },
      reservationId,
      meterValue: [
        {
          timestamp,
          sampledValue: [{ value: 0, measurand: 'Energy.Active.Import.Register', context: 'Transaction.Begin' }],
        },
      ],
    });
    return transactionUid;
  }

  async function stopCharging(cs: TestStation, transactionUid: string): Promise<void> {
    const timestamp = new Date().toISOString();
    if (cs.version === '1.6') {
      await cs.client.call('StopTransaction', { transactionId: Number(transactionUid), meterStop: 2500, timestamp });
      return;
    }
    await cs.client.call('TransactionEvent', {
      eventType: 'Ended',
      timestamp,
      triggerReason: 'StopAuthorized',
      seqNo: 1,
      transactionInfo: { transactionId: transactionUid, stoppedReason: 'Local' },
      meterValue: [
        {
          timestamp,
          sampledValue: [{ value: 2500, measurand: 'Energy.Active.Import.Register', context: 'Transaction.End' }],
        },
      ],
    });
  }

  return { PUSHED, pushesOf, pushedStatus, reservationRow, sessionRows, reserve, startWithReservation, stopCharging };
}
