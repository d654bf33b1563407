import type { DashboardHub } from './dashboard-hub.js';

/** The hosted CPO every dashboard test seeds. */
export const CPO = { country_code: 'NL', party_id: 'DCP', name: 'Dashboard CPO' } as const;
export const LOCATION_ID = 'UTRECHT1';

/** The published locations; stations are spread over them round-robin (the first at LOCATION_ID). */
export const LOCATIONS = [
  {
    id: LOCATION_ID,
    name: 'Utrecht Central',
    address: 'Stationsplein 1',
    city: 'Utrecht',
    lat: '52.089444',
    lon: '5.110278',
  },
  {
    id: 'AMSTERDAM1',
    name: 'Amsterdam Zuid',
    address: 'Zuidplein 12',
    city: 'Amsterdam',
    lat: '52.338889',
    lon: '4.873056',
  },
  {
    id: 'ROTTERDAM1',
    name: 'Rotterdam Kop van Zuid',
    address: 'Wilhelminakade 60',
    city: 'Rotterdam',
    lat: '51.906944',
    lon: '4.487500',
  },
] as const;
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
 * Seeds what every dashboard screen needs: the hosted CPO, three published locations with
 * coordinates (Utrecht, Amsterdam, Rotterdam), the tariff, the tokens, and `stations`
 * provisioned round-robin at those locations (security profile 0, Accepted).
 */
export async function seedNetwork(hub: DashboardHub, stations: readonly string[]): Promise<void> {
  await hub.adminOk('PUT', `/parties/${CPO.country_code}/${CPO.party_id}`, { name: CPO.name, roles: ['CPO'] });
  for (const location of LOCATIONS) {
    await hub.adminOk('PUT', `/locations/${CPO.country_code}/${CPO.party_id}/${location.id}`, {
      publish: true,
      name: location.name,
      address: location.address,
      city: location.city,
      country: 'NLD',
      coordinates: { latitude: location.lat, longitude: location.lon },
      time_zone: TIME_ZONE,
    });
  }
  await hub.adminOk('PUT', `/tariffs/${CPO.country_code}/${CPO.party_id}/${TARIFF_ID}`, TARIFF);
  for (const uid of TOKENS)
    await hub.adminOk('PUT', `/tokens/${CPO.country_code}/${CPO.party_id}/${uid}`, cpoToken(uid));
  for (const [i, identity] of stations.entries()) {
    await hub.adminOk('PUT', `/stations/${identity}`, {
      country_code: CPO.country_code,
      party_id: CPO.party_id,
      location_id: LOCATIONS[i % LOCATIONS.length]!.id,
      security_profile: 0,
      tariff_ids: [TARIFF_ID],
    });
  }
}
