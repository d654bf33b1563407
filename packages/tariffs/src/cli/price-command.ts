/**
 * `chargebridge tariff price --tariff FILE --cdr FILE [--time-zone TZ]`: re-prices an OCPI CDR
 * with an OCPI tariff and returns the computed CDR cost fields. The CLI wiring (argument parsing,
 * file reading, printing) lives in the hub app; this is the pure part.
 *
 * Time zone, in order: `timeZone` (the `--time-zone` flag); else `cdr.cdr_location.time_zone`
 * (not part of OCPI 2.2.1 CdrLocation, but OCPI 2.1.1 CDRs embedded a full Location that has it,
 * and some platforms still send it); else `UTC`.
 */

import { ZoneClock } from '../datetime/zone-clock.js';
import { TariffInputError } from '../errors.js';
import { priceSession } from '../pricing/session.pricer.js';
import type { CdrCostFields } from '../types/ocpi-cdr.types.js';
import { isRecord, show } from '../validation/issue-collector.js';

/** Input of {@link priceTariffCommand}: file contents (JSON text) or already parsed values. */
export interface PriceTariffCommandInput {
  /** An OCPI Tariff, a list of Tariffs (the first valid at the CDR start applies), or an OCPI response `{ data: … }`. */
  tariffJson: string | unknown;
  /** An OCPI CDR (only `start_date_time`, `end_date_time`, `currency`, `charging_periods` and optionally `cdr_location.time_zone` are read). */
  cdrJson: string | unknown;
  /** IANA time zone of the location; overrides anything in the CDR. */
  timeZone?: string;
}

/**
 * Prices the CDR and returns its cost fields as a JSON-ready object (numbers rounded per the
 * package's rounding rules).
 * @throws TariffInputError whose message starts with the offending field's path, e.g.
 *   `cdr.charging_periods[2].start_date_time: not an RFC 3339 date-time`.
 */
export function priceTariffCommand(input: PriceTariffCommandInput): CdrCostFields {
  const tariff = unwrapEnvelope(parseJson(input.tariffJson, 'tariff'));
  const cdr = unwrapEnvelope(parseJson(input.cdrJson, 'cdr'));
  if (!isRecord(cdr)) throw TariffInputError.at('cdr', `must be a CDR object, got ${show(cdr)}`);
  if (typeof cdr.currency !== 'string' || !/^[A-Z]{3}$/.test(cdr.currency)) {
    throw TariffInputError.at(
      'cdr.currency',
      `must be an ISO 4217 code of 3 upper-case letters, got ${show(cdr.currency)}`,
    );
  }
  const timeZone = resolveTimeZone(input.timeZone, cdr);
  const result = priceSession(
    tariff,
    {
      start_date_time: cdr.start_date_time as string,
      end_date_time: cdr.end_date_time as string,
      charging_periods: cdr.charging_periods as never,
      time_zone: timeZone,
      currency: cdr.currency,
    },
    { sessionRoot: 'cdr', tariffRoot: 'tariff' },
  );
  const c = result.cdr;
  return {
    total_cost: c.total_cost,
    total_fixed_cost: c.total_fixed_cost,
    total_energy: c.total_energy,
    total_energy_cost: c.total_energy_cost,
    total_time: c.total_time,
    total_time_cost: c.total_time_cost,
    total_parking_time: c.total_parking_time,
    total_parking_cost: c.total_parking_cost,
    total_reservation_cost: c.total_reservation_cost,
  };
}

function parseJson(value: unknown, root: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw TariffInputError.at(root, `not valid JSON (${(error as Error).message})`);
  }
}

/** Accepts an OCPI response envelope `{ data, status_code, … }` as well as the bare object. */
function unwrapEnvelope(value: unknown): unknown {
  return isRecord(value) && 'data' in value && 'status_code' in value ? value.data : value;
}

function resolveTimeZone(flag: string | undefined, cdr: Record<string, unknown>): string {
  if (flag !== undefined) {
    if (ZoneClock.of(flag) === undefined) throw TariffInputError.at('timeZone', `unknown IANA time zone ${show(flag)}`);
    return flag;
  }
  const location = cdr.cdr_location;
  const fromCdr = isRecord(location) ? location.time_zone : undefined;
  if (fromCdr === undefined || fromCdr === null) return 'UTC';
  if (typeof fromCdr !== 'string' || ZoneClock.of(fromCdr) === undefined) {
    throw TariffInputError.at('cdr.cdr_location.time_zone', `unknown IANA time zone ${show(fromCdr)}`);
  }
  return fromCdr;
}
