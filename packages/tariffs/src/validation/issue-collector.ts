/**
 * Small helper shared by the validators: collects {@link TariffIssue}s and offers typed checks
 * for JSON values.
 */
import type { IssueSeverity, TariffIssue } from '../errors.js';

/** Collects issues while walking a JSON document. */
export class IssueCollector {
  readonly issues: TariffIssue[] = [];

  /** Records an error at `path`. */
  error(path: string, message: string): void {
    this.add(path, message, 'error');
  }

  /** Records a warning at `path`. */
  warn(path: string, message: string): void {
    this.add(path, message, 'warning');
  }

  /** Records an issue. */
  add(path: string, message: string, severity: IssueSeverity): void {
    this.issues.push({ path, message, severity });
  }

  /** True when at least one error (not warning) has been recorded. */
  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }

  /** Error-severity issues only. */
  get errors(): TariffIssue[] {
    return this.issues.filter((i) => i.severity === 'error');
  }
}

/** True for a non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a finite JSON number. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Human-readable rendering of a JSON value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
