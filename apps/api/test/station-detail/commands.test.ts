/**
 * Station detail API, commands: asynchronous commands against a real gateway and strict
 * ocpp-rpc stations (ACCEPTED, REJECTED, TIMEOUT, OFFLINE with why, FAILED), the configuration
 * read, the synchronous /calls, the command list and the frame log they leave; and the command
 * catalog of each station's OCPP version, with its hand-written examples.
 */
import { getSchema, type OcppVersion, validatePayload } from '@chargebridge/ocpp';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandExample } from '../../src/admin/commands/command-examples.js';
import { startedForFile } from '../support/started-for-file.js';
import { connectCommandStations, type Json, startStationDetailHub, waitFor } from './station-detail.fixture.js';

const hub = startedForFile(startStationDetailHub);

/** Queues a command (202) and waits until it has ended. */
async function command(identity: string, body: object) {
  const res = await hub.post(`/stations/${identity}/commands`, body);
  expect(res.statusCode).toBe(202);
  expect(res.json().state).toBe('queued');
  const id = res.json().id as string;
  const final = await waitFor(
    async () => (await hub.get(`/commands/${id}`)).json(),
    (c) => !['queued', 'sent'].includes(c.state),
  );
  return final;
}

describe('asynchronous commands against a real gateway', () => {
  beforeAll(async () => {
    await connectCommandStations(hub, ({ cs16, cs201 }) => {
      cs16.handle('GetConfiguration', async () => ({
        configurationKey: [
          { key: 'HeartbeatInterval', readonly: false, value: '300' },
          { key: 'NumberOfConnectors', readonly: true, value: '2' },
        ],
      }));
      cs16.handle('Reset', () => new Promise(() => {})); // never answers
      cs16.handle('RemoteStartTransaction', async () => ({ status: 'Accepted' }));
      cs201.handle('RequestStartTransaction', async () => ({
        status: 'Rejected',
        statusInfo: { reasonCode: 'NoConnector', additionalInfo: 'EVSE 1 is out of order' },
      }));
    });
  });

  it('ACCEPTED: answers 202 at once, then records the answer; a configuration read fills the configuration view', async () => {
    const done = await command('CMD-16', { action: 'GetConfiguration', payload: {} });
    expect(done).toMatchObject({
      identity: 'CMD-16',
      action: 'GetConfiguration',
      origin: 'admin',
      state: 'accepted',
      error: null,
      response: { configurationKey: [{ key: 'HeartbeatInterval', value: '300' }, { key: 'NumberOfConnectors' }] },
    });
    expect(done.deadline_at).not.toBeNull();
    const config = (await hub.get('/stations/CMD-16/configuration')).json();
    expect(config.protocol).toBe('1.6');
    expect(config.variables.map((v: Json) => [v.component, v.variable, v.value, v.readonly])).toEqual([
      ['Configuration', 'HeartbeatInterval', '300', false],
      ['Configuration', 'NumberOfConnectors', '2', true],
    ]);
    expect((await command('CMD-16', { action: 'RemoteStartTransaction', payload: { idTag: 'CARD' } })).state).toBe(
      'accepted',
    );
  });

  it('REJECTED: a Rejected status keeps the raw answer and says why', async () => {
    const done = await command('CMD-201', {
      action: 'RequestStartTransaction',
      payload: { idToken: { idToken: 'CARD', type: 'ISO14443' }, remoteStartId: 7, evseId: 1 },
    });
    expect(done.state).toBe('rejected');
    expect(done.response).toEqual({
      status: 'Rejected',
      statusInfo: { reasonCode: 'NoConnector', additionalInfo: 'EVSE 1 is out of order' },
    });
    expect(done.error).toBe('status Rejected (NoConnector: EVSE 1 is out of order)');
  });

  it('TIMEOUT: a silent station ends the command in timeout', async () => {
    const done = await command('CMD-16', { action: 'Reset', payload: { type: 'Soft' }, timeout_ms: 300 });
    expect(done.state).toBe('timeout');
    expect(done.error).toMatch(/did not answer Reset within 300 ms/);
  });

  it('OFFLINE: says whether the station never connected or since when it is offline', async () => {
    const never = await command('CMD-NEVER', { action: 'Reset', payload: { type: 'Soft' } });
    expect([never.state, never.error]).toEqual(['offline', 'station CMD-NEVER has never connected']);
    const gone = await command('CMD-GONE', { action: 'Reset', payload: { type: 'Soft' } });
    expect(gone.state).toBe('offline');
    const lastSeen = (await hub.repos.stations.findByIdentity('CMD-GONE'))!.last_seen_at!;
    expect(gone.error).toBe(`station CMD-GONE is offline since ${lastSeen.toISOString()}`);
  });

  it('FAILED: a CALLERROR ends the command failed with its code', async () => {
    const done = await command('CMD-16', { action: 'ClearCache', payload: {} });
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/NotImplemented/);
    expect(done.response).toMatchObject({ errorCode: 'NotImplemented' });
  });

  it('400 at once for an action or payload the station version does not take; 404 unknown station', async () => {
    const wrongVersion = await hub.post('/stations/CMD-16/commands', {
      action: 'RequestStartTransaction',
      payload: {},
    });
    expect([wrongVersion.statusCode, wrongVersion.json().error]).toEqual([400, 'call_invalid']);
    expect(wrongVersion.json().message).toMatch(/not an OCPP 1.6 command/);
    const badPayload = await hub.post('/stations/CMD-201/commands', {
      action: 'RequestStartTransaction',
      payload: { remoteStartId: 'x' },
    });
    expect([badPayload.statusCode, badPayload.json().error]).toEqual([400, 'call_invalid']);
    const stationSide = await hub.post('/stations/CMD-16/commands', { action: 'Heartbeat', payload: {} });
    expect(stationSide.statusCode).toBe(400);
    expect(
      (await hub.post('/stations/NOBODY/commands', { action: 'Reset', payload: { type: 'Soft' } })).statusCode,
    ).toBe(404);
  });

  it('the synchronous /calls records a Rejected answer as rejected (HTTP contract unchanged)', async () => {
    const res = await hub.post('/stations/CMD-201/calls', {
      action: 'RequestStartTransaction',
      payload: { idToken: { idToken: 'CARD', type: 'ISO14443' }, remoteStartId: 8 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().response.status).toBe('Rejected');
    const latest = (await hub.get('/commands?station=CMD-201&limit=1')).json().items[0];
    expect([latest.action, latest.state, latest.payload.remoteStartId]).toEqual([
      'RequestStartTransaction',
      'rejected',
      8,
    ]);
  });

  it('GET /commands lists newest first, filters by station and state, pages with next_before', async () => {
    const all = (await hub.get('/commands?station=CMD-16')).json();
    expect(all.items.map((c: Json) => c.action)).toEqual([
      'ClearCache',
      'Reset',
      'RemoteStartTransaction',
      'GetConfiguration',
    ]);
    expect(all.next_before).toBeNull();
    const first = (await hub.get('/commands?station=CMD-16&limit=3')).json();
    expect(first.items).toHaveLength(3);
    const rest = (
      await hub.get(`/commands?station=CMD-16&limit=3&before=${encodeURIComponent(first.next_before)}`)
    ).json();
    expect(rest.items.map((c: Json) => c.action)).toEqual(['GetConfiguration']);
    const timeouts = (await hub.get('/commands?state=timeout')).json();
    expect(timeouts.items.map((c: Json) => [c.identity, c.action])).toEqual([['CMD-16', 'Reset']]);
    expect((await hub.get('/commands?station=NOBODY')).json().items).toEqual([]);
    expect((await hub.get('/commands/not-a-command')).statusCode).toBe(404);
  });

  it('the frame log of a real station has both directions, each CALL paired with its answer', async () => {
    const page = await waitFor(
      async () => (await hub.get('/stations/CMD-16/frames?action=GetConfiguration')).json(),
      (p) => p.items.length > 0 && p.items[0].paired !== null,
    );
    expect(page.items[0]).toMatchObject({
      direction: 'out',
      message_type_name: 'CALL',
      action: 'GetConfiguration',
      node: 'node-d',
      paired: { message_type_name: 'CALLRESULT', payload: { configurationKey: expect.any(Array) } },
    });
    // The frame log is written in batches: wait for the ClearCache pair like the one above.
    const failed = await waitFor(
      async () => (await hub.get('/stations/CMD-16/frames?action=ClearCache')).json(),
      (p) => p.items.length > 0 && p.items[0].paired !== null,
    );
    expect(failed.items[0].paired).toMatchObject({
      message_type_name: 'CALLERROR',
      payload: { errorCode: 'NotImplemented' },
    });
  });
});

describe('command catalog', () => {
  it("lists the station version's commands, common ones first, with official schemas", async () => {
    const c16 = (await hub.get('/stations/CMD-16/command-catalog')).json();
    expect(c16.protocol).toBe('1.6');
    const names16 = c16.actions.map((a: Json) => a.action);
    expect(names16.slice(0, 3)).toEqual(['Reset', 'RemoteStartTransaction', 'RemoteStopTransaction']);
    expect(names16).toContain('GetConfiguration');
    expect(names16).not.toContain('RequestStartTransaction');
    expect(names16).not.toContain('Heartbeat');
    const reset = c16.actions.find((a: Json) => a.action === 'Reset');
    expect(reset.fields).toEqual([
      { name: 'type', type: 'string', required: true, enum: ['Hard', 'Soft'], format: null, description: null },
    ]);
    expect(reset.schema).toBeNull();
    const withSchemas = (await hub.get('/stations/CMD-16/command-catalog?schemas=true')).json();
    expect(withSchemas.actions.find((a: Json) => a.action === 'Reset').schema).toEqual(
      getSchema('1.6', 'Reset', 'request'),
    );
    const c201 = (await hub.get('/stations/CMD-201/command-catalog')).json();
    expect(c201.actions.map((a: Json) => a.action)).toContain('RequestStartTransaction');
    expect(c201.actions.map((a: Json) => a.action)).not.toContain('RemoteStartTransaction');
    const never = (await hub.get('/stations/CMD-NEVER/command-catalog')).json();
    expect(never.protocol).toBeNull();
    const unionReset = never.actions.find((a: Json) => a.action === 'Reset');
    expect(unionReset.versions).toEqual(['1.6', '2.0.1', '2.1']);
  });

  it('every hand-written example is a valid request of its version', () => {
    for (const version of ['1.6', '2.0.1', '2.1'] as OcppVersion[]) {
      for (const action of [
        'Reset',
        'RemoteStartTransaction',
        'RemoteStopTransaction',
        'RequestStartTransaction',
        'RequestStopTransaction',
        'UnlockConnector',
        'ChangeAvailability',
        'TriggerMessage',
        'GetConfiguration',
        'GetVariables',
        'ChangeConfiguration',
        'SetVariables',
        'ClearCache',
        'UpdateFirmware',
        'SetChargingProfile',
        'ReserveNow',
        'CancelReservation',
      ]) {
        const example = commandExample(version, action);
        if (!example) continue;
        const check = validatePayload(version, action, 'request', example);
        expect({ version, action, check }).toEqual({ version, action, check: { ok: true } });
      }
    }
  });
});
