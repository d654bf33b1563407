/**
 * Running-cost estimate of an active session: priced as if it ended "now", without step_size.
 */
import { describe, expect, it } from 'vitest';
import { estimateRunningCost, type PricingSession, priceSession, TariffInputError } from '../src/index.js';
import { d, el, pc, period, tariff } from './helpers/builders.js';
import { expectTotal } from './helpers/expectations.js';

const t = tariff([el([pc('FLAT', 0.5), pc('ENERGY', 0.3, undefined, 1000), pc('TIME', 1.2, undefined, 900)])], {
  min_price: { excl_vat: 1 },
});

function active(periods = [period('2024-05-06T10:00:00Z', d.energy(3.5))]): PricingSession {
  return { start_date_time: '2024-05-06T10:00:00Z', charging_periods: periods, time_zone: 'Europe/Amsterdam' };
}

describe('estimateRunningCost', () => {
  it('prices the periods so far up to now, without step_size', () => {
    const r = estimateRunningCost(t, active(), '2024-05-06T10:50:00Z');
    // 0.50 + 3.5 kWh × 0.30 + 50 min × 1.20/h = 0.50 + 1.05 + 1.00.
    expectTotal(r, 2.55, 2.55);
    expect(r.estimate).toBe(true);
    // The final bill for the same session would round to 4 kWh and 60 min.
    const final = priceSession(t, { ...active(), end_date_time: '2024-05-06T10:50:00Z' });
    expectTotal(final, 2.9, 2.9);
  });

  it('never decreases as time passes', () => {
    let previous = -1;
    for (let minute = 0; minute <= 180; minute += 7) {
      const now = Date.parse('2024-05-06T10:00:00Z') + minute * 60_000;
      const cost = estimateRunningCost(t, active(), now).cdr.total_cost.excl_vat;
      expect(cost).toBeGreaterThanOrEqual(previous);
      previous = cost;
    }
  });

  it('applies FLAT and min_price from the first moment, also without any period yet', () => {
    const r = estimateRunningCost(t, active([]), new Date('2024-05-06T10:00:00Z'));
    expectTotal(r, 1, 1);
    expect(r.breakdown.map((l) => l.type)).toEqual(['FLAT', 'MIN_PRICE']);
  });

  it('treats a reservation in progress as not (yet) expired', () => {
    const rt = tariff([
      el([pc('FLAT', 4, 20)], { reservation: 'RESERVATION_EXPIRES' }),
      el([pc('TIME', 2, 20, 600)], { reservation: 'RESERVATION' }),
      el([pc('ENERGY', 0.25, 10)]),
    ]);
    const r = estimateRunningCost(
      rt,
      active([period('2024-05-06T10:00:00Z', d.reservation(0.25))]),
      '2024-05-06T10:15:00Z',
    );
    expectTotal(r, 0.5, 0.6); // 15 min × 2/h, no expiry fee
  });

  it('rejects a "now" before the last period start', () => {
    expect(() => estimateRunningCost(t, active(), '2024-05-06T09:00:00Z')).toThrow(
      'now: is before session.start_date_time',
    );
    const two = active([period('2024-05-06T10:00:00Z'), period('2024-05-06T11:00:00Z')]);
    expect(() => estimateRunningCost(t, two, '2024-05-06T10:30:00Z')).toThrow(
      'session.charging_periods[1].start_date_time: is after the session now',
    );
    expect(() => estimateRunningCost(t, active(), 'soon')).toThrow(TariffInputError);
  });
});
