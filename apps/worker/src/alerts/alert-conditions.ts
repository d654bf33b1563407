import type { AlertRuleName, AlertRuleThresholds } from '@chargebridge/domain';
import type { AlertCondition, AlertConditionsRepository } from '@chargebridge/store';

/** Lists the subjects for which a rule's condition holds at `now`. */
export type ConditionReader = (
  facts: AlertConditionsRepository,
  now: Date,
  thresholds: AlertRuleThresholds,
) => Promise<AlertCondition[]>;

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Each rule's condition in words and data (see `alertRuleCatalogue` for titles, severities and
 * debounce). Subjects follow the catalogue's documented formats.
 */
export const ALERT_CONDITIONS: Readonly<Record<AlertRuleName, ConditionReader>> = {
  // Debounced by the catalogue (pending for ALERT_OFFLINE_MINUTES since it went offline).
  station_offline: async (facts) =>
    (await facts.offlineStations()).map((s) => ({
      subject: s.identity,
      message: `Station ${s.identity} is offline`,
      details: { identity: s.identity, last_seen_at: iso(s.lastSeenAt) },
      since: s.since,
    })),

  connector_faulted: async (facts, now) =>
    (await facts.faultedConnectors()).map((c) => ({
      subject: `${c.identity}/${c.ocppEvseId}/${c.ocppConnectorId}`,
      message: `Connector ${c.ocppConnectorId} of EVSE ${c.ocppEvseId} at ${c.identity} is Faulted${
        c.errorCode && c.errorCode !== 'NoError' ? ` (${c.errorCode})` : ''
      }`,
      details: {
        identity: c.identity,
        ocpp_evse_id: c.ocppEvseId,
        ocpp_connector_id: c.ocppConnectorId,
        error_code: c.errorCode,
      },
      since: c.since ?? now,
    })),

  no_meter_values: async (facts, now, t) =>
    (await facts.silentChargingTransactions(minutesAgo(now, t.noMeterValuesMinutes))).map((x) => ({
      subject: `${x.identity}/${x.transactionUid}`,
      message: `Transaction ${x.transactionUid} at ${x.identity} is charging without meter values for over ${t.noMeterValuesMinutes} minutes`,
      details: {
        identity: x.identity,
        transaction_id: x.transactionUid,
        transaction_row_id: x.transactionId,
        last_sample_at: iso(x.lastSampleAt),
      },
      since: x.since,
    })),

  command_stuck: async (facts, now, t) =>
    (await facts.stuckCommands(now, new Date(now.getTime() - t.commandStuckSeconds * 1000))).map((c) => ({
      subject: c.id,
      message: `${c.action}${c.identity ? ` to ${c.identity}` : ''} is still ${c.state}`,
      details: {
        command_id: c.id,
        action: c.action,
        state: c.state,
        identity: c.identity,
        created_at: iso(c.createdAt),
        deadline_at: iso(c.deadlineAt),
      },
      since: c.createdAt,
    })),

  partner_push_failures: async (facts, _now, t) =>
    (await facts.partnersWithFailedPushes(t.pushFailures)).map((p) => ({
      subject: p.partnerId,
      message: `The last ${p.failures} pushes to ${p.name} failed${p.lastHttpStatus ? ` (HTTP ${p.lastHttpStatus})` : ''}`,
      details: {
        partner_id: p.partnerId,
        failures: p.failures,
        last_error: p.lastError,
        last_http_status: p.lastHttpStatus,
      },
      since: p.since,
    })),
};
