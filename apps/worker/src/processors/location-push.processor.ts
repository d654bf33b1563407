import { loadEvseStatus } from '@chargebridge/bridge';
import { toOcpiLocation } from '@chargebridge/domain';
import type { JobHandler } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import type { Logger } from 'pino';
import type { WorkerDeps } from '../deps.js';
import { pushToPartners } from './ocpi-push.client.js';

/**
 * `location.push`: PUT the whole Location (with its EVSEs, through the one view mapping) to
 * every partner with a locations receiver (mod_locations §PUT). Reads the latest state: the
 * payload only names the location, bursts coalesce on the job id.
 */
export function locationPushProcessor(deps: WorkerDeps): JobHandler<'location.push'> {
  const log = deps.logger.child({ component: 'location-push' });
  return async ({ locationId, evseUid }) => {
    if (evseUid !== undefined) return pushEvseStatus(deps, log, evseUid);
    if (locationId === undefined) return;
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

/** Most PATCHes one job sends while the EVSE keeps changing under it. */
const MAX_EVSE_ROUNDS = 5;

/**
 * `location.push` with `evseUid`: PATCH the EVSE's status (mod_locations §PATCH, on
 * `/{country_code}/{party_id}/{location_id}/{evse_uid}` with `status` and `last_updated`) to every
 * partner with a locations receiver. The job id is per EVSE, so bursts coalesce; a change made
 * while the PATCH is in flight is caught by re-reading after it (the runner drops a same-id job
 * added while this one runs).
 */
async function pushEvseStatus(deps: WorkerDeps, log: Logger, evseUid: string): Promise<void> {
  let pushed: string | undefined;
  for (let round = 0; round < MAX_EVSE_ROUNDS; round++) {
    const update = await loadEvseStatus(deps.store.db, evseUid);
    if (!update) return; // station without a location: the EVSE is not published
    const version = `${update.status}@${update.lastUpdated.getTime()}`;
    if (version === pushed) return;
    const path = `/${update.countryCode}/${update.partyId}/${encodeURIComponent(update.locationId)}/${encodeURIComponent(evseUid)}`;
    await pushToPartners(deps.store, log, {
      module: 'locations',
      objectKey: `${update.countryCode}/${update.partyId}/${update.locationId}/${evseUid}`,
      lastUpdated: update.lastUpdated,
      from: { country_code: update.countryCode, party_id: update.partyId },
      path,
      method: 'PATCH',
      body: { status: update.status, last_updated: update.lastUpdated.toISOString() },
    });
    pushed = version;
  }
}
