/**
 * The dashboard's alert rules: what each watches, how bad it is, and the threshold that opens it.
 * The worker evaluates them (apps/worker/src/alerts); the admin API lists them (`GET /alerts/rules`).
 *
 * Subjects (what an alert is about, unique per rule among active alerts):
 *   station_offline        the station identity
 *   connector_faulted      `<identity>/<ocpp evse id>/<ocpp connector id>`
 *   no_meter_values        `<identity>/<transaction id>` (the OCPP transaction id)
 *   command_stuck          the command id
 *   partner_push_failures  the partner id
 */
export type AlertRuleName =
  | 'station_offline'
  | 'connector_faulted'
  | 'no_meter_values'
  | 'command_stuck'
  | 'partner_push_failures';

export type AlertSeverity = 'critical' | 'warning' | 'info';

/** The thresholds the rules are configured with (ALERT_* variables). */
export interface AlertRuleThresholds {
  offlineMinutes: number;
  noMeterValuesMinutes: number;
  commandStuckSeconds: number;
  pushFailures: number;
}

/** One rule as the API describes it. */
export interface AlertRuleDefinition {
  rule: AlertRuleName;
  title: string;
  description: string;
  severity: AlertSeverity;
  /** The configured threshold, with its unit and the variable that sets it. */
  threshold: { value: number; unit: 'minutes' | 'seconds' | 'failures'; variable: string };
  /**
   * How long the condition must hold before the alert opens (pending until then), ms. 0 opens at
   * once; rules whose threshold is part of the condition itself (e.g. "no meter values for N
   * minutes") open as soon as the condition is true.
   */
  debounceMs: number;
}

/** Every rule with the given thresholds, in the order the dashboard lists them. */
export function alertRuleCatalogue(t: AlertRuleThresholds): AlertRuleDefinition[] {
  return [
    {
      rule: 'station_offline',
      title: 'Station offline',
      description: `A station that has connected before is offline for longer than ${t.offlineMinutes} minutes.`,
      severity: 'warning',
      threshold: { value: t.offlineMinutes, unit: 'minutes', variable: 'ALERT_OFFLINE_MINUTES' },
      debounceMs: t.offlineMinutes * 60_000,
    },
    {
      rule: 'connector_faulted',
      title: 'Connector faulted',
      description: 'A connector reports the Faulted status.',
      severity: 'critical',
      threshold: { value: 0, unit: 'seconds', variable: 'none (opens at once)' },
      debounceMs: 0,
    },
    {
      rule: 'no_meter_values',
      title: 'No meter values while charging',
      description: `A charging transaction has sent no meter values for ${t.noMeterValuesMinutes} minutes.`,
      severity: 'warning',
      threshold: { value: t.noMeterValuesMinutes, unit: 'minutes', variable: 'ALERT_NO_METER_VALUES_MINUTES' },
      debounceMs: 0,
    },
    {
      rule: 'command_stuck',
      title: 'Command stuck',
      description: `A command is still queued or sent past its deadline or after ${t.commandStuckSeconds} seconds.`,
      severity: 'warning',
      threshold: { value: t.commandStuckSeconds, unit: 'seconds', variable: 'ALERT_COMMAND_STUCK_SECONDS' },
      debounceMs: 0,
    },
    {
      rule: 'partner_push_failures',
      title: 'Partner push failures',
      description: `The last ${t.pushFailures} pushes to a partner all failed.`,
      severity: 'critical',
      threshold: { value: t.pushFailures, unit: 'failures', variable: 'ALERT_PUSH_FAILURES' },
      debounceMs: 0,
    },
  ];
}
