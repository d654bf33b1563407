import { describe, expect, it } from 'vitest';
import {
  CDR_EXPORT_COLUMNS,
  CdrExportInputError,
  csvField,
  csvHeader,
  DecimalSum,
  jsonRecord,
  parseCdrExportQuery,
} from '../src/index.js';

describe('finance export formatting', () => {
  it('quotes CSV fields per RFC 4180 §2 (comma, quote, CR/LF) and leaves the rest bare', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvHeader()).toBe(`${CDR_EXPORT_COLUMNS.map(([c]) => c).join(',')}\r\n`);
  });

  it('writes decimals into JSON from their text, exactly, and never a non-number as a number', () => {
    const row = Object.fromEntries(CDR_EXPORT_COLUMNS.map(([c]) => [c, null])) as never as Record<string, unknown>;
    Object.assign(row, {
      cdr_id: 'X',
      total_cost_excl_vat: '0.1000000000000000055',
      total_energy_kwh: 'NaN',
      credit: false,
    });
    const parsed = JSON.parse(jsonRecord(row as never));
    expect(parsed.total_energy_kwh).toBe('NaN');
    expect(jsonRecord(row as never)).toContain('"total_cost_excl_vat":0.1000000000000000055');
    expect(parsed.credit).toBe(false);
  });

  it('sums decimal texts exactly', () => {
    const sum = new DecimalSum();
    for (let i = 0; i < 10; i++) sum.add('0.1');
    sum.add('-0.3');
    sum.add('12.3456');
    expect(sum.add('abc')).toBe(false);
    expect(sum.toString()).toBe('13.0456');
    const negative = new DecimalSum();
    negative.add('-4.84');
    negative.add('0.04');
    expect(negative.toString()).toBe('-4.8');
  });

  it('reads from/to (from inclusive, to exclusive), party CC-PID and the format', () => {
    const q = parseCdrExportQuery({ from: '2026-03-01', to: '2026-04-01T00:00:00+02:00', party: 'nl-cbh' });
    expect(q.from.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(q.to.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(q.party).toEqual({ country_code: 'NL', party_id: 'CBH' });
    expect(q.format).toBe('csv');
    expect(() => parseCdrExportQuery({ from: '2026-03-01', to: '2026-02-01' })).toThrow(CdrExportInputError);
    expect(() => parseCdrExportQuery({ from: '2026-03-01', to: '2026-04-01', format: 'xml' })).toThrow(/format/);
    expect(() => parseCdrExportQuery({ from: '2026-03-01', to: '2026-04-01', party: 'NLCB' })).toThrow(/CC-PID/);
  });
});
