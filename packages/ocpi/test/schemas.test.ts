/** Hand-written schema tests: valid builder objects pass, spec rules reject bad ones. */
import { describe, expect, it } from 'vitest';
import {
  ActiveChargingProfileResult,
  AuthorizationInfo,
  CDR,
  ClientInfo,
  CommandRequestSchemas,
  CommandResponse,
  CommandResult,
  Connector,
  Credentials,
  EVSE,
  Hours,
  Location,
  LocationPatch,
  PublishTokenType,
  parseOcpi,
  Session,
  SessionPatch,
  SetChargingProfile,
  StartSession,
  Tariff,
  Token,
  TokenPatch,
  VersionDetails,
} from '../src/index.js';
import { cdr, clientInfo, connector, credentials, evse, location, session, tariff, token } from './builders.js';

function accepts(schema: Parameters<typeof parseOcpi>[0], value: unknown): void {
  const result = parseOcpi(schema, value);
  if (!result.ok) throw new Error(result.message);
}

function rejects(schema: Parameters<typeof parseOcpi>[0], value: unknown, message: string): void {
  const result = parseOcpi(schema, value);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.message).toContain(message);
}

describe('builder objects are valid', () => {
  it.each([
    ['Location', Location, location()],
    ['EVSE', EVSE, evse()],
    ['Connector', Connector, connector()],
    ['Tariff', Tariff, tariff()],
    ['Token', Token, token()],
    ['Session', Session, session()],
    ['CDR', CDR, cdr()],
    ['Credentials', Credentials, credentials()],
    ['ClientInfo', ClientInfo, clientInfo()],
  ] as const)('%s', (_name, schema, value) => {
    accepts(schema, value);
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });

  it('commands, results and charging profiles', () => {
    const response_url = 'https://msp.example.com/ocpi/commands/START_SESSION/42';
    accepts(StartSession, {
      response_url,
      token: token(),
      location_id: 'LOC-1',
      evse_uid: 'EVSE-1',
      connector_id: '1',
    });
    accepts(CommandRequestSchemas.STOP_SESSION, { response_url, session_id: 'SESSION-1' });
    accepts(CommandRequestSchemas.RESERVE_NOW, {
      response_url,
      token: token(),
      expiry_date: '2024-05-01T12:15:00Z',
      reservation_id: 'R1',
      location_id: 'LOC-1',
    });
    accepts(CommandRequestSchemas.CANCEL_RESERVATION, { response_url, reservation_id: 'R1' });
    accepts(CommandRequestSchemas.UNLOCK_CONNECTOR, {
      response_url,
      location_id: 'L',
      evse_uid: 'E',
      connector_id: '1',
    });
    accepts(CommandResponse, { result: 'ACCEPTED', timeout: 30 });
    accepts(CommandResult, { result: 'EVSE_OCCUPIED', message: [{ language: 'en', text: 'Busy' }] });
    accepts(SetChargingProfile, {
      response_url,
      charging_profile: { charging_rate_unit: 'W', charging_profile_period: [{ start_period: 0, limit: 11000 }] },
    });
    accepts(ActiveChargingProfileResult, {
      result: 'ACCEPTED',
      profile: { start_date_time: '2024-05-01T12:00:00Z', charging_profile: { charging_rate_unit: 'A' } },
    });
    accepts(AuthorizationInfo, { allowed: 'ALLOWED', token: token(), location: { location_id: 'LOC-1' } });
  });

  it('keeps unknown fields (lenient parsing)', () => {
    const value = { ...location(), x_custom: { a: 1 }, evses: [{ ...evse(), vendor_field: true }] };
    const result = parseOcpi(Location, value);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toBe(value);
  });
});

describe('spec rules', () => {
  it('field length limits', () => {
    rejects(Location, location({ id: 'x'.repeat(37) }), '$.id: must be at most 36 characters');
    rejects(Location, location({ party_id: 'ABCD' }), '$.party_id: must be at most 3 characters');
    rejects(CDR, cdr({ id: 'C'.repeat(40) }), '$.id: must be at most 39 characters');
    accepts(CDR, cdr({ id: 'C'.repeat(39) }));
    rejects(Token, token({ issuer: 'i'.repeat(65) }), '$.issuer: must be at most 64 characters');
    // Location.address is string(255) since the bugfix release; CdrLocation keeps string(45).
    accepts(Location, location({ address: 'a'.repeat(255) }));
    rejects(CDR, cdr({ cdr_location: { ...cdr().cdr_location, address: 'a'.repeat(46) } }), 'address');
  });

  it('CiString is printable ASCII; string allows UTF-8', () => {
    rejects(Location, location({ id: 'LOC-ü' }), '$.id: must be printable ASCII only');
    accepts(Location, location({ city: 'Malmö', name: 'Ünïcode ✓' }));
  });

  it('DateTime follows the OCPI profile of RFC 3339', () => {
    for (const ok of [
      '2015-06-29T20:39:09Z',
      '2015-06-29T20:39:09',
      '2016-12-29T17:45:09.2Z',
      '2018-01-01T01:08:01.123',
    ]) {
      accepts(Location, location({ last_updated: ok }));
    }
    for (const bad of [
      '2015-06-29T20:39:09+00:00',
      '2015-06-29 20:39:09Z',
      '1970-1-1T00:00:00Z',
      '2015-13-01T00:00:00Z',
    ]) {
      rejects(Location, location({ last_updated: bad }), '$.last_updated: must be an OCPI DateTime');
    }
  });

  it('last_updated is required on objects and on PATCH bodies', () => {
    const { last_updated: _, ...withoutTimestamp } = token();
    rejects(Token, withoutTimestamp, '$.last_updated: missing required field');
    rejects(TokenPatch, { valid: false }, '$.last_updated: missing required field');
    accepts(TokenPatch, { valid: false, last_updated: '2024-05-01T12:00:00Z' });
    accepts(LocationPatch, { name: 'New name', last_updated: '2024-05-01T12:00:00Z' });
    accepts(SessionPatch, { kwh: 3.5, last_updated: '2024-05-01T12:00:00Z' });
    rejects(SessionPatch, { kwh: 'three', last_updated: '2024-05-01T12:00:00Z' }, '$.kwh: must be number, got string');
  });

  it('enums are closed', () => {
    rejects(EVSE, evse({ status: 'BROKEN' as never }), '$.status: must be one of AVAILABLE, BLOCKED');
    rejects(Connector, connector({ standard: 'TYPE2' as never }), '$.standard: must be one of');
  });

  it('cardinality + requires at least one item', () => {
    rejects(EVSE, evse({ connectors: [] }), '$.connectors: must have at least 1 item(s)');
    rejects(Tariff, tariff({ elements: [] }), '$.elements: must have at least 1 item(s)');
    rejects(Credentials, credentials({ roles: [] }), '$.roles: must have at least 1 item(s)');
  });

  it('coordinates and times of day follow the spec regexes', () => {
    rejects(Location, location({ coordinates: { latitude: '52.1', longitude: '5.110278' } }), '$.coordinates.latitude');
    rejects(
      Hours,
      { twentyfourseven: false, regular_hours: [{ weekday: 1, period_begin: '24:00', period_end: '08:00' }] },
      'HH:MM',
    );
    rejects(
      Hours,
      { twentyfourseven: false, regular_hours: [{ weekday: 8, period_begin: '07:00', period_end: '08:00' }] },
      '$.regular_hours[0].weekday: must be <= 7',
    );
  });

  it('Hours needs regular_hours unless twentyfourseven', () => {
    accepts(Hours, { twentyfourseven: true });
    rejects(
      Hours,
      { twentyfourseven: false },
      'regular_hours must be present and non-empty when twentyfourseven is false',
    );
    rejects(Hours, { twentyfourseven: false, regular_hours: [] }, 'regular_hours');
  });

  it('PublishTokenType rules', () => {
    accepts(PublishTokenType, { uid: 'X', type: 'RFID' });
    accepts(PublishTokenType, { group_id: 'G' });
    rejects(PublishTokenType, { issuer: 'Someone' }, '$: must contain at least one of uid, visual_number, group_id');
    rejects(PublishTokenType, { uid: 'X' }, '$: type required when uid is set');
    rejects(PublishTokenType, { visual_number: '123' }, '$: issuer required when visual_number is set');
  });

  it('a Credit CDR needs credit_reference_id', () => {
    accepts(CDR, cdr({ credit: false }));
    rejects(CDR, cdr({ credit: true }), 'credit_reference_id must be present and non-empty when credit is true');
    accepts(CDR, cdr({ id: 'CDR-1-C', credit: true, credit_reference_id: 'CDR-1' }));
  });

  it('StartSession needs evse_uid with connector_id', () => {
    const base = { response_url: 'https://e.example/r', token: token(), location_id: 'L' };
    rejects(StartSession, { ...base, connector_id: '1' }, 'evse_uid required when connector_id is set');
  });

  it('credentials token is printable ASCII without spaces, at most 64', () => {
    rejects(Credentials, credentials({ token: 'has space' }), '$.token: must be printable ASCII without spaces');
    rejects(Credentials, credentials({ token: 't'.repeat(65) }), '$.token: must be at most 64 characters');
  });

  it('Endpoint accepts custom module ids; versions list accepts future versions', () => {
    accepts(VersionDetails, {
      version: '2.2.1',
      endpoints: [{ identifier: 'nltnm-tokens', role: 'SENDER', url: 'https://x.example/t' }],
    });
  });
});
