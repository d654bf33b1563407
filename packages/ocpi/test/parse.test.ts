/** parseOcpi messages name the JSON path of each problem. */
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { jsonPath, Location, OcpiError, parseOcpi, parseOcpiOrThrow, Tariff } from '../src/index.js';
import { location, tariff } from './builders.js';

describe('parseOcpi', () => {
  it('returns the value itself on success', () => {
    const value = location();
    expect(parseOcpi(Location, value)).toEqual({ ok: true, value });
  });

  it('names nested paths with array indexes', () => {
    const value = location();
    (value.evses?.[0]?.connectors[0] as Record<string, unknown>).power_type = 'AC';
    const result = parseOcpi(Location, value);
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('$.evses[0].connectors[0].power_type: must be one of AC_1_PHASE'),
    });
  });

  it('reports wrong types with what was received', () => {
    expect(parseOcpi(Location, null)).toEqual({ ok: false, message: '$: must be object, got null' });
    const result = parseOcpi(Tariff, tariff({ currency: 978 as never }));
    expect(result).toEqual({ ok: false, message: '$.currency: must be string, got integer' });
  });

  it('limits the number of problems listed', () => {
    const result = parseOcpi(Tariff, {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.split('; ')).toHaveLength(3);
      expect(result.message).toMatch(/\(and \d+ more\)$/);
    }
    const all = parseOcpi(Tariff, {}, { maxProblems: 20 });
    if (!all.ok) expect(all.message).not.toContain('more');
  });

  it('can treat null properties as absent', () => {
    const value = { ...location(), name: null, postal_code: null };
    expect(parseOcpi(Location, value).ok).toBe(false);
    const lenient = parseOcpi(Location, value, { nullAsAbsent: true });
    expect(lenient.ok).toBe(true);
    if (lenient.ok) expect(lenient.value).not.toHaveProperty('name');
  });

  it('never echoes a credentials token', () => {
    const schema = Type.Object({ token: Type.String({ pattern: '^[\\x21-\\x7E]+$' }) });
    const result = parseOcpi(schema, { token: 'secret value' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain('secret');
  });

  it('parseOcpiOrThrow throws 2001', () => {
    expect(() => parseOcpiOrThrow(Tariff, {})).toThrowError(OcpiError);
    let thrown: unknown;
    try {
      parseOcpiOrThrow(Tariff, { ...tariff(), elements: 'x' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ statusCode: 2001, httpStatus: 200 });
    expect((thrown as Error).message).toContain('$.elements: must be array, got string');
  });

  it('jsonPath formats pointers', () => {
    expect(jsonPath('')).toBe('$');
    expect(jsonPath('/a/0/b')).toBe('$.a[0].b');
    expect(jsonPath('/weird key/x~1y')).toBe('$["weird key"]["x/y"]');
    expect(jsonPath('/a', '$.data')).toBe('$.data.a');
  });
});
