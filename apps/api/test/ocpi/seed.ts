import { createHash } from 'node:crypto';
import type { Store } from '@chargebridge/store';

/** A registered partner row with a known token (seeded directly; registration has its own test). */
export async function seedPartner(store: Store, id: string, token: string, cc: string, pid: string): Promise<void> {
  await store.db
    .insertInto('partners')
    .values({
      id,
      name: id,
      direction: 'inbound',
      status: 'registered',
      version: '2.2.1',
      incoming_token_hash: createHash('sha256').update(token).digest('hex'),
      roles: JSON.stringify([{ role: 'EMSP', country_code: cc, party_id: pid, business_details: { name: id } }]),
    })
    .execute();
}

/** A location body for the admin API. */
export function aLocation(id: string): Record<string, unknown> {
  return {
    publish: true,
    name: `Location ${id}`,
    address: 'Main street 1',
    city: 'Utrecht',
    country: 'NLD',
    coordinates: { latitude: '52.09083', longitude: '5.12222' },
    time_zone: 'Europe/Amsterdam',
  };
}
