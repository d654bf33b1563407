import { transactionAuthorization } from '@chargebridge/bridge';
import { fromIdToken2, normalizeMeterValues2, toAuthorizationStatus2 } from '@chargebridge/domain';
import type { TransactionChanges } from '@chargebridge/store';
import type { MessageHandler } from '../handler.types.js';
import { recordAuthorization, resolveToken } from '../shared/authorize-token.js';
import { queueCdrCreate, queueSessionPush, queueSessionUpdate } from '../shared/bridge-outbox.js';
import { refreshEnergy, storeSamples } from '../shared/transaction-energy.js';
import { advanceSeqNo } from './seq-numbers.js';

/**
 * 2.0.1 / 2.1 E01–E15 TransactionEvent, idempotent on (station, transactionId, seqNo): a repeated
 * event changes nothing; late, out-of-order and `offline: true` events are merged by time; seqNo
 * gaps are recorded. Always answered (never a CALLERROR for a business reason).
 */
export const transactionEvent: MessageHandler = async (p, ctx) => {
  const info = p.transactionInfo ?? {};
  const occurredAt = new Date(p.timestamp);
  const at = Number.isNaN(occurredAt.getTime()) ? ctx.receivedAt : occurredAt;
  const token = p.idToken ? fromIdToken2(p.idToken) : undefined;
  const stationId = ctx.session.stationId;
  // Resolved before the batch: the authorizer may ask the eMSP (never inside a transaction).
  const resolved = token
    ? await resolveToken(ctx, token, 'TransactionEvent', {
        evseId: p.evse?.id,
        remoteStartId: Number.isInteger(info.remoteStartId) ? info.remoteStartId : undefined,
      })
    : undefined;
  return ctx.commit(async (repos, writes) => {
    let { row } = await repos.transactions.ensure(stationId, String(info.transactionId), ctx.session.version);
    const fresh = await repos.transactions.addEvent({
      transactionId: row.id,
      seqNo: Number.isInteger(p.seqNo) ? p.seqNo : null,
      eventType: String(p.eventType),
      triggerReason: p.triggerReason ?? null,
      occurredAt: at,
      offline: p.offline === true,
      payload: p,
    });
    if (resolved && fresh) await recordAuthorization(repos, resolved);
    const response = resolved ? { idTokenInfo: { status: toAuthorizationStatus2(resolved.decision.result) } } : {};
    if (!fresh) return response;

    const evseId = p.evse?.id ?? row.ocpp_evse_id ?? 0;
    const samples = normalizeMeterValues2(Array.isArray(p.meterValue) ? p.meterValue : []);
    storeSamples(writes, stationId, row.id, evseId, samples);

    const before = { last: row.last_seq_no, gaps: row.seq_gaps ?? [] };
    const seq = Number.isInteger(p.seqNo) ? advanceSeqNo(before, p.seqNo) : { ...before, latest: true };
    const latest = seq.latest;
    const changes: TransactionChanges = {
      last_seq_no: seq.last,
      seq_gaps: JSON.stringify(seq.gaps),
      offline: row.offline || p.offline === true,
    };
    if (p.evse) {
      changes.ocpp_evse_id = p.evse.id;
      if (p.evse.connectorId !== undefined) changes.ocpp_connector_id = p.evse.connectorId;
    }
    if (token && !row.id_token) {
      changes.id_token = token.idToken;
      changes.token_type = token.type;
    }
    if (resolved && !row.auth_method) Object.assign(changes, transactionAuthorization(resolved.decision));
    if (latest && info.chargingState) changes.charging_state = info.chargingState;
    if (info.remoteStartId !== undefined) changes.remote_start_id = info.remoteStartId;
    if (p.reservationId !== undefined) changes.reservation_id = p.reservationId;
    if (p.eventType === 'Started' || !row.started_at || at < row.started_at) changes.started_at = at;
    if (p.eventType === 'Ended') {
      changes.status = 'completed';
      changes.stopped_at = at;
      changes.stop_reason = info.stoppedReason ?? 'Local';
    }
    row = await repos.transactions.update(row.id, changes);
    refreshEnergy(writes, row.id);
    // An Ended event carries the final meter values (E06): then the CDR, else a session update.
    if (row.status === 'completed') queueCdrCreate(writes, row.id);
    // A start or a new authorization is pushed at once; progress waits for what follows.
    else if (p.eventType === 'Started' || changes.id_token !== undefined) queueSessionPush(writes, row.id);
    else queueSessionUpdate(writes, row.id);
    return response;
  });
};
