import { toOcpiLocation } from '@chargebridge/domain';
import type { JobHandler } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import type { WorkerDeps } from '../deps.js';
import { pushToPartners } from './ocpi-push.client.js';

/**
 * `location.push`: PUT the whole Location (with its EVSEs, through the one view mapping) to
 * every partner with a locations receiver (mod_locations §PUT). Reads the latest state: the
 * payload only names the location, bursts coalesce on the job id.
 */
export function locationPushProcessor(deps: WorkerDeps): JobHandler<'location.push'> {
  const log = deps.logger.child({ component: 'location-push' });
  return async ({ locationId }) => {
    const row = await repositories(deps.store.db).locationViews.findById(locationId);
    if (!row) return; // deleted since: nothing to push
    const location = toOcpiLocation(row);
    await pushToPartners(deps.store, log, {
      module: 'locations',
      objectKey: `${row.country_code}/${row.party_id}/${row.location_id}`,
      lastUpdated: new Date(location.last_updated as string),
      from: { country_code: row.country_code, party_id: row.party_id },
      path: `/${row.country_code}/${row.party_id}/${encodeURIComponent(row.location_id)}`,
      method: 'PUT',
      body: location,
    });
  };
}
