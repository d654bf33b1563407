/**
 * Worked examples of mod_tariffs "Examples" priced by time, the complex tariff, and the
 * step_size examples ("switching to different Tariff Element", mod_cdrs step_size paragraph),
 * as our own tariffs and sessions.
 */
import { describe, expect, it } from 'vitest';
import { priceSession } from '../src/index.js';
import { d, el, pc, period, plusMinutes, session, tariff } from './helpers/builders.js';
import { expectPrice, expectTotal } from './helpers/expectations.js';

describe('time tariffs (mod_tariffs examples)', () => {
  it('€2/h per minute: 2.5 h of charging = 5.00 / 5.50', () => {
    const r = priceSession(
      tariff([el([pc('TIME', 2, 10, 60)])]),
      session('2024-05-06T10:00:00Z', '2024-05-06T12:30:00Z', [period('2024-05-06T10:00:00Z')]),
    );
    expectTotal(r, 5, 5.5);
    expectPrice(r.cdr.total_time_cost, 5, 5.5);
    expect(r.cdr.total_time).toBe(2.5);
  });

  it('€3/h charging + €5/h parking per 5 min: 150 min + 42 min = 7.50 + 3.75 = 11.25 / 12.75', () => {
    const t = tariff([el([pc('TIME', 3, 10, 60), pc('PARKING_TIME', 5, 20, 300)])]);
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T13:12:00Z', [
        period('2024-05-06T10:00:00Z'),
        period('2024-05-06T12:30:00Z', d.parking(0.7)),
      ]),
    );
    expectTotal(r, 11.25, 12.75);
    expectPrice(r.cdr.total_time_cost, 7.5, 8.25);
    expectPrice(r.cdr.total_parking_cost, 3.75, 4.5);
  });

  it('€1.90/h with 5.2 % VAT per 5 min: 2.5 h = 4.75 / 4.997', () => {
    const r = priceSession(
      tariff([el([pc('TIME', 1.9, 5.2, 300)])]),
      session('2024-05-06T10:00:00Z', '2024-05-06T12:30:00Z', [period('2024-05-06T10:00:00Z')]),
    );
    // The spec rounds this to "5.00" incl. VAT; 4.75 × 1.052 = 4.997 exactly.
    expectTotal(r, 4.75, 4.997);
  });
});

describe('complex tariff: start fee, current- and weekday-dependent time, daytime parking', () => {
  const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;
  const complex = tariff([
    el([pc('FLAT', 2.5, 15)]),
    el([pc('TIME', 1, 20, 900)], { max_current: 32 }),
    el([pc('TIME', 2, 20, 600)], { min_current: 32, day_of_week: [...weekdays] }),
    el([pc('TIME', 1.25, 20, 600)], { min_current: 32, day_of_week: ['SATURDAY', 'SUNDAY'] }),
    el([pc('PARKING_TIME', 5, 10, 300)], { start_time: '09:00', end_time: '18:00', day_of_week: [...weekdays] }),
    el([pc('PARKING_TIME', 6, 10, 300)], { start_time: '10:00', end_time: '17:00', day_of_week: ['SATURDAY'] }),
  ]);

  it('Monday 09:30, 165 min at ≤ 16 A, 42 min parked: 2.50 + 2.75 + 3.75 = 9.00 / 10.30', () => {
    // 2024-06-03 is a Monday; 09:30 CEST = 07:30Z.
    const start = '2024-06-03T07:30:00Z';
    const parked = plusMinutes(start, 165);
    const r = priceSession(
      complex,
      session(
        start,
        plusMinutes(parked, 42),
        [period(start, d.energy(20), d.maxCurrent(16)), period(parked, d.parking(0.7))],
        'Europe/Amsterdam',
      ),
    );
    expectTotal(r, 9, 10.3);
    expectPrice(r.cdr.total_fixed_cost, 2.5, 2.875);
    expectPrice(r.cdr.total_time_cost, 2.75, 3.3);
    expectPrice(r.cdr.total_parking_cost, 3.75, 4.125);
    // 42 min of parking is rounded to 45 min; the charging time (followed by parking) is not rounded.
    expect(r.breakdown.map((l) => [l.type, l.elementIndex, l.billedVolume])).toEqual([
      ['FLAT', 0, '1'],
      ['TIME', 1, '9900'],
      ['PARKING_TIME', 4, '2700'],
    ]);
  });

  it('Saturday 13:30, 114 min at ≥ 43 A, 71 min parked: 2.50 + 2.375 + 7.50 = 12.375 / 13.975', () => {
    // The spec's table prices the 114 min at 2.28, which is 1.20/h; 1.9 h × 1.25 = 2.375.
    const start = '2024-06-08T11:30:00Z'; // Saturday 13:30 CEST
    const parked = plusMinutes(start, 114);
    const r = priceSession(
      complex,
      session(
        start,
        plusMinutes(parked, 71),
        [period(start, d.minCurrent(43)), period(parked, d.parking(1.1833))],
        'Europe/Amsterdam',
      ),
    );
    expectTotal(r, 12.375, 13.975);
    expectPrice(r.cdr.total_time_cost, 2.375, 2.85);
    expectPrice(r.cdr.total_parking_cost, 7.5, 8.25);
  });
});

describe('step_size when switching tariff elements (mod_tariffs "Example Tariff", no VAT)', () => {
  const stepTariff = tariff([
    el([pc('TIME', 1.2, undefined, 1800), pc('PARKING_TIME', 1, undefined, 900)], {
      start_time: '00:00',
      end_time: '17:00',
    }),
    el([pc('TIME', 2.4, undefined, 900), pc('PARKING_TIME', 1, undefined, 900)], {
      start_time: '17:00',
      end_time: '20:00',
    }),
    el([pc('TIME', 2.4, undefined, 900)], { start_time: '20:00', end_time: '00:00' }),
  ]);
  /** Local winter time in Amsterdam is UTC+1: local hh:mm on 2024-01-15 as a UTC instant. */
  const local = (hhmm: string) => plusMinutes(`2024-01-15T${hhmm}:00Z`, -60);

  it('#1 plug in 16:55, charge 10 min, park 2 min: 0.10 + 0.20 + 0.25 (15 min parking) = 0.55', () => {
    const r = priceSession(
      stepTariff,
      session(
        local('16:55'),
        local('17:07'),
        [period(local('16:55')), period(local('17:05'), d.parking(0.0333))],
        'Europe/Amsterdam',
      ),
    );
    expectTotal(r, 0.55, 0.55);
    expect(r.breakdown.map((l) => [l.type, l.elementIndex, l.billedVolume, l.exclVat])).toEqual([
      ['TIME', 0, '300', '0.1'],
      ['TIME', 1, '300', '0.2'],
      ['PARKING_TIME', 1, '900', '0.25'],
    ]);
    expect(r.chargingPeriods.map((p) => p.start_date_time)).toEqual([local('16:55'), local('17:00'), local('17:05')]);
  });

  it('#2 plug in 16:35, charge 35 min: 35 → 45 min total, 20 min billed after 17:00: 0.50 + 0.80 = 1.30', () => {
    const r = priceSession(
      stepTariff,
      session(local('16:35'), local('17:10'), [period(local('16:35'))], 'Europe/Amsterdam'),
    );
    expectTotal(r, 1.3, 1.3);
    expect(r.breakdown.map((l) => l.billedVolume)).toEqual(['1500', '1200']);
  });

  it('#3 plug in 19:40, charge 12 min, park 20 min (free after 20:00): 0.48 + 0.25 = 0.73', () => {
    const r = priceSession(
      stepTariff,
      session(
        local('19:40'),
        local('20:12'),
        [period(local('19:40')), period(local('19:52'), d.parking(0.3333))],
        'Europe/Amsterdam',
      ),
    );
    // 8 billable parking minutes before 20:00 are rounded up to 15; parking after 20:00 is free.
    expectTotal(r, 0.73, 0.73);
    expect(r.breakdown.map((l) => [l.type, l.exclVat])).toEqual([
      ['TIME', '0.48'],
      ['PARKING_TIME', '0.25'],
    ]);
  });
});

describe('step_size over TIME and PARKING_TIME (mod_cdrs step_size paragraph)', () => {
  it('rounds the session total of time: 6 min @5/h + 22 min @7/h with 10 min steps = 0.50 + 2.80', () => {
    const t = tariff([el([pc('TIME', 5, undefined, 600)], { end_time: '17:00' }), el([pc('TIME', 7, undefined, 600)])]);
    // One period across 17:00: the engine splits it (6 + 22 min), then bills 28 → 30 min.
    const r = priceSession(
      t,
      session('2024-05-06T16:54:00Z', '2024-05-06T17:22:00Z', [period('2024-05-06T16:54:00Z')]),
    );
    expectTotal(r, 3.3, 3.3);
    expect(r.breakdown.map((l) => l.billedVolume)).toEqual(['360', '1440']);
  });

  it('does not round charging time followed by parking: 21 min + 7 min with 5 min steps → 21 + 10 min', () => {
    const t = tariff([el([pc('TIME', 1, undefined, 300), pc('PARKING_TIME', 2, undefined, 300)])]);
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T10:28:00Z', [
        period('2024-05-06T10:00:00Z'),
        period('2024-05-06T10:21:00Z', d.parking(0.1167)),
      ]),
    );
    expect(r.breakdown.map((l) => l.billedVolume)).toEqual(['1260', '600']);
    expectTotal(r, 0.6833, 0.6833); // 0.35 + 0.3333…
  });

  it('charging 21 min @1/h + parking 16 min @2/h with 10 min steps = 0.35 + 0.6667', () => {
    const t = tariff([el([pc('TIME', 1, undefined, 600), pc('PARKING_TIME', 2, undefined, 600)])]);
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T10:37:00Z', [
        period('2024-05-06T10:00:00Z'),
        period('2024-05-06T10:21:00Z', d.parking(0.2667)),
      ]),
    );
    expectTotal(r, 1.0167, 1.0167);
  });
});
