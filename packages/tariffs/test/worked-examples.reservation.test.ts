/**
 * Reservation examples of mod_tariffs (reservation price, reservation fee, expiry fee, expiry
 * time), as our own tariffs and sessions. A reservation is a leading period with
 * RESERVATION_TIME; "expired" means the session consists of reservation periods only.
 */
import { describe, expect, it } from 'vitest';
import { priceSession } from '../src/index.js';
import { d, el, pc, period, plusMinutes, session, tariff } from './helpers/builders.js';
import { expectPrice, expectTotal } from './helpers/expectations.js';

const START = '2024-05-06T09:00:00Z';
const chargingPart = el([pc('FLAT', 0.5, 20), pc('ENERGY', 0.25, 10)]);

/** Reservation of `minutes` (RESERVATION_TIME `hours`), then 2 h charging 20 kWh. */
function reservedThenCharged(minutes: number, hours: number) {
  const charging = plusMinutes(START, minutes);
  return session(START, plusMinutes(charging, 120), [
    period(START, d.reservation(hours)),
    period(charging, d.energy(20)),
  ]);
}

/** A reservation of `minutes` that expired without charging. */
function expired(minutes: number, hours: number) {
  return session(START, plusMinutes(START, minutes), [period(START, d.reservation(hours))]);
}

describe('reservations (mod_tariffs examples)', () => {
  it('€5/h reservation per minute, 15 min before charging 20 kWh: 1.25 + 0.50 + 5.00 = 6.75 / 7.60', () => {
    const t = tariff([el([pc('TIME', 5, 20, 60)], { reservation: 'RESERVATION' }), chargingPart]);
    const r = priceSession(t, reservedThenCharged(15, 0.25));
    expectTotal(r, 6.75, 7.6);
    expectPrice(r.cdr.total_reservation_cost, 1.25, 1.5);
    expectPrice(r.cdr.total_fixed_cost, 0.5, 0.6);
    expect(r.cdr.total_time).toBe(2); // reservation time is not session time
  });

  it('€2 reservation fee + €5/h per 5 min, 13 min: 2.00 + 1.25 (15 min) + 0.50 + 5.00 = 8.75 / 10.00', () => {
    const t = tariff([el([pc('FLAT', 2, 20), pc('TIME', 5, 20, 300)], { reservation: 'RESERVATION' }), chargingPart]);
    const r = priceSession(t, reservedThenCharged(13, 0.2167));
    expectTotal(r, 8.75, 10);
    // total_reservation_cost includes the reservation's fixed fee (mod_cdrs).
    expectPrice(r.cdr.total_reservation_cost, 3.25, 3.9);
    expectPrice(r.cdr.total_fixed_cost, 0.5, 0.6);
    expect(r.breakdown.filter((l) => l.reservation).map((l) => [l.type, l.billedVolume])).toEqual([
      ['FLAT', '1'],
      ['TIME', '900'],
    ]);
  });

  describe('expiry fee €4 + €2/h per 10 min', () => {
    const t = tariff([
      el([pc('FLAT', 4, 20)], { reservation: 'RESERVATION_EXPIRES' }),
      el([pc('TIME', 2, 20, 600)], { reservation: 'RESERVATION' }),
      chargingPart,
    ]);

    it('used after 22 min: 1.00 (30 min) + 0.50 + 5.00 = 6.50 / 7.30', () => {
      expectTotal(priceSession(t, reservedThenCharged(22, 0.3667)), 6.5, 7.3);
    });

    it('expired after 1 h: 4.00 fee + 2.00 time = 6.00 / 7.20, and no start fee', () => {
      const r = priceSession(t, expired(60, 1));
      expectTotal(r, 6, 7.2);
      expectPrice(r.cdr.total_reservation_cost, 6, 7.2);
      expectPrice(r.cdr.total_fixed_cost, 0, 0);
      expect(r.cdr.total_time).toBe(0);
    });
  });

  describe('€3/h reservation, €6/h when it expires, per 10 min', () => {
    const reservation = el([pc('TIME', 3, 20, 600)], { reservation: 'RESERVATION' });
    const expires = el([pc('TIME', 6, 20, 600)], { reservation: 'RESERVATION_EXPIRES' });

    it('used after 22 min: 1.50 (30 min) + 0.50 + 5.00 = 7.00 / 7.90', () => {
      expectTotal(priceSession(tariff([expires, reservation, chargingPart]), reservedThenCharged(22, 0.3667)), 7, 7.9);
    });

    it('expired after 1.5 h: 9.00 / 10.80, even when the EXPIRES element is listed last', () => {
      expectTotal(priceSession(tariff([expires, reservation, chargingPart]), expired(90, 1.5)), 9, 10.8);
      expectTotal(priceSession(tariff([reservation, expires, chargingPart]), expired(90, 1.5)), 9, 10.8);
    });

    it('reservation_expired can be forced either way', () => {
      const t = tariff([expires, reservation, chargingPart]);
      expectTotal(priceSession(t, { ...expired(90, 1.5), reservation_expired: false }), 4.5, 5.4);
    });
  });
});
