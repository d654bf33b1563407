import { OcpiClientError, type OcpiClientResponse, type OcpiPartnerClient } from '@chargebridge/ocpi';
import { type Database, repositories } from '@chargebridge/store';
import type { Kysely } from 'kysely';

/** Longest partner answer kept on a delivery (`push_deliveries.last_response_body`). */
export const RESPONSE_BODY_LIMIT = 2048;
/** Longest error kept on an attempt (`push_attempts.error`). */
export const ATTEMPT_ERROR_LIMIT = 300;

/** What one timed request to a partner gave. */
export type TimedOutcome =
  | { ok: true; response: OcpiClientResponse<unknown>; httpStatus: number; latencyMs: number; body: string | null }
  | { ok: false; error: string; httpStatus: number | undefined; latencyMs: number; body: string | null };

/** The partner's answer as kept for operators: the envelope (or raw excerpt), cut to {@link RESPONSE_BODY_LIMIT}. */
export function answerBody(answer: OcpiClientResponse<unknown> | unknown): string | null {
  let text: string | undefined;
  if (answer instanceof OcpiClientError) {
    text = answer.envelope !== undefined ? JSON.stringify(answer.envelope) : answer.bodyExcerpt;
  } else if (answer && typeof answer === 'object' && 'envelope' in answer) {
    text = JSON.stringify((answer as OcpiClientResponse<unknown>).envelope);
  }
  if (text === undefined || text === '') return null;
  return text.length > RESPONSE_BODY_LIMIT ? `${text.slice(0, RESPONSE_BODY_LIMIT)}…` : text;
}

/**
 * Sends one request and measures it; never throws for a partner failure. The latency covers the
 * whole exchange (headers and body).
 */
export async function timedRequest(
  client: OcpiPartnerClient,
  method: string,
  url: string,
  body: unknown,
): Promise<TimedOutcome> {
  const started = performance.now();
  try {
    const response = await client.request(method, url, body);
    const latencyMs = Math.round(performance.now() - started);
    return { ok: true, response, httpStatus: response.httpStatus, latencyMs, body: answerBody(response) };
  } catch (caught) {
    const latencyMs = Math.round(performance.now() - started);
    return {
      ok: false,
      error: caught instanceof Error ? caught.message : String(caught),
      httpStatus: caught instanceof OcpiClientError ? caught.httpStatus : undefined,
      latencyMs,
      body: answerBody(caught),
    };
  }
}

/** One attempt to record in `push_attempts`. */
export interface PushAttemptRecord {
  partnerId: string;
  module: string;
  objectKey: string;
  method: string;
  ok: boolean;
  httpStatus?: number | null;
  /** Null when no request was made (no endpoint, no token). */
  latencyMs?: number | null;
  error?: string | null;
  /** When the attempt ended; now by default (the app's clock, as the statistics windows). */
  at?: Date;
}

/** Records one attempt (a single insert); the error is cut to {@link ATTEMPT_ERROR_LIMIT}. */
export async function recordPushAttempt(db: Kysely<Database>, attempt: PushAttemptRecord): Promise<void> {
  await repositories(db).pushAttempts.add({
    partner_id: attempt.partnerId,
    module: attempt.module,
    object_key: attempt.objectKey,
    method: attempt.method,
    ok: attempt.ok,
    http_status: attempt.httpStatus ?? null,
    latency_ms: attempt.latencyMs ?? null,
    error: attempt.error ? attempt.error.slice(0, ATTEMPT_ERROR_LIMIT) : null,
    at: attempt.at ?? new Date(),
  });
}
