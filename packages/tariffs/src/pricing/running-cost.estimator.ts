/**
 * Running-cost estimate for an active session (OCPI Session `total_cost` while charging).
 *
 * The periods reported so far are priced as if the session ended at `now`, with two deliberate
 * differences from final pricing (README, "Running-cost estimate"):
 * - step_size is NOT applied. It is a once-per-session settlement on the session's last period;
 *   mid-session it would make the estimate jump by whole blocks and even drop when charging turns
 *   into parking. Without it the estimate never decreases over time for non-negative prices.
 * - A session that so far only has reservation periods is an ongoing (not expired) reservation,
 *   unless `reservation_expired` says otherwise.
 * FLAT fees and min/max price DO apply: they are owed once the session has started.
 */
import { selectTariff, type TariffLike } from '../compile/tariff.selector.js';
import { NOT_A_DATE_TIME, parseDateTime } from '../datetime/date-time.parser.js';
import { TariffInputError } from '../errors.js';
import { normalizeSession, type PricingSession } from '../session/session.normalizer.js';
import type { PricingResult } from '../types/pricing-result.types.js';
import { checkCurrency, type PriceSessionOptions, priceNormalized } from './session.pricer.js';

/**
 * Estimates the cost so far of an active session.
 * @param now the instant to price up to (RFC 3339 string, epoch ms or Date); must not precede the
 *   last period's start.
 */
export function estimateRunningCost(
  tariffs: TariffLike | readonly TariffLike[],
  session: PricingSession,
  now: string | number | Date,
  options: PriceSessionOptions = {},
): PricingResult {
  const root = options.sessionRoot ?? 'session';
  const nowMs = typeof now === 'number' ? now : now instanceof Date ? now.getTime() : parseDateTime(now);
  if (nowMs === undefined || !Number.isFinite(nowMs)) throw TariffInputError.at('now', NOT_A_DATE_TIME);
  const normalized = normalizeSession(
    { ...session, reservation_expired: session.reservation_expired ?? false },
    { root, endMs: nowMs, endName: 'now', allowNoPeriods: true },
  );
  const tariff = selectTariff(tariffs, normalized.startMs, options.tariffRoot ?? 'tariff');
  checkCurrency(session, tariff, root);
  return priceNormalized(tariff, normalized, session.time_zone, { applyStepSize: false, estimate: true });
}
