/**
 * OCPI status codes (status_codes.asciidoc). These travel in the `status_code` field of every
 * response envelope and are distinct from HTTP status codes.
 */

/** The standard OCPI 2.2.1 status codes, by name (status_codes §1xxx to §4xxx). */
export const OcpiStatus = {
  /** 1000: generic success (§1xxx). */
  SUCCESS: 1000,
  /** 2000: generic client error (§2xxx). */
  CLIENT_ERROR: 2000,
  /** 2001: invalid or missing parameters (§2xxx). */
  INVALID_OR_MISSING_PARAMETERS: 2001,
  /** 2002: not enough information, e.g. an authorization request without LocationReferences. */
  NOT_ENOUGH_INFORMATION: 2002,
  /** 2003: unknown Location, e.g. START_SESSION on a Location the CPO does not know. */
  UNKNOWN_LOCATION: 2003,
  /** 2004: unknown Token, e.g. real-time authorization of a Token the eMSP does not know. */
  UNKNOWN_TOKEN: 2004,
  /** 3000: generic server error (§3xxx). */
  SERVER_ERROR: 3000,
  /** 3001: unable to use the client's API, e.g. its endpoints during registration. */
  UNABLE_TO_USE_CLIENT_API: 3001,
  /** 3002: unsupported version. */
  UNSUPPORTED_VERSION: 3002,
  /** 3003: no matching endpoints, or expected endpoints missing. */
  NO_MATCHING_ENDPOINTS: 3003,
  /** 4000: generic Hub error (§4xxx). */
  HUB_ERROR: 4000,
  /** 4001: unknown receiver: the TO address is unknown to the Hub. */
  UNKNOWN_RECEIVER: 4001,
  /** 4002: timeout on a request forwarded by the Hub. */
  TIMEOUT_ON_FORWARDED_REQUEST: 4002,
  /** 4003: connection problem: the receiving party is not connected. */
  CONNECTION_PROBLEM: 4003,
} as const;

/** One of the standard OCPI status codes. */
export type OcpiStatusCode = (typeof OcpiStatus)[keyof typeof OcpiStatus];

/** The range a status code belongs to (status_codes §Status codes, ranges table). */
export type OcpiStatusCategory = 'success' | 'client_error' | 'server_error' | 'hub_error';

/** Returns the range of an OCPI status code, or `undefined` outside 1000-4999. */
export function statusCategory(code: number): OcpiStatusCategory | undefined {
  if (!Number.isInteger(code)) return undefined;
  if (code >= 1000 && code <= 1999) return 'success';
  if (code >= 2000 && code <= 2999) return 'client_error';
  if (code >= 3000 && code <= 3999) return 'server_error';
  if (code >= 4000 && code <= 4999) return 'hub_error';
  return undefined;
}

/** True for the 1xxx range (including custom 19xx success codes). */
export function isSuccessStatus(code: number): boolean {
  return statusCategory(code) === 'success';
}

/** True for the reserved custom ranges 19xx, 29xx, 39xx and 49xx. */
export function isCustomStatus(code: number): boolean {
  return statusCategory(code) !== undefined && code % 1000 >= 900;
}

const descriptions: Record<OcpiStatusCode, string> = {
  1000: 'Success',
  2000: 'Generic client error',
  2001: 'Invalid or missing parameters',
  2002: 'Not enough information',
  2003: 'Unknown Location',
  2004: 'Unknown Token',
  3000: 'Generic server error',
  3001: "Unable to use the client's API",
  3002: 'Unsupported version',
  3003: 'No matching endpoints or expected endpoints missing between parties',
  4000: 'Generic Hub error',
  4001: 'Unknown receiver',
  4002: 'Timeout on forwarded request',
  4003: 'Connection problem',
};

/** A short English description of a status code, usable as a default `status_message`. */
export function describeStatus(code: number): string {
  const known = descriptions[code as OcpiStatusCode];
  if (known !== undefined) return known;
  const category = statusCategory(code);
  return category === undefined ? 'Unknown status' : `Custom ${category.replace('_', ' ')}`;
}
