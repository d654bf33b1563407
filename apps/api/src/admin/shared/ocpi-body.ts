import { parseOcpi, toOcpiDateTime } from '@chargebridge/ocpi';
import type { Repositories } from '@chargebridge/store';
import type { TSchema } from 'typebox';
import { AdminError } from '../../plugins/admin-errors.js';

/**
 * An admin body in an OCPI shape: the URL's keys win over the body's, `last_updated` defaults
 * to now, and the result must be a valid OCPI object (400 naming the JSON path otherwise).
 */
export function ocpiBody<T>(schema: TSchema, body: unknown, keys: Record<string, string>): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AdminError(400, 'invalid_request', 'the body must be a JSON object');
  }
  const merged = { last_updated: toOcpiDateTime(), ...(body as object), ...keys };
  const parsed = parseOcpi(schema, merged);
  if (!parsed.ok) throw new AdminError(400, 'invalid_request', parsed.message);
  return parsed.value as T;
}

/** The hosted party of a URL, or 404: objects are only created for parties the hub hosts. */
export async function requireHostedParty(repos: Pick<Repositories, 'parties'>, cc: string, pid: string): Promise<void> {
  const party = await repos.parties.find(cc, pid);
  if (!party || party.partner_id !== null) {
    throw new AdminError(
      404,
      'unknown_party',
      `no hosted party ${cc}/${pid}; create it with PUT /api/v1/parties/${cc}/${pid}`,
    );
  }
}
