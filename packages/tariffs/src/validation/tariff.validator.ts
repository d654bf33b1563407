/**
 * Structural and semantic validation of an OCPI 2.2.1 Tariff (mod_tariffs "Tariff Object").
 * Returns every problem with a JSON path; never throws.
 */
import { parseDateTime } from '../datetime/date-time.parser.js';
import type { TariffIssue } from '../errors.js';
import { IssueCollector, isFiniteNumber, isRecord, show } from './issue-collector.js';
import { validatePriceComponents } from './price-component.validator.js';
import { validateRestrictions } from './restriction.validator.js';
import { validateCoverage } from './tariff-coverage.validator.js';

const TARIFF_TYPES = ['AD_HOC_PAYMENT', 'PROFILE_CHEAP', 'PROFILE_FAST', 'PROFILE_GREEN', 'REGULAR'];

/**
 * Validates a tariff. `root` prefixes every path (default `tariff`, giving e.g.
 * `tariff.elements[1].restrictions.min_kwh`). Issues with severity `error` make the tariff
 * unusable for pricing; `warning`s are advisory (e.g. missing fallback element).
 */
export function validateTariff(tariff: unknown, root = 'tariff'): TariffIssue[] {
  const out = new IssueCollector();
  if (!isRecord(tariff)) {
    out.error(root, `must be a Tariff object, got ${show(tariff)}`);
    return out.issues;
  }
  checkString(tariff.country_code, `${root}.country_code`, 2, 2, out);
  checkString(tariff.party_id, `${root}.party_id`, 3, 3, out);
  checkString(tariff.id, `${root}.id`, 1, 36, out);
  if (typeof tariff.currency !== 'string' || !/^[A-Z]{3}$/.test(tariff.currency)) {
    out.error(`${root}.currency`, `must be an ISO 4217 code of 3 upper-case letters, got ${show(tariff.currency)}`);
  }
  if (tariff.type !== undefined && !TARIFF_TYPES.includes(tariff.type as string)) {
    out.error(`${root}.type`, `${show(tariff.type)} is not a TariffType`);
  }
  validatePrices(tariff, root, out);
  validateValidity(tariff, root, out);
  validateElements(tariff.elements, `${root}.elements`, out);
  return out.issues;
}

function checkString(value: unknown, path: string, min: number, max: number, out: IssueCollector): void {
  if (typeof value !== 'string' || value.length < min || value.length > max) {
    const size = min === max ? `${min}` : `${min}-${max}`;
    out.error(path, `must be a string of ${size} characters, got ${show(value)}`);
  }
}

function validatePrices(tariff: Record<string, unknown>, root: string, out: IssueCollector): void {
  const bounds: Record<string, { excl: number; incl?: number } | undefined> = {};
  for (const key of ['min_price', 'max_price']) {
    const value = tariff[key];
    if (value === undefined || value === null) continue;
    const at = `${root}.${key}`;
    if (!isRecord(value)) {
      out.error(at, 'must be a Price object {excl_vat, incl_vat?}');
      continue;
    }
    const excl = value.excl_vat;
    const incl = value.incl_vat;
    let ok = true;
    if (!isFiniteNumber(excl) || excl < 0) {
      out.error(`${at}.excl_vat`, `must be a non-negative number, got ${show(excl)}`);
      ok = false;
    }
    if (incl !== undefined && incl !== null && (!isFiniteNumber(incl) || incl < 0)) {
      out.error(`${at}.incl_vat`, `must be a non-negative number, got ${show(incl)}`);
      ok = false;
    }
    if (!ok) continue;
    const bound = { excl: excl as number, incl: (incl ?? undefined) as number | undefined };
    if (bound.incl !== undefined && bound.incl < bound.excl) {
      out.error(`${at}.incl_vat`, `incl_vat (${bound.incl}) is lower than excl_vat (${bound.excl})`);
    }
    bounds[key] = bound;
  }
  const { min_price: min, max_price: max } = bounds;
  if (min && max) {
    if (min.excl > max.excl)
      out.error(`${root}.min_price.excl_vat`, `min_price (${min.excl}) exceeds max_price (${max.excl})`);
    if (min.incl !== undefined && max.incl !== undefined && min.incl > max.incl) {
      out.error(`${root}.min_price.incl_vat`, `min_price (${min.incl}) exceeds max_price (${max.incl})`);
    }
  }
}

function validateValidity(tariff: Record<string, unknown>, root: string, out: IssueCollector): void {
  const parsed: Record<string, number | undefined> = {};
  for (const key of ['start_date_time', 'end_date_time', 'last_updated']) {
    const value = tariff[key];
    if (value === undefined || value === null) continue;
    parsed[key] = parseDateTime(value);
    if (parsed[key] === undefined) out.error(`${root}.${key}`, 'not an RFC 3339 date-time');
  }
  if (tariff.last_updated === undefined)
    out.warn(`${root}.last_updated`, 'missing (required by OCPI, not needed for pricing)');
  const { start_date_time: start, end_date_time: end } = parsed;
  if (start !== undefined && end !== undefined && start >= end) {
    out.error(`${root}.end_date_time`, 'the tariff is never valid: end_date_time is not after start_date_time');
  }
}

function validateElements(elements: unknown, path: string, out: IssueCollector): void {
  if (!Array.isArray(elements) || elements.length === 0) {
    out.error(path, 'must be a non-empty array of TariffElements');
    return;
  }
  elements.forEach((element, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(element)) {
      out.error(at, 'must be a TariffElement object');
      return;
    }
    validateRestrictions(element.restrictions, `${at}.restrictions`, out);
    const reservation = isRecord(element.restrictions) ? element.restrictions.reservation : undefined;
    const isReservation = reservation === 'RESERVATION' || reservation === 'RESERVATION_EXPIRES';
    validatePriceComponents(element.price_components, `${at}.price_components`, isReservation, out);
  });
  validateCoverage(elements, path, out);
}
