import type { DashboardHub } from './dashboard-hub.js';

/** The hosted CPO every dashboard test seeds. */
export const CPO = { country_code: 'NL', party_id: 'DCP', name: 'Dashboard CPO' } as const;
export const LOCATION_ID = 'UTRECHT1';
export const TARIFF_ID = 'T1';
export const TIME_ZONE = 'Europe/Amsterdam';

/** The OCPI tariff the CDRs are priced with: 0.50 start + 0.30/kWh + 6/h parking, 21 % VAT. */
export const TARIFF = {
  currency: 'EUR',
  elements: [
    {
      price_components: [
        { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 },
        { type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 },
        { type: 'PARKING_TIME', price: 6, vat: 21, step_size: 60 },
      ],
    },
  ],
} as const;

/** Tokens the simulated stations present (their whitelist is ALWAYS). */
export const TOKENS = ['DASHTOKEN0001', 'DASHTOKEN0002'] as const;

/** An OCPI 2.2.1 Token of the hosted CPO (RFID, always whitelisted). */
export function cpoToken(uid: string): object {
  return {
    country_code: CPO.country_code,
    party_id: CPO.party_id,
    uid,
    type: 'RFID',
    contract_id: `${CPO.country_code}-${CPO.party_id}-C${uid.slice(-8)}`,
    issuer: CPO.name,
    valid: true,
    whitelist: 'ALWAYS',
    last_updated: new Date().toISOString(),
  };
}

/**
 * Seeds what every dashboard screen needs: the hosted CPO, a published location with
 * coordinates (Utrecht), the tariff, the tokens, and `stations` provisioned at that location
 * (security profile 0, Accepted).
 */
export async function seedNetwork(hub: DashboardHub, stations: readonly string[]): Promise<void> {
  await hub.adminOk('PUT', `/parties/${CPO.country_code}/${CPO.party_id}`, { name: CPO.name, roles: ['CPO'] });
  await hub.adminOk('PUT', `/locations/${CPO.country_code}/${CPO.party_id}/${LOCATION_ID}`, {
    publish: true,
    name: 'Utrecht Central',
    address: 'Stationsplein 1',
    city: 'Utrecht',
    country: 'NLD',
    coordinates: { latitude: '52.089444', longitude: '5.110278' },
    time_zone: TIME_ZONE,
  });
  await hub.adminOk('PUT', `/tariffs/${CPO.country_code}/${CPO.party_id}/${TARIFF_ID}`, TARIFF);
  for (const uid of TOKENS)
    await hub.adminOk('PUT', `/tokens/${CPO.country_code}/${CPO.party_id}/${uid}`, cpoToken(uid));
  for (const identity of stations) {
    await hub.adminOk('PUT', `/stations/${identity}`, {
      country_code: CPO.country_code,
      party_id: CPO.party_id,
      location_id: LOCATION_ID,
      security_profile: 0,
      tariff_ids: [TARIFF_ID],
    });
  }
}
