import { expect } from 'vitest';
import type { AdminCall } from '../support/test-hub.js';

export type { AdminCall };

/** The location every bridge test hosts its stations at: NL/CPO `LOC1` in Utrecht. */
export function siteLocation(name: string) {
  return {
    publish: true,
    name,
    address: 'Main street 1',
    city: 'Utrecht',
    country: 'NLD',
    coordinates: { latitude: '52.09083', longitude: '5.12222' },
    time_zone: 'Europe/Amsterdam',
  };
}

/** Creates the hosted CPO party NL/CPO and its location LOC1 through the admin API. */
export async function seedHostedSite(admin: AdminCall, names: { party: string; site: string }): Promise<void> {
  expect((await admin('PUT', '/parties/NL/CPO', { name: names.party, roles: ['CPO'] })).status).toBeLessThan(300);
  expect((await admin('PUT', '/locations/NL/CPO/LOC1', siteLocation(names.site))).status).toBeLessThan(300);
}
