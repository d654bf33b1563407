import type { Credentials, Endpoint, OcpiPartyRef } from '@chargebridge/ocpi';

/** The OCPI version the hub implements. */
export const OCPI_VERSION = '2.2.1';

/**
 * Every module and interface role the hub implements as a CPO-side Hub
 * (version_information_endpoint §Version details; for credentials the role is advised to be
 * SENDER). One list: the version details, the route registration and the tests read it.
 */
export const OCPI_MODULES: ReadonlyArray<{ identifier: Endpoint['identifier']; role: 'SENDER' | 'RECEIVER' }> = [
  { identifier: 'credentials', role: 'SENDER' },
  { identifier: 'locations', role: 'SENDER' },
  { identifier: 'tariffs', role: 'SENDER' },
  { identifier: 'sessions', role: 'SENDER' },
  { identifier: 'cdrs', role: 'SENDER' },
  { identifier: 'tokens', role: 'RECEIVER' },
  { identifier: 'commands', role: 'RECEIVER' },
  { identifier: 'chargingprofiles', role: 'RECEIVER' },
  { identifier: 'hubclientinfo', role: 'SENDER' },
];

/** Base of our OCPI URLs. */
export function versionsUrl(publicUrl: string): string {
  return `${publicUrl}/ocpi/versions`;
}

/** URL of one of our 2.2.1 modules. */
export function moduleUrl(publicUrl: string, identifier: string): string {
  return `${publicUrl}/ocpi/${OCPI_VERSION}/${identifier}`;
}

/** Our endpoints for the version details response. */
export function ourEndpoints(publicUrl: string): Endpoint[] {
  return OCPI_MODULES.map((m) => ({ identifier: m.identifier, role: m.role, url: moduleUrl(publicUrl, m.identifier) }));
}

/** Our credentials object carrying `token` (the one the partner is to use towards us). */
export function ourCredentials(publicUrl: string, hub: OcpiPartyRef, token: string): Credentials {
  return {
    token,
    url: versionsUrl(publicUrl),
    roles: [
      {
        role: 'HUB',
        business_details: { name: 'chargebridge hub' },
        party_id: hub.party_id,
        country_code: hub.country_code,
      },
    ],
  };
}
