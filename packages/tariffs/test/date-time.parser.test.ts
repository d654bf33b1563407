/**
 * OCPI DateTime parsing (types "DateTime type").
 */
import { describe, expect, it } from 'vitest';
import { formatDateTime, parseDateTime } from '../src/index.js';

describe('parseDateTime', () => {
  it.each([
    ['2015-06-29T20:39:09Z', '2015-06-29T20:39:09.000Z'],
    ['2015-06-29T20:39:09', '2015-06-29T20:39:09.000Z'], // no designator = UTC
    ['2016-12-29T17:45:09.2Z', '2016-12-29T17:45:09.200Z'],
    ['2016-12-29T17:45:09.2', '2016-12-29T17:45:09.200Z'],
    ['2018-01-01T01:08:01.123Z', '2018-01-01T01:08:01.123Z'],
    ['2018-01-01T01:08:01.123456Z', '2018-01-01T01:08:01.123Z'], // truncated to ms
    ['2024-03-31T03:30:00+02:00', '2024-03-31T01:30:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
  ])('accepts %s', (input, iso) => {
    expect(new Date(parseDateTime(input) as number).toISOString()).toBe(iso);
  });

  it.each([
    '2015-06-29',
    '2015-06-29 20:39:09Z',
    '2015-6-29T20:39:09Z',
    '2023-02-29T00:00:00Z',
    '2015-06-31T00:00:00Z',
    '2015-06-29T24:00:00Z',
    '2015-06-29T23:60:00Z',
    '2015-06-29T23:59:60Z',
    '2015-06-29T23:59:59+25:00',
    '1435610349000',
    '',
  ])('rejects %j', (input) => {
    expect(parseDateTime(input)).toBeUndefined();
  });

  it('rejects non-strings', () => {
    expect(parseDateTime(1435610349000)).toBeUndefined();
    expect(parseDateTime(null)).toBeUndefined();
  });

  it('formats UTC with Z and milliseconds only when needed', () => {
    expect(formatDateTime(Date.parse('2015-06-29T20:39:09Z'))).toBe('2015-06-29T20:39:09Z');
    expect(formatDateTime(Date.parse('2015-06-29T20:39:09.25Z'))).toBe('2015-06-29T20:39:09.250Z');
  });
});
