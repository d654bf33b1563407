import type { JobHandler } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import type { WorkerDeps } from '../deps.js';
import { pushToPartners } from './ocpi-push.client.js';

/** `tariff.push`: PUT the Tariff to every partner with a tariffs receiver (mod_tariffs §PUT). */
export function tariffPushProcessor(deps: WorkerDeps): JobHandler<'tariff.push'> {
  const log = deps.logger.child({ component: 'tariff-push' });
  return async ({ tariffId }) => {
    const row = await repositories(deps.store.db).tariffs.findById(tariffId);
    if (!row) return;
    await pushToPartners(deps.store, log, {
      module: 'tariffs',
      objectKey: `${row.country_code}/${row.party_id}/${row.tariff_id}`,
      lastUpdated: row.last_updated,
      from: { country_code: row.country_code, party_id: row.party_id },
      path: `/${row.country_code}/${row.party_id}/${encodeURIComponent(row.tariff_id)}`,
      method: 'PUT',
      body: { ...row.data, last_updated: row.last_updated.toISOString() },
    });
  };
}
