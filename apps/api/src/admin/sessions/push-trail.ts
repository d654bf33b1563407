import type { Repositories } from '@chargebridge/store';

/** An object pushed to partners: its OCPI module and `CC/PID/id` key (as push_deliveries names it). */
export interface PushedObject {
  module: string;
  objectKey: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Which partner got which of these objects, when, and what it answered: the delivery state per
 * partner and object (`push_deliveries`) and every recorded attempt (`push_attempts`).
 */
export async function pushTrail(repos: Repositories, objects: readonly PushedObject[]) {
  const [deliveries, attempts] = await Promise.all([
    repos.chargingSessions.deliveries(objects),
    repos.chargingSessions.attempts(objects),
  ]);
  const wanted = new Set(objects.map((o) => `${o.module} ${o.objectKey}`));
  return {
    deliveries: deliveries.map((d) => ({
      id: Number(d.id),
      partner_id: d.partner_id,
      partner_name: d.partner_name ?? null,
      module: d.module,
      object_key: d.object_key,
      method: d.method,
      status: d.status,
      attempts: d.attempts,
      http_status: d.http_status,
      last_error: d.last_error,
      last_response_body: d.last_response_body,
      last_latency_ms: d.last_latency_ms,
      response_location: d.response_location,
      created_at: d.created_at.toISOString(),
      last_attempt_at: iso(d.last_attempt_at),
      delivered_at: iso(d.delivered_at),
    })),
    attempts: attempts
      .filter((a) => wanted.has(`${a.module} ${a.object_key}`))
      .map((a) => ({
        id: Number(a.id),
        partner_id: a.partner_id,
        partner_name: a.partner_name ?? null,
        module: a.module,
        object_key: a.object_key,
        method: a.method,
        ok: a.ok,
        http_status: a.http_status,
        latency_ms: a.latency_ms,
        error: a.error,
        at: a.at.toISOString(),
      })),
  };
}
