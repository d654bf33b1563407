/**
 * Restriction semantics, through the public pricing API with minimal tariffs.
 */
import { describe, expect, it } from 'vitest';
import { priceSession } from '../src/index.js';
import { d, el, pc, period, session, tariff } from './helpers/builders.js';

/** Price per hour: 10 when `restrictions` hold, 1 otherwise (TIME over a 1 h session from `start`). */
function hourlyRate(restrictions: object, start: string, ...dims: ReturnType<typeof d.energy>[]): number {
  const t = tariff([el([pc('TIME', 10)], restrictions as never), el([pc('TIME', 1)])]);
  const end = new Date(Date.parse(start) + 3_600_000).toISOString();
  return priceSession(t, session(start, end, [period(start, ...dims)])).cdr.total_cost.excl_vat;
}

describe('time of day', () => {
  it('start_time inclusive, end_time exclusive', () => {
    expect(hourlyRate({ start_time: '10:00', end_time: '11:00' }, '2024-05-06T10:00:00Z')).toBe(10);
    expect(hourlyRate({ start_time: '10:00', end_time: '11:00' }, '2024-05-06T11:00:00Z')).toBe(1);
    expect(hourlyRate({ start_time: '10:00', end_time: '10:30' }, '2024-05-06T10:00:00Z')).toBe(5.5);
  });

  it('only start_time runs to midnight, only end_time runs from midnight, 00:00 as end is 24:00', () => {
    expect(hourlyRate({ start_time: '23:30' }, '2024-05-06T23:00:00Z')).toBe(5.5);
    expect(hourlyRate({ end_time: '00:30' }, '2024-05-06T23:30:00Z')).toBe(5.5);
    expect(hourlyRate({ start_time: '23:00', end_time: '00:00' }, '2024-05-06T23:30:00Z')).toBe(5.5);
  });

  it('start_time equal to end_time covers the whole day (with a validation warning)', () => {
    expect(hourlyRate({ start_time: '08:00', end_time: '08:00' }, '2024-05-06T03:00:00Z')).toBe(10);
  });

  it('a wrapping range is evaluated per instant, independently of day_of_week', () => {
    // Friday 22:00-06:00 does not extend into Saturday 02:00: at that instant the weekday is Saturday.
    const friNight = { start_time: '22:00', end_time: '06:00', day_of_week: ['FRIDAY'] };
    expect(hourlyRate(friNight, '2024-05-10T23:00:00Z')).toBe(10); // Friday 23:00
    expect(hourlyRate(friNight, '2024-05-11T02:00:00Z')).toBe(1); // Saturday 02:00
  });
});

describe('dates', () => {
  it('start_date inclusive, end_date exclusive, in local days', () => {
    const winter = { start_date: '2024-12-24', end_date: '2024-12-26' };
    expect(hourlyRate(winter, '2024-12-24T00:00:00Z')).toBe(10);
    expect(hourlyRate(winter, '2024-12-25T23:00:00Z')).toBe(10);
    expect(hourlyRate(winter, '2024-12-26T00:00:00Z')).toBe(1);
    expect(hourlyRate(winter, '2024-12-23T23:30:00Z')).toBe(5.5);
  });
});

describe('current and power', () => {
  it('min_current uses MIN_CURRENT, max_current uses MAX_CURRENT', () => {
    expect(hourlyRate({ min_current: 16 }, '2024-05-06T10:00:00Z', d.minCurrent(16), d.maxCurrent(32))).toBe(10);
    expect(hourlyRate({ min_current: 16 }, '2024-05-06T10:00:00Z', d.minCurrent(10), d.maxCurrent(32))).toBe(1);
    expect(hourlyRate({ max_current: 16 }, '2024-05-06T10:00:00Z', d.minCurrent(10), d.maxCurrent(16))).toBe(1);
    expect(hourlyRate({ max_current: 16 }, '2024-05-06T10:00:00Z', d.maxCurrent(15.9))).toBe(10);
  });

  it('falls back to the average CURRENT, and fails without any reading', () => {
    const avg = { type: 'CURRENT' as const, volume: 20 };
    expect(hourlyRate({ min_current: 16, max_current: 32 }, '2024-05-06T10:00:00Z', avg)).toBe(10);
    expect(hourlyRate({ min_current: 16 }, '2024-05-06T10:00:00Z')).toBe(1);
    expect(hourlyRate({ max_current: 16 }, '2024-05-06T10:00:00Z')).toBe(1);
  });

  it('min_power/max_power fall back to the average power of the period', () => {
    // 11 kWh in 1 h = 11 kW.
    expect(hourlyRate({ min_power: 11 }, '2024-05-06T10:00:00Z', d.energy(11))).toBe(10);
    expect(hourlyRate({ max_power: 11 }, '2024-05-06T10:00:00Z', d.energy(11))).toBe(1);
  });

  it('a parking period without readings counts as 0 A', () => {
    const t = tariff([el([pc('PARKING_TIME', 1)], { max_current: 1 }), el([pc('PARKING_TIME', 9)])]);
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T11:00:00Z', [period('2024-05-06T10:00:00Z', d.parking(1))]),
    );
    expect(r.cdr.total_parking_cost.excl_vat).toBe(1);
  });
});

describe('duration', () => {
  it('min_duration is inclusive and counts from the session start', () => {
    const t = tariff([el([pc('TIME', 10)], { min_duration: 1800 }), el([pc('TIME', 1)])]);
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T11:00:00Z', [period('2024-05-06T10:00:00Z')]),
    );
    expect(r.cdr.total_cost.excl_vat).toBe(5.5);
    expect(r.chargingPeriods.map((p) => p.start_date_time)).toEqual(['2024-05-06T10:00:00Z', '2024-05-06T10:30:00Z']);
  });

  it('after a reservation, it counts from the first charging period', () => {
    const t = tariff([
      el([pc('TIME', 1)], { reservation: 'RESERVATION' }),
      el([pc('TIME', 10)], { max_duration: 1800 }),
      el([pc('TIME', 1)]),
    ]);
    const r = priceSession(
      t,
      session('2024-05-06T09:00:00Z', '2024-05-06T11:00:00Z', [
        period('2024-05-06T09:00:00Z', d.reservation(1)),
        period('2024-05-06T10:00:00Z'),
      ]),
    );
    // Reservation 1 h × 1 + 30 min × 10 + 30 min × 1.
    expect(r.cdr.total_cost.excl_vat).toBe(6.5);
  });
});
