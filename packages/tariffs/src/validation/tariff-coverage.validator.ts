/**
 * Whole-tariff coverage checks (warnings): missing fallback elements and elements that are
 * shadowed by an earlier unrestricted element (mod_tariffs "Tariff Object": the first element with
 * a component for a dimension and matching restrictions wins; "It is advised to always add a
 * default Price Component per dimension").
 *
 * These are warnings, not errors: the spec explicitly defines what happens without a fallback
 * ("there will be no costs for that Tariff Dimension") and its own examples rely on it.
 */
import { type IssueCollector, isRecord } from './issue-collector.js';
import { isUnrestricted } from './restriction.validator.js';

/** Validates dimension coverage over the `elements` array (already known to be an array). */
export function validateCoverage(elements: readonly unknown[], path: string, out: IssueCollector): void {
  const fallbackFor = new Map<string, number>();
  const restrictedUses = new Map<string, number[]>();
  elements.forEach((element, index) => {
    if (!isRecord(element) || !Array.isArray(element.price_components)) return;
    const restrictions = element.restrictions;
    // Reservation elements form their own pricing context and are not checked for fallbacks.
    if (isRecord(restrictions) && restrictions.reservation !== undefined) return;
    const unrestricted = isUnrestricted(restrictions);
    const types = new Set(
      element.price_components
        .filter(isRecord)
        .map((c) => c.type)
        .filter((t): t is string => typeof t === 'string'),
    );
    for (const type of types) {
      const fallback = fallbackFor.get(type);
      if (fallback !== undefined) {
        out.warn(
          `${path}[${index}]`,
          `its ${type} component can never apply: element ${fallback} has no restrictions and prices ${type} first`,
        );
      } else if (unrestricted) {
        fallbackFor.set(type, index);
      } else {
        restrictedUses.set(type, [...(restrictedUses.get(type) ?? []), index]);
      }
    }
  });
  for (const [type, indexes] of restrictedUses) {
    if (fallbackFor.has(type)) continue;
    out.warn(
      path,
      `no fallback element for ${type}: only restricted elements (${indexes.join(', ')}) price it, ` +
        `so ${type} is free whenever none of their restrictions holds`,
    );
  }
}
