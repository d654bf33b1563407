/**
 * Time restrictions across daylight-saving changes in Europe/Amsterdam (mod_tariffs
 * TariffRestrictions: times are Location-local). 2024-03-31 01:00Z: 02:00 CET → 03:00 CEST (the
 * local hour 02:00-03:00 does not exist). 2024-10-27 01:00Z: 03:00 CEST → 02:00 CET (the local
 * hour 02:00-03:00 happens twice).
 */
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../src/datetime/zone-clock.js';
import { priceSession } from '../src/index.js';
import { d, el, pc, period, session, tariff } from './helpers/builders.js';
import { expectTotal } from './helpers/expectations.js';

const AMS = 'Europe/Amsterdam';
/** TIME per hour: 1 at night (23:00-07:00), 3 otherwise. */
const nightTariff = tariff([el([pc('TIME', 1)], { start_time: '23:00', end_time: '07:00' }), el([pc('TIME', 3)])]);
/** TIME per hour: 5 in the local hour 02:00-03:00, 1 otherwise. */
const twoAmTariff = tariff([el([pc('TIME', 5)], { start_time: '02:00', end_time: '03:00' }), el([pc('TIME', 1)])]);

function charging(start: string, end: string) {
  return session(start, end, [period(start)], AMS);
}

describe('ZoneClock', () => {
  const clock = ZoneClock.of(AMS) as ZoneClock;

  it('finds the exact transition instants', () => {
    const spring = clock.offsetSegments(Date.parse('2024-03-30T12:00:00Z'), Date.parse('2024-03-31T12:00:00Z'));
    expect(spring.map((s) => [new Date(s.from).toISOString(), s.offsetMs / 3_600_000])).toEqual([
      ['2024-03-30T12:00:00.000Z', 1],
      ['2024-03-31T01:00:00.000Z', 2],
    ]);
    const fall = clock.offsetSegments(Date.parse('2024-10-26T12:00:00Z'), Date.parse('2024-10-27T12:00:00Z'));
    expect(fall.map((s) => new Date(s.from).toISOString())).toEqual([
      '2024-10-26T12:00:00.000Z',
      '2024-10-27T01:00:00.000Z',
    ]);
  });

  it('lists both occurrences of a repeated local time', () => {
    const a = Date.parse('2024-10-26T22:00:00Z');
    const b = Date.parse('2024-10-27T03:00:00Z');
    const cuts = clock.localBoundaries(a, b, clock.offsetSegments(a, b), [2.5 * 3_600_000]);
    const iso = cuts.map((t) => new Date(t).toISOString());
    expect(iso).toContain('2024-10-27T00:30:00.000Z'); // 02:30 CEST
    expect(iso).toContain('2024-10-27T01:30:00.000Z'); // 02:30 CET
  });

  it('rejects unknown zones', () => {
    expect(ZoneClock.of('Mars/Olympus_Mons')).toBeUndefined();
  });
});

describe('spring forward (2024-03-31)', () => {
  it('a night of 23:00-07:00 is one hour shorter: 7 h night + 1 h day = 10', () => {
    // 23:00 CET (22:00Z) to 08:00 CEST (06:00Z); night ends at 07:00 CEST = 05:00Z.
    expectTotal(priceSession(nightTariff, charging('2024-03-30T22:00:00Z', '2024-03-31T06:00:00Z')), 10, 10);
    // Same local clock times a week earlier, no DST change: 8 h of night.
    expectTotal(priceSession(nightTariff, charging('2024-03-23T22:00:00Z', '2024-03-24T06:00:00Z')), 8, 8);
  });

  it('the skipped hour 02:00-03:00 never matches', () => {
    // 01:00 CET → 04:00 CEST is 2 real hours, none of them in 02:00-03:00.
    expectTotal(priceSession(twoAmTariff, charging('2024-03-31T00:00:00Z', '2024-03-31T02:00:00Z')), 2, 2);
    // A week earlier 01:00-03:00 CET contains the 02:00 hour.
    expectTotal(priceSession(twoAmTariff, charging('2024-03-24T00:00:00Z', '2024-03-24T02:00:00Z')), 6, 6);
  });

  it('17:00 local is 15:00Z after the change (not 16:00Z)', () => {
    const t = tariff([el([pc('ENERGY', 0.45)], { start_time: '17:00' }), el([pc('ENERGY', 0.3)])]);
    const r = priceSession(
      t,
      session('2024-03-31T14:00:00Z', '2024-03-31T16:00:00Z', [period('2024-03-31T14:00:00Z', d.energy(10))], AMS),
    );
    expect(r.chargingPeriods.map((p) => p.start_date_time)).toEqual(['2024-03-31T14:00:00Z', '2024-03-31T15:00:00Z']);
    expectTotal(r, 3.75, 3.75);
  });
});

describe('fall back (2024-10-27)', () => {
  it('the repeated hour 02:00-03:00 matches twice: 1 + 5 + 5 + 1 = 12', () => {
    // 01:00 CEST (23:00Z) to 04:00 CET (03:00Z): 4 real hours, two of them at 02:xx local.
    const r = priceSession(twoAmTariff, charging('2024-10-26T23:00:00Z', '2024-10-27T03:00:00Z'));
    expectTotal(r, 12, 12);
    expect(r.chargingPeriods.map((p) => p.start_date_time)).toEqual([
      '2024-10-26T23:00:00Z',
      '2024-10-27T00:00:00Z',
      '2024-10-27T02:00:00Z',
    ]);
  });

  it('a night of 23:00-07:00 is one hour longer: 9 h at the night price', () => {
    // 23:00 CEST (21:00Z) to 07:00 CET (06:00Z).
    expectTotal(priceSession(nightTariff, charging('2024-10-26T21:00:00Z', '2024-10-27T06:00:00Z')), 9, 9);
  });

  it('day_of_week switches at local midnight, not UTC midnight', () => {
    const t = tariff([el([pc('TIME', 2)], { day_of_week: ['SUNDAY'] }), el([pc('TIME', 1)])]);
    // Saturday 23:00 CEST (21:00Z) → Sunday 01:00 CEST (23:00Z): one Saturday hour, one Sunday hour.
    expectTotal(priceSession(t, charging('2024-10-26T21:00:00Z', '2024-10-26T23:00:00Z')), 3, 3);
  });
});
