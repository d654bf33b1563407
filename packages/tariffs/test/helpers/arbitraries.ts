/**
 * fast-check generators of valid tariffs and sessions. Volumes use the precision real CDRs carry
 * (kWh as whole Wh, hours with 4 decimals), so inputs are exact decimals.
 */
import fc from 'fast-check';
import type {
  OcpiCdrDimension,
  OcpiChargingPeriod,
  OcpiPriceComponent,
  OcpiTariff,
  OcpiTariffElement,
  OcpiTariffRestrictions,
  PricingSession,
} from '../../src/index.js';

const price = fc.integer({ min: 0, max: 50_000 }).map((n) => n / 10_000);
const vat = fc.constantFrom(undefined, 0, 5.5, 9, 20, 21);
const hhmm = fc
  .integer({ min: 0, max: 47 })
  .map((h) => `${String(Math.floor(h / 2)).padStart(2, '0')}:${h % 2 ? '30' : '00'}`);
const days = fc.subarray(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const, {
  minLength: 1,
});

function component(type: OcpiPriceComponent['type']): fc.Arbitrary<OcpiPriceComponent> {
  const step =
    type === 'FLAT'
      ? fc.constant(1)
      : type === 'ENERGY'
        ? fc.constantFrom(1, 1, 100, 500)
        : fc.constantFrom(1, 60, 300, 900);
  return fc
    .record({ price, vat, step })
    .map(({ price, vat, step }) =>
      vat === undefined ? { type, price, step_size: step } : { type, price, vat, step_size: step },
    );
}

const components = fc
  .subarray(['FLAT', 'ENERGY', 'TIME', 'PARKING_TIME'] as const, { minLength: 1 })
  .chain((types) => fc.tuple(...types.map(component)));

const range = (max: number) =>
  fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 1, max })).map(([a, b]) => [a, a + b] as const);

const restrictions: fc.Arbitrary<OcpiTariffRestrictions> = fc
  .record(
    {
      time: fc.tuple(hhmm, hhmm),
      day_of_week: days,
      kwh: range(40),
      power: range(50),
      current: range(64),
      duration: range(7200),
    },
    { requiredKeys: [] },
  )
  .map((r) => {
    const out: OcpiTariffRestrictions = {};
    if (r.time) [out.start_time, out.end_time] = r.time;
    if (r.day_of_week) out.day_of_week = [...r.day_of_week];
    if (r.kwh) [out.min_kwh, out.max_kwh] = r.kwh;
    if (r.power) out.max_power = r.power[1];
    if (r.current) out.min_current = r.current[0];
    if (r.duration) [out.min_duration, out.max_duration] = r.duration;
    return out;
  });

const element: fc.Arbitrary<OcpiTariffElement> = fc
  .tuple(components, fc.option(restrictions, { nil: undefined }))
  .map(([price_components, r]) => (r === undefined ? { price_components } : { price_components, restrictions: r }));

const bound = fc.option(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 100 }), fc.boolean()), {
  nil: undefined,
});

/** A valid tariff: 1-4 elements, usually ending in an unrestricted fallback, optional min/max price. */
export const arbTariff: fc.Arbitrary<OcpiTariff> = fc
  .tuple(fc.array(element, { minLength: 1, maxLength: 4 }), fc.boolean(), components, bound, bound)
  .map(([elements, withFallback, fallback, min, max]) => {
    const t: OcpiTariff = {
      country_code: 'NL',
      party_id: 'CBR',
      id: 'P1',
      currency: 'EUR',
      elements: withFallback ? [...elements, { price_components: fallback }] : elements,
      last_updated: '2024-01-01T00:00:00Z',
    };
    // Bounds in cents, built with integer arithmetic so they are exact 2-decimal JSON numbers.
    const cents = (n: number) => n / 100;
    const lo = min === undefined ? 0 : min[0] * 10;
    const loIncl = min === undefined ? 0 : lo + min[1];
    if (min !== undefined)
      t.min_price = min[2] ? { excl_vat: cents(lo), incl_vat: cents(loIncl) } : { excl_vat: cents(lo) };
    if (max !== undefined) {
      const hi = lo + max[0] * 10;
      // Both bounds give incl_vat or neither: a derived incl. bound could otherwise undercut a given one.
      const withIncl = t.min_price === undefined ? max[2] : t.min_price.incl_vat !== undefined;
      t.max_price = withIncl ? { excl_vat: cents(hi), incl_vat: cents(hi + max[1] + loIncl) } : { excl_vat: cents(hi) };
    }
    return t;
  });

/** Period content: charging with energy, parking, or bare; `unit` sizes are multiplied by `n` pieces. */
export interface PeriodSpec {
  kind: 'charge' | 'park' | 'bare';
  /** Duration of one of `n` equal pieces, in seconds. */
  unitSeconds: number;
  /** Energy of one piece in Wh (charge). */
  unitWh: number;
  /** Parking of one piece in 1/10 000 h (park). */
  unitParking: number;
  n: number;
  maxCurrent?: number;
  maxPower?: number;
}

const periodSpec: fc.Arbitrary<PeriodSpec> = fc.record(
  {
    kind: fc.constantFrom('charge', 'charge', 'park', 'bare'),
    unitSeconds: fc.integer({ min: 1, max: 1800 }),
    unitWh: fc.integer({ min: 0, max: 6000 }),
    unitParking: fc.integer({ min: 1, max: 5000 }),
    n: fc.integer({ min: 2, max: 6 }),
    maxCurrent: fc.integer({ min: 6, max: 96 }),
    maxPower: fc.integer({ min: 1, max: 150 }),
  },
  { requiredKeys: ['kind', 'unitSeconds', 'unitWh', 'unitParking', 'n'] },
);

/** A session description: start instant, zone and period specs. */
export interface SessionSpec {
  startMs: number;
  timeZone: string;
  periods: PeriodSpec[];
}

/** Sessions in 2024 (including DST weekends), in zones with odd offsets and DST rules. */
export const arbSessionSpec: fc.Arbitrary<SessionSpec> = fc.record({
  startMs: fc
    .oneof(
      fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2024-12-31T00:00:00Z') }),
      fc.integer({ min: Date.parse('2024-03-30T20:00:00Z'), max: Date.parse('2024-03-31T04:00:00Z') }),
      fc.integer({ min: Date.parse('2024-10-26T20:00:00Z'), max: Date.parse('2024-10-27T04:00:00Z') }),
    )
    .map((ms) => ms - (ms % 1000)),
  timeZone: fc.constantFrom('UTC', 'Europe/Amsterdam', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'),
  periods: fc.array(periodSpec, { minLength: 1, maxLength: 5 }),
});

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function dimensions(p: PeriodSpec, pieces: number): OcpiCdrDimension[] {
  const dims: OcpiCdrDimension[] = [];
  if (p.kind === 'charge') dims.push({ type: 'ENERGY', volume: (p.unitWh * pieces) / 1000 });
  if (p.kind === 'park') dims.push({ type: 'PARKING_TIME', volume: (p.unitParking * pieces) / 10_000 });
  if (p.maxCurrent !== undefined) dims.push({ type: 'MAX_CURRENT', volume: p.maxCurrent });
  if (p.maxPower !== undefined && p.kind === 'charge') dims.push({ type: 'MAX_POWER', volume: p.maxPower });
  return dims;
}

/**
 * Builds the session. With `split = [i, k]`, period i is cut after k of its n pieces into two
 * periods with proportional volumes (same total, same average power).
 */
export function buildSession(spec: SessionSpec, split?: [number, number]): PricingSession {
  const periods: OcpiChargingPeriod[] = [];
  let t = spec.startMs;
  spec.periods.forEach((p, i) => {
    const pieceMs = p.unitSeconds * 1000;
    if (split !== undefined && split[0] === i) {
      const k = split[1];
      periods.push({ start_date_time: iso(t), dimensions: dimensions(p, k) });
      periods.push({ start_date_time: iso(t + k * pieceMs), dimensions: dimensions(p, p.n - k) });
    } else {
      periods.push({ start_date_time: iso(t), dimensions: dimensions(p, p.n) });
    }
    t += p.n * pieceMs;
  });
  return {
    start_date_time: iso(spec.startMs),
    end_date_time: iso(t),
    charging_periods: periods,
    time_zone: spec.timeZone,
  };
}
