/**
 * Error types of the tariffs package.
 */

/** Severity of a {@link TariffIssue}: errors make the input unusable, warnings are advisory. */
export type IssueSeverity = 'error' | 'warning';

/** One problem found in a tariff or session, located by a JSON path such as `tariff.elements[1].restrictions.min_kwh`. */
export interface TariffIssue {
  path: string;
  message: string;
  severity: IssueSeverity;
}

/** Formats an issue as `path: message`. */
export function formatIssue(issue: TariffIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/**
 * Thrown for any input the engine cannot price: malformed tariff, malformed session or CDR,
 * unknown time zone, no tariff valid at the session start, currency mismatch.
 * The message starts with the JSON path of the (first) offending field, e.g.
 * `cdr.charging_periods[2].start_date_time: not an RFC 3339 date-time`; `issues` lists all errors.
 */
export class TariffInputError extends Error {
  override readonly name = 'TariffInputError';
  /** Path of the first issue. */
  readonly path: string;
  /** Every error-severity issue found (at least one). */
  readonly issues: readonly TariffIssue[];

  constructor(issues: readonly TariffIssue[]) {
    if (issues.length === 0) throw new TypeError('TariffInputError needs at least one issue');
    super(issues.map(formatIssue).join('; '));
    this.path = issues[0].path;
    this.issues = issues;
  }

  /** Convenience constructor for a single error. */
  static at(path: string, message: string): TariffInputError {
    return new TariffInputError([{ path, message, severity: 'error' }]);
  }
}
