/**
 * HubClientInfo module (mod_hub_client_info.asciidoc): ClientInfo and ConnectionStatus. The
 * Receiver takes PUT only (objects are never removed, only SUSPENDED), so no PATCH body.
 */
import { type Static, Type } from 'typebox';
import { CountryCode, DateTime, PartyId, Role } from './types.schema.js';

/** `ConnectionStatus` enum (hub client info §ConnectionStatus). */
export const ConnectionStatus = Type.Enum(['CONNECTED', 'OFFLINE', 'PLANNED', 'SUSPENDED'], {
  type: 'string',
});
/** Static type of {@link ConnectionStatus}. */
export type ConnectionStatus = Static<typeof ConnectionStatus>;

/** `ClientInfo` object (hub client info §ClientInfo Object). */
export const ClientInfo = Type.Object({
  party_id: PartyId,
  country_code: CountryCode,
  role: Role,
  status: ConnectionStatus,
  last_updated: DateTime,
});
/** Static type of {@link ClientInfo}. */
export type ClientInfo = Static<typeof ClientInfo>;
