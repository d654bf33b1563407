import { randomBytes } from 'node:crypto';
import type { Config } from '@chargebridge/config';
import { SettingsRepository, type Store } from '@chargebridge/store';

/** The admin token: ADMIN_TOKEN when set, otherwise generated once and kept in the store. */
export async function resolveAdminToken(config: Config, store: Store): Promise<{ token: string; generated: boolean }> {
  if (config.adminToken) return { token: config.adminToken, generated: false };
  const token = await new SettingsRepository(store.db).getOrInit(
    'admin_token',
    `cbadm_${randomBytes(24).toString('base64url')}`,
  );
  return { token, generated: true };
}
