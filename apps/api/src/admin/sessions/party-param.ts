import { AdminError } from '../../plugins/admin-errors.js';

/** An OCPI party: ISO 3166-1 alpha-2 country code and 3-character party id. */
export interface PartyTuple {
  country_code: string;
  party_id: string;
}

/** Parses a `CC-PID` (or `CCPID`, `CC*PID`) query parameter; 400 when malformed. */
export function parseParty(text: string): PartyTuple {
  const m = /^([A-Za-z]{2})[-*]?([A-Za-z0-9]{3})$/.exec(text);
  if (!m) throw new AdminError(400, 'invalid_request', `party "${text}" is not CC-PID (e.g. NL-CBH)`);
  return { country_code: (m[1] as string).toUpperCase(), party_id: (m[2] as string).toUpperCase() };
}
