/**
 * Assertion helpers for CDR prices.
 */
import { expect } from 'vitest';
import type { OcpiPrice, PricingResult } from '../../src/index.js';

/** Asserts a Price equals `{excl_vat, incl_vat}`. */
export function expectPrice(price: OcpiPrice, excl: number, incl: number): void {
  expect(price).toEqual({ excl_vat: excl, incl_vat: incl });
}

/** Asserts the session's `total_cost`. */
export function expectTotal(result: PricingResult, excl: number, incl: number): void {
  expectPrice(result.cdr.total_cost, excl, incl);
}
