/**
 * Prices a finished session against an OCPI tariff: the engine's main entry point.
 *
 * Pipeline: normalize the session → select the tariff valid at the session start → split periods
 * at restriction boundaries → resolve one component per dimension per slice → build lines →
 * step_size → amounts → totals, min/max price → output (CDR fields, breakdown, charging periods).
 */
import type { CompiledTariff } from '../compile/compiled-tariff.types.js';
import { selectTariff, type TariffLike } from '../compile/tariff.selector.js';
import { TariffInputError } from '../errors.js';
import { ComponentResolver } from '../matching/component.resolver.js';
import { mergeSlices } from '../matching/slice.merger.js';
import { writeCdrTotals } from '../output/cdr-totals.writer.js';
import { LazyPricingResult } from '../output/pricing-result.js';
import type { NormalizedSession } from '../session/normalized-session.types.js';
import { normalizeSession, type PricingSession } from '../session/session.normalizer.js';
import { splitSession } from '../split/period.splitter.js';
import type { PricingResult } from '../types/pricing-result.types.js';
import { buildLines, priceLines } from './cost-lines.js';
import { applyStepSizes } from './step-size.js';

/** Options of {@link priceSession}. */
export interface PriceSessionOptions {
  /** Path prefix for session errors (default `session`). */
  sessionRoot?: string;
  /** Path prefix for tariff errors (default `tariff`). */
  tariffRoot?: string;
}

/**
 * Prices a finished session.
 * @param tariffs one tariff, or a list from which the first valid at the session start is used;
 *   raw OCPI JSON or the result of `compileTariff` (compile once when pricing many sessions).
 * @throws TariffInputError for an invalid tariff or session, or when no tariff applies.
 */
export function priceSession(
  tariffs: TariffLike | readonly TariffLike[],
  session: PricingSession,
  options: PriceSessionOptions = {},
): PricingResult {
  const sessionRoot = options.sessionRoot ?? 'session';
  const normalized = normalizeSession(session, { root: sessionRoot });
  const tariff = selectTariff(tariffs, normalized.startMs, options.tariffRoot ?? 'tariff');
  checkCurrency(session, tariff, sessionRoot);
  return priceNormalized(tariff, normalized, session.time_zone, { applyStepSize: true, estimate: false });
}

/** Throws when the session names a currency different from the tariff's. */
export function checkCurrency(session: PricingSession, tariff: CompiledTariff, root: string): void {
  if (session.currency !== undefined && session.currency !== tariff.currency) {
    throw TariffInputError.at(
      `${root}.currency`,
      `${JSON.stringify(session.currency)} does not match the tariff currency ${JSON.stringify(tariff.currency)}`,
    );
  }
}

/** Internal: prices a normalized session with a selected tariff. */
export function priceNormalized(
  tariff: CompiledTariff,
  session: NormalizedSession,
  timeZone: string,
  mode: { applyStepSize: boolean; estimate: boolean },
): PricingResult {
  const resolver = new ComponentResolver(tariff, session.reservationExpired);
  const slices = mergeSlices(splitSession(session, tariff).map((sub) => ({ sub, found: resolver.resolve(sub) })));
  const lines = buildLines(slices);
  if (mode.applyStepSize) applyStepSizes(lines);
  priceLines(lines);
  const totals = writeCdrTotals(lines, session, tariff);
  return new LazyPricingResult(
    tariff.id,
    tariff.currency,
    timeZone,
    mode.estimate,
    totals.fields,
    tariff.warnings,
    slices,
    lines,
    totals.adjustments,
  );
}
