/**
 * Validation of PriceComponent objects (mod_tariffs "PriceComponent class").
 */
import { CDR_DIMENSION_TYPES } from '../types/ocpi-cdr.types.js';
import { TARIFF_DIMENSIONS } from '../types/ocpi-tariff.types.js';
import { type IssueCollector, isFiniteNumber, isRecord, show } from './issue-collector.js';

/** Dimensions a reservation element may price (mod_tariffs "TariffRestrictions class", `reservation`). */
const RESERVATION_DIMENSIONS = new Set(['FLAT', 'TIME']);

/**
 * Validates one element's `price_components` list at `path`.
 * @param isReservation whether the owning element has a `reservation` restriction.
 */
export function validatePriceComponents(
  value: unknown,
  path: string,
  isReservation: boolean,
  out: IssueCollector,
): void {
  if (!Array.isArray(value)) {
    out.error(path, 'price_components must be a non-empty array');
    return;
  }
  if (value.length === 0) out.error(path, 'price_components must contain at least one price component');
  const seen = new Set<string>();
  value.forEach((component, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(component)) {
      out.error(at, 'must be an object');
      return;
    }
    const type = component.type;
    const known = typeof type === 'string' && (TARIFF_DIMENSIONS as readonly string[]).includes(type);
    if (!known) {
      const hint = (CDR_DIMENSION_TYPES as readonly string[]).includes(String(type))
        ? ` is a CdrDimensionType, not a TariffDimensionType`
        : ' is not a TariffDimensionType';
      out.error(`${at}.type`, `${show(type)}${hint} (expected ENERGY, FLAT, PARKING_TIME or TIME)`);
    } else {
      if (isReservation && !RESERVATION_DIMENSIONS.has(type)) {
        out.error(`${at}.type`, `a reservation element can only price FLAT and TIME, not ${type}`);
      }
      if (seen.has(type)) {
        out.warn(`${at}.type`, `second ${type} component in the same element: only the first one is ever used`);
      }
      seen.add(type);
    }
    validatePrice(component.price, `${at}.price`, out);
    validateVat(component.vat, `${at}.vat`, out);
    validateStepSize(component.step_size, `${at}.step_size`, type === 'FLAT', out);
  });
}

function validatePrice(price: unknown, path: string, out: IssueCollector): void {
  if (!isFiniteNumber(price)) out.error(path, `must be a number, got ${show(price)}`);
  else if (price < 0) out.error(path, `negative price ${price} (a price is per unit excl. VAT and cannot be negative)`);
}

function validateVat(vat: unknown, path: string, out: IssueCollector): void {
  if (vat === undefined || vat === null) return;
  if (!isFiniteNumber(vat)) out.error(path, `must be a number (a VAT percentage), got ${show(vat)}`);
  else if (vat < 0) out.error(path, `negative VAT percentage ${vat}`);
  else if (vat > 100) out.warn(path, `VAT percentage ${vat} is above 100 %; is it a fraction or a typo?`);
}

function validateStepSize(step: unknown, path: string, isFlat: boolean, out: IssueCollector): void {
  if (step === undefined || step === null) {
    // step_size has cardinality 1, but it means nothing for FLAT.
    if (isFlat) out.warn(path, 'missing (required by OCPI, ignored for FLAT)');
    else out.error(path, 'missing; step_size is required (use 1 for no rounding)');
    return;
  }
  if (typeof step !== 'number' || !Number.isInteger(step)) {
    out.error(path, `must be an integer, got ${show(step)}`);
    return;
  }
  // The spec's own free-of-charge example uses step_size 0 on a FLAT component, so FLAT may be 0.
  if (isFlat ? step < 0 : step <= 0) {
    out.error(path, `must be ${isFlat ? '≥ 0' : '> 0'}, got ${step}`);
  }
}
