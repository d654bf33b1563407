import { createHash } from 'node:crypto';
import type { Database } from '@chargebridge/store';
import type { Kysely } from 'kysely';

/**
 * Seeds a hosted CPO (NL-CPO) and a registered eMSP partner (DE-EMP) whose incoming token is
 * `token`: the fixture OCPI read tests start from.
 */
export async function seedCpoAndEmsp(db: Kysely<Database>, token: string): Promise<void> {
  await db.insertInto('parties').values({ country_code: 'NL', party_id: 'CPO', name: 'CPO' }).execute();
  await db
    .insertInto('partners')
    .values({
      id: 'emsp',
      name: 'emsp',
      direction: 'inbound',
      status: 'registered',
      incoming_token_hash: createHash('sha256').update(token).digest('hex'),
      roles: JSON.stringify([{ role: 'EMSP', country_code: 'DE', party_id: 'EMP' }]),
    })
    .execute();
}
