import { OcpiPartnerClient } from '@chargebridge/ocpi';
import { repositories, type Store } from '@chargebridge/store';
import { recordPushAttempt, timedRequest } from '../delivery/push-attempt.js';

/**
 * POSTs a finished command's result to its `response_url` with the partner's outgoing token
 * (mod_commands §CommandResult; mod_charging_profiles: ChargingProfileResult, ClearProfileResult,
 * ActiveChargingProfileResult). Delivery is recorded in push_deliveries (module `commands`), so a
 * repeated job does not POST twice; every attempt is recorded in push_attempts. Throws on
 * failure: the job runner retries with backoff.
 */
export async function deliverCommandResult(store: Store, commandId: string): Promise<'delivered' | 'skipped'> {
  const repos = repositories(store.db);
  const row = await repos.commands.find(commandId);
  const body = (row?.response as { result?: unknown } | null)?.result;
  if (!row?.response_url || !row.partner_id || body === undefined) return 'skipped';
  const previous = await repos.pushDeliveries.find(row.partner_id, 'commands', commandId);
  if (previous?.status === 'delivered') return 'skipped';
  const partner = await repos.partners.find(row.partner_id);
  if (!partner?.outgoing_token) return 'skipped';
  const station = row.station_id === null ? undefined : await repos.commandExecution.station(row.station_id);
  const role = partner.roles[0];
  const client = new OcpiPartnerClient({
    token: partner.outgoing_token,
    tokenEncoding: partner.outgoing_token_encoding,
    ...(station ? { from: { country_code: station.country_code, party_id: station.party_id } } : {}),
    ...(role ? { to: { country_code: role.country_code, party_id: role.party_id } } : {}),
    timeoutMs: 10_000,
  });
  const outcome = await timedRequest(client, 'POST', row.response_url, body);
  const attempt = { partnerId: row.partner_id, module: 'commands', objectKey: commandId, method: 'POST' };
  await recordPushAttempt(store.db, {
    ...attempt,
    ok: outcome.ok,
    httpStatus: outcome.httpStatus ?? null,
    latencyMs: outcome.latencyMs,
    error: outcome.ok ? null : outcome.error,
  });
  await repos.pushDeliveries.record({
    ...attempt,
    httpStatus: outcome.httpStatus ?? null,
    latencyMs: outcome.latencyMs,
    responseBody: outcome.body,
    ...(outcome.ok ? {} : { error: outcome.error }),
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return 'delivered';
}
