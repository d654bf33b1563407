import type { JsonObject } from './frame.types.js';
import { OcppError } from './ocpp-error.js';
import type { OcppVersion } from './ocpp-version.js';
import type { RpcLogger, ValidationViolation } from './rpc.types.js';
import type { MessageKind } from './schema-source.js';
import { validatePayload } from './validator-registry.js';

/**
 * The payload exactly as it will be on the wire (`toJSON` applied, `undefined` members dropped), so
 * what we validate is what we send and later mutation by the caller cannot change it. `undefined`
 * means an empty payload. Values JSON cannot carry (cycles, BigInt) give `null`, which every
 * message schema refuses (type object).
 */
export function wireSnapshot(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? {})) as unknown;
  } catch {
    return null;
  }
}

/**
 * The validation policy of one connection: what the peer sends is checked strictly or leniently
 * (reported, then let through); what we send is always checked, and a failure is our bug.
 */
export class PayloadGuard {
  constructor(
    private readonly version: OcppVersion,
    private readonly lenient: boolean,
    private readonly onViolation: ((violation: ValidationViolation) => void) | undefined,
    private readonly logger: RpcLogger,
  ) {}

  /**
   * Checks a payload from the peer. Returns the error to refuse it with (strict mode), or the
   * violations that were let through (lenient mode; empty when valid).
   */
  inbound(
    action: string,
    kind: MessageKind,
    messageId: string,
    payload: JsonObject,
  ): OcppError | ValidationViolation[] {
    const check = validatePayload(this.version, action, kind, payload);
    if (check.ok || check.error === undefined) return [];
    const violation = this.report({
      direction: 'in',
      kind,
      action,
      messageId,
      error: check.error,
      accepted: this.lenient,
    });
    return this.lenient ? [violation] : check.error;
  }

  /** Checks a payload we are about to send; returns the error if it must not go out. */
  outbound(action: string, kind: MessageKind, messageId: string, payload: unknown): OcppError | undefined {
    const check = validatePayload(this.version, action, kind, payload);
    if (check.ok) return undefined;
    const error = check.error ?? new OcppError('InternalError', `No ${kind} schema for ${action}`);
    this.report({ direction: 'out', kind, action, messageId, error, accepted: false });
    this.logger.error(
      { action, kind, messageId, code: error.code, details: error.details },
      `Bug: invalid outbound ${action} ${kind} not sent`,
    );
    return error;
  }

  private report(violation: ValidationViolation): ValidationViolation {
    try {
      this.onViolation?.(violation);
    } catch (err) {
      this.logger.error({ err }, 'onViolation callback threw');
    }
    return violation;
  }
}
