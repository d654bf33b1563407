/**
 * OCPI ChargingProfiles, Receiver interface, end to end (real HTTP, real station sockets,
 * PostgreSQL, BullMQ): PUT / GET / DELETE of a running session's profile become
 * SetChargingProfile / GetCompositeSchedule / ClearChargingProfile on a 1.6 and a 2.0.1
 * station; the ChargingProfileResponse is synchronous, the ChargingProfileResult,
 * ActiveChargingProfileResult and ClearProfileResult arrive at `response_url`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandHub, startCommandHub, type TestStation } from './command-hub.fixture.js';

let hub: CommandHub;

beforeAll(async () => {
  hub = await startCommandHub('bridge-charging-profiles');
});

afterAll(async () => {
  await hub?.close();
});

const ACCEPTED_FOR_LATER = { result: 'ACCEPTED', timeout: 60 };

const resultOf = (name: string) => expect.poll(() => hub.results(name), { timeout: 10_000 });

/** The hub's internal transaction id: the OCPP profile id it uses for the session's one profile. */
const transactionId = async (transactionUid: string) =>
  (
    await hub.db.store.db
      .selectFrom('transactions')
      .select('id')
      .where('transaction_uid', '=', transactionUid)
      .executeTakeFirstOrThrow()
  ).id;

async function chargingSession(identity: string, version: '1.6' | '2.0.1') {
  const cs = await hub.station(identity, version);
  await hub.pushToken(`CP-${identity}`);
  const started = await cs.startCharging(`CP-${identity}`);
  return { cs, ...started, profileId: await transactionId(started.transactionUid) };
}

const received = (cs: TestStation, action: string) => cs.received.filter((c) => c.action === action);

describe('charging profiles on a 2.0.1 station', () => {
  it('PUT → SetChargingProfile (TxProfile, Relative) Accepted; GET → GetCompositeSchedule → ActiveChargingProfile; DELETE Unknown → UNKNOWN', async () => {
    const { cs, sessionId, transactionUid, profileId } = await chargingSession('CP201', '2.0.1');
    cs.answer('SetChargingProfile', { status: 'Accepted' });
    const put = await hub.ocpi('PUT', `/chargingprofiles/${sessionId}`, {
      response_url: hub.resultUrl('set-201'),
      charging_profile: {
        charging_rate_unit: 'W',
        charging_profile_period: [
          { start_period: 0, limit: 11000 },
          { start_period: 1800, limit: 7400 },
        ],
      },
    });
    expect(put).toMatchObject({ status_code: 1000, data: ACCEPTED_FOR_LATER });
    await resultOf('set-201').toEqual([{ result: 'ACCEPTED' }]);
    expect(received(cs, 'SetChargingProfile')).toEqual([
      {
        action: 'SetChargingProfile',
        params: {
          evseId: 1,
          chargingProfile: {
            id: profileId,
            transactionId: transactionUid,
            stackLevel: 0,
            chargingProfilePurpose: 'TxProfile',
            chargingProfileKind: 'Relative',
            chargingSchedule: [
              {
                id: profileId,
                chargingRateUnit: 'W',
                chargingSchedulePeriod: [
                  { startPeriod: 0, limit: 11000 },
                  { startPeriod: 1800, limit: 7400 },
                ],
              },
            ],
          },
        },
      },
    ]);

    const scheduleStart = new Date(Date.now() - 60_000).toISOString();
    cs.answer('GetCompositeSchedule', {
      status: 'Accepted',
      schedule: {
        evseId: 1,
        duration: 900,
        scheduleStart,
        chargingRateUnit: 'W',
        chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }],
      },
    });
    const get = await hub.ocpi(
      'GET',
      `/chargingprofiles/${sessionId}?duration=900&response_url=${encodeURIComponent(hub.resultUrl('get-201'))}`,
    );
    expect(get).toMatchObject({ status_code: 1000, data: ACCEPTED_FOR_LATER });
    await resultOf('get-201').toEqual([
      {
        result: 'ACCEPTED',
        profile: {
          start_date_time: scheduleStart,
          charging_profile: {
            charging_rate_unit: 'W',
            duration: 900,
            charging_profile_period: [{ start_period: 0, limit: 11000 }],
          },
        },
      },
    ]);
    expect(received(cs, 'GetCompositeSchedule')).toEqual([
      { action: 'GetCompositeSchedule', params: { evseId: 1, duration: 900 } },
    ]);

    cs.answer('ClearChargingProfile', { status: 'Unknown' });
    const del = await hub.ocpi(
      'DELETE',
      `/chargingprofiles/${sessionId}?response_url=${encodeURIComponent(hub.resultUrl('clear-201'))}`,
    );
    expect(del).toMatchObject({ status_code: 1000, data: ACCEPTED_FOR_LATER });
    await resultOf('clear-201').toEqual([{ result: 'UNKNOWN' }]);
    expect(received(cs, 'ClearChargingProfile')).toEqual([
      { action: 'ClearChargingProfile', params: { chargingProfileId: profileId } },
    ]);
  });
});

describe('charging profiles on a 1.6 station', () => {
  it('PUT with a start time → SetChargingProfile (Absolute) Rejected → REJECTED; GET without a schedule → REJECTED; DELETE Accepted', async () => {
    const { cs, sessionId, transactionUid, profileId } = await chargingSession('CP16', '1.6');
    cs.answer('SetChargingProfile', { status: 'Rejected' });
    const start = new Date(Date.now() + 60_000).toISOString();
    const put = await hub.ocpi('PUT', `/chargingprofiles/${sessionId}`, {
      response_url: hub.resultUrl('set-16'),
      charging_profile: {
        start_date_time: start,
        duration: 3600,
        charging_rate_unit: 'A',
        min_charging_rate: 6,
        charging_profile_period: [{ start_period: 0, limit: 16 }],
      },
    });
    expect(put).toMatchObject({ status_code: 1000, data: ACCEPTED_FOR_LATER });
    await resultOf('set-16').toEqual([{ result: 'REJECTED' }]);
    expect(received(cs, 'SetChargingProfile')).toEqual([
      {
        action: 'SetChargingProfile',
        params: {
          connectorId: 1,
          csChargingProfiles: {
            chargingProfileId: profileId,
            transactionId: Number(transactionUid),
            stackLevel: 0,
            chargingProfilePurpose: 'TxProfile',
            chargingProfileKind: 'Absolute',
            chargingSchedule: {
              chargingRateUnit: 'A',
              duration: 3600,
              startSchedule: start,
              minChargingRate: 6,
              chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }],
            },
          },
        },
      },
    ]);

    cs.answer('GetCompositeSchedule', { status: 'Rejected' });
    const get = await hub.ocpi(
      'GET',
      `/chargingprofiles/${sessionId}?duration=600&response_url=${encodeURIComponent(hub.resultUrl('get-16'))}`,
    );
    expect(get).toMatchObject({ status_code: 1000, data: ACCEPTED_FOR_LATER });
    await resultOf('get-16').toEqual([{ result: 'REJECTED' }]);
    expect(received(cs, 'GetCompositeSchedule')).toEqual([
      { action: 'GetCompositeSchedule', params: { connectorId: 1, duration: 600 } },
    ]);

    cs.answer('ClearChargingProfile', { status: 'Accepted' });
    const del = await hub.ocpi(
      'DELETE',
      `/chargingprofiles/${sessionId}?response_url=${encodeURIComponent(hub.resultUrl('clear-16'))}`,
    );
    expect(del).toMatchObject({ status_code: 1000, data: ACCEPTED_FOR_LATER });
    await resultOf('clear-16').toEqual([{ result: 'ACCEPTED' }]);
    expect(received(cs, 'ClearChargingProfile')).toEqual([
      { action: 'ClearChargingProfile', params: { id: profileId } },
    ]);
  });

  it('GET of a 1.6 composite schedule: chargingSchedule and scheduleStart become the ActiveChargingProfile', async () => {
    const { cs, sessionId } = await chargingSession('CP16-GET', '1.6');
    const scheduleStart = new Date(Date.now() - 30_000).toISOString();
    cs.answer('GetCompositeSchedule', {
      status: 'Accepted',
      connectorId: 1,
      scheduleStart,
      chargingSchedule: {
        duration: 300,
        chargingRateUnit: 'A',
        chargingSchedulePeriod: [
          { startPeriod: 0, limit: 16 },
          { startPeriod: 120, limit: 10 },
        ],
      },
    });
    const get = await hub.ocpi(
      'GET',
      `/chargingprofiles/${sessionId}?duration=300&response_url=${encodeURIComponent(hub.resultUrl('get-16-ok'))}`,
    );
    expect(get).toMatchObject({ status_code: 1000, data: ACCEPTED_FOR_LATER });
    await resultOf('get-16-ok').toEqual([
      {
        result: 'ACCEPTED',
        profile: {
          start_date_time: scheduleStart,
          charging_profile: {
            charging_rate_unit: 'A',
            duration: 300,
            charging_profile_period: [
              { start_period: 0, limit: 16 },
              { start_period: 120, limit: 10 },
            ],
          },
        },
      },
    ]);
  });

  it('a 1.6 station without Smart Charging (no SetChargingProfile handler): REJECTED, the only fitting result', async () => {
    const { sessionId } = await chargingSession('CP16-NONE', '1.6');
    const put = await hub.ocpi('PUT', `/chargingprofiles/${sessionId}`, {
      response_url: hub.resultUrl('set-unsupported'),
      charging_profile: { charging_rate_unit: 'A', charging_profile_period: [{ start_period: 0, limit: 10 }] },
    });
    expect(put).toMatchObject({ status_code: 1000, data: ACCEPTED_FOR_LATER });
    await resultOf('set-unsupported').toEqual([{ result: 'REJECTED' }]);
  });
});

describe('requests the hub refuses itself', () => {
  it('an unknown session: UNKNOWN_SESSION for PUT, GET and DELETE, nothing sent to the eMSP afterwards', async () => {
    const url = (name: string) => encodeURIComponent(hub.resultUrl(name));
    const put = await hub.ocpi('PUT', '/chargingprofiles/no-such-session', {
      response_url: hub.resultUrl('set-unknown'),
      charging_profile: { charging_rate_unit: 'W', charging_profile_period: [{ start_period: 0, limit: 3000 }] },
    });
    const get = await hub.ocpi(
      'GET',
      `/chargingprofiles/no-such-session?duration=60&response_url=${url('get-unknown')}`,
    );
    const del = await hub.ocpi('DELETE', `/chargingprofiles/no-such-session?response_url=${url('clear-unknown')}`);
    for (const answer of [put, get, del]) {
      expect(answer).toMatchObject({ status_code: 1000, data: { result: 'UNKNOWN_SESSION', timeout: 60 } });
    }
    const queued = await hub.db.store.db
      .selectFrom('commands')
      .select('id')
      .where('ocpi_command', 'like', 'CHARGING_PROFILE_%')
      .where('payload', '@>', JSON.stringify({ session_id: 'no-such-session' }))
      .execute();
    expect(queued).toEqual([]);
  });

  it('PUT of a profile without periods (none, or an empty list): 2001, nothing queued, nothing sent (never a limit of 0)', async () => {
    const { cs, sessionId } = await chargingSession('CP201-NOPERIOD', '2.0.1');
    cs.answer('SetChargingProfile', { status: 'Accepted' });
    for (const periods of [{}, { charging_profile_period: [] }]) {
      const put = await hub.ocpiHttp(
        'PUT',
        `/chargingprofiles/${sessionId}`,
        JSON.stringify({
          response_url: hub.resultUrl('set-no-period'),
          charging_profile: { charging_rate_unit: 'W', ...periods },
        }),
      );
      expect(put.json).toMatchObject({
        status_code: 2001,
        status_message: expect.stringContaining('charging_profile_period'),
      });
      expect(put.json.data).toBeUndefined();
    }
    const queued = await hub.db.store.db
      .selectFrom('commands')
      .select('id')
      .where('response_url', '=', hub.resultUrl('set-no-period'))
      .execute();
    expect(queued).toEqual([]);
    expect(received(cs, 'SetChargingProfile')).toEqual([]);
  });

  it('GET without duration or response_url: 2001 invalid parameters', async () => {
    const { sessionId } = await chargingSession('CP201-BAD', '2.0.1');
    const noUrl = await hub.ocpi('GET', `/chargingprofiles/${sessionId}?duration=60`);
    const noDuration = await hub.ocpi(
      'GET',
      `/chargingprofiles/${sessionId}?response_url=${encodeURIComponent(hub.resultUrl('get-bad'))}`,
    );
    expect(noUrl.status_code).toBe(2001);
    expect(noDuration.status_code).toBe(2001);
  });
});

describe('a partner that sends Content-Type: application/json on every call', () => {
  it('an empty body is no body: DELETE and GET are carried out; a PUT that needs a body gets the 2001 of a missing one', async () => {
    const { cs, sessionId } = await chargingSession('CP201-CT', '2.0.1');
    cs.answer('ClearChargingProfile', { status: 'Accepted' });
    cs.answer('GetCompositeSchedule', { status: 'Rejected' });
    const url = (name: string) => encodeURIComponent(hub.resultUrl(name));

    // An explicit empty body (Content-Length: 0), and none at all.
    for (const body of ['', undefined]) {
      const del = await hub.ocpiHttp('DELETE', `/chargingprofiles/${sessionId}?response_url=${url('clear-ct')}`, body);
      expect(del).toMatchObject({ status: 200, json: { status_code: 1000, data: ACCEPTED_FOR_LATER } });
    }
    const get = await hub.ocpiHttp(
      'GET',
      `/chargingprofiles/${sessionId}?duration=60&response_url=${url('get-ct')}`,
      undefined,
    );
    expect(get).toMatchObject({ status: 200, json: { status_code: 1000, data: ACCEPTED_FOR_LATER } });
    await resultOf('clear-ct').toEqual([{ result: 'ACCEPTED' }, { result: 'ACCEPTED' }]);
    await resultOf('get-ct').toEqual([{ result: 'REJECTED' }]);
    expect(received(cs, 'ClearChargingProfile')).toHaveLength(2);

    const put = await hub.ocpiHttp('PUT', `/chargingprofiles/${sessionId}`, '');
    const emptyObject = await hub.ocpiHttp('PUT', `/chargingprofiles/${sessionId}`, '{}');
    expect(put.status).toBe(emptyObject.status);
    expect(put.json).toMatchObject({
      status_code: 2001,
      status_message: expect.stringMatching(/^Invalid or missing parameters/),
    });
    expect(put.json.status_message).not.toContain('Body cannot be empty');
    expect(received(cs, 'SetChargingProfile')).toEqual([]);
    // A body that is not JSON is still refused as such.
    const broken = await hub.ocpiHttp('PUT', `/chargingprofiles/${sessionId}`, '{');
    expect(broken).toMatchObject({
      status: 400,
      json: { status_code: 2001, status_message: expect.stringMatching(/not valid JSON/) },
    });
  });
});
