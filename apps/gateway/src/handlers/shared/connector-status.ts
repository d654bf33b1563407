import { evseUid, toEvseStatus } from '@chargebridge/domain';
import type { Repositories } from '@chargebridge/store';
import type { BatchWrites } from '../../persistence/batch-writes.js';
import { queueEvseStatusPush } from './bridge-outbox.js';

/**
 * Applies one connector status report: the EVSE and connector exist from then on (created with
 * hub-assigned uids when the station reports them first), the status only moves forward in time
 * (out-of-order reports do not overwrite newer ones), and the history keeps every report.
 */
export async function applyConnectorStatus(
  repos: Repositories,
  writes: BatchWrites,
  input: {
    stationId: number;
    evseId: number;
    connectorId: number;
    status: string;
    errorCode: string | null;
    info: string | null;
    at: Date;
  },
): Promise<void> {
  const evse = await repos.stations.ensureEvse(input.stationId, input.evseId, evseUid(input.stationId, input.evseId));
  const connector = await repos.stations.ensureConnector(evse.id, input.connectorId);
  const changed = await repos.stationState.setConnectorStatus({
    connectorRowId: connector.id,
    evseRowId: evse.id,
    status: input.status,
    errorCode: input.errorCode,
    evseStatus: toEvseStatus(input.status),
    at: input.at,
  });
  if (changed) queueEvseStatusPush(writes, [evse.evse_uid]);
  await repos.stationActivity.addStatus({
    stationId: input.stationId,
    evseId: input.evseId,
    connectorId: input.connectorId,
    status: input.status,
    errorCode: input.errorCode,
    info: input.info,
    occurredAt: input.at,
  });
}
