/** Response envelope, status code catalogue and OcpiError. */
import { describe, expect, it } from 'vitest';
import {
  describeStatus,
  isCustomStatus,
  isSuccessStatus,
  OcpiError,
  OcpiResponse,
  OcpiResponseEnvelope,
  OcpiStatus,
  ocpiError,
  ocpiSuccess,
  parseOcpi,
  statusCategory,
  Token,
} from '../src/index.js';
import { token } from './builders.js';

describe('envelope', () => {
  it('ocpiSuccess wraps data with 1000 and a DateTime timestamp', () => {
    const envelope = ocpiSuccess(token());
    expect(envelope.status_code).toBe(1000);
    expect(envelope.data).toEqual(token());
    expect(envelope).not.toHaveProperty('status_message');
    expect(parseOcpi(OcpiResponse(Token), envelope).ok).toBe(true);
  });

  it('ocpiSuccess without data omits the data field', () => {
    const envelope = ocpiSuccess();
    expect(envelope).not.toHaveProperty('data');
    expect(parseOcpi(OcpiResponseEnvelope, envelope).ok).toBe(true);
    expect(ocpiSuccess(undefined, 'Stored').status_message).toBe('Stored');
  });

  it('ocpiError carries code and message, no data', () => {
    const envelope = ocpiError(2001, 'Missing required field: type');
    expect(envelope).toMatchObject({ status_code: 2001, status_message: 'Missing required field: type' });
    expect(envelope).not.toHaveProperty('data');
    expect(ocpiError(3002).status_message).toBe('Unsupported version');
  });

  it('the envelope schema requires status_code and timestamp', () => {
    const result = parseOcpi(OcpiResponseEnvelope, { data: [] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toBe('$.status_code: missing required field; $.timestamp: missing required field');
  });
});

describe('status codes', () => {
  it('has the spec catalogue as named constants', () => {
    expect(Object.values(OcpiStatus)).toEqual([
      1000, 2000, 2001, 2002, 2003, 2004, 3000, 3001, 3002, 3003, 4000, 4001, 4002, 4003,
    ]);
    expect(OcpiStatus.UNKNOWN_TOKEN).toBe(2004);
    expect(OcpiStatus.TIMEOUT_ON_FORWARDED_REQUEST).toBe(4002);
  });

  it('classifies ranges, including custom ones', () => {
    expect(statusCategory(1000)).toBe('success');
    expect(statusCategory(1901)).toBe('success');
    expect(statusCategory(2003)).toBe('client_error');
    expect(statusCategory(3999)).toBe('server_error');
    expect(statusCategory(4001)).toBe('hub_error');
    expect(statusCategory(5000)).toBeUndefined();
    expect(statusCategory(200)).toBeUndefined();
    expect(isSuccessStatus(1000)).toBe(true);
    expect(isSuccessStatus(2000)).toBe(false);
    expect(isCustomStatus(2901)).toBe(true);
    expect(isCustomStatus(2001)).toBe(false);
    expect(describeStatus(4003)).toBe('Connection problem');
    expect(describeStatus(3950)).toBe('Custom server error');
  });
});

describe('OcpiError', () => {
  it('defaults to HTTP 200: the request reached the OCPI layer', () => {
    const error = new OcpiError(2001, 'bad field');
    expect(error.httpStatus).toBe(200);
    expect(error.toResponse()).toMatchObject({ status_code: 2001, status_message: 'bad field' });
    expect(error).toBeInstanceOf(Error);
    expect(new OcpiError(3000).message).toBe('Generic server error');
  });

  it('factories carry the HTTP status the spec asks for', () => {
    expect(OcpiError.unauthorized()).toMatchObject({ statusCode: 2000, httpStatus: 401 });
    expect(OcpiError.badRequest()).toMatchObject({ statusCode: 2000, httpStatus: 400 });
    expect(OcpiError.notFound()).toMatchObject({ statusCode: 2000, httpStatus: 404 });
    expect(OcpiError.methodNotAllowed()).toMatchObject({ statusCode: 2000, httpStatus: 405 });
    expect(OcpiError.invalidParameters()).toMatchObject({ statusCode: 2001, httpStatus: 200 });
    expect(OcpiError.notEnoughInformation()).toMatchObject({ statusCode: 2002, httpStatus: 200 });
    expect(OcpiError.unknownLocation()).toMatchObject({ statusCode: 2003, httpStatus: 404 });
    expect(OcpiError.unknownLocation('in START_SESSION', 200)).toMatchObject({ statusCode: 2003, httpStatus: 200 });
    expect(OcpiError.unknownToken()).toMatchObject({ statusCode: 2004, httpStatus: 404 });
    expect(OcpiError.internal()).toMatchObject({ statusCode: 3000, httpStatus: 500 });
  });

  it('from() keeps OcpiErrors and hides other errors', () => {
    const known = OcpiError.unknownToken();
    expect(OcpiError.from(known)).toBe(known);
    const hidden = OcpiError.from(new Error('db password wrong'));
    expect(hidden).toMatchObject({ statusCode: 3000, httpStatus: 500 });
    expect(hidden.message).not.toContain('password');
  });

  it('can carry data for the error envelope', () => {
    const error = OcpiError.invalidParameters('nope', { field: 'type' });
    expect(error.toResponse()).toMatchObject({ status_code: 2001, data: { field: 'type' } });
  });
});
