import { OcppError } from '@chargebridge/ocpp';

type Json = Record<string, unknown>;

/** A TriggerMessage `requestedMessage` whose CALL has another name. */
const TRIGGERED_ACTION: Readonly<Record<string, string>> = {
  SignChargingStationCertificate: 'SignCertificate',
  SignV2GCertificate: 'SignCertificate',
  SignV2G20Certificate: 'SignCertificate',
  SignCombinedCertificate: 'SignCertificate',
  SignChargePointCertificate: 'SignCertificate',
};

/** Report requests and the messages that carry their report (as many as the report needs). */
const REPORTED_BY: Readonly<Record<string, string>> = {
  GetBaseReport: 'NotifyReport',
  GetReport: 'NotifyReport',
  GetMonitoringReport: 'NotifyMonitoringReport',
};

/**
 * What a station that is not Accepted may send (2.0.1 B02.FR.09 / B03.FR.07, test case
 * TC_B_30_CSMS; 1.6 §4.2): a BootNotification always; while Pending also what the CSMS asked for —
 * one message per TriggerMessage, and the reports of a GetBaseReport / GetReport /
 * GetMonitoringReport. Anything else is answered CALLERROR SecurityError: nothing is processed
 * and nothing is lost, since the station keeps its transaction messages until it is accepted.
 * Kept per connection, and only for stations that are not Accepted.
 */
export class RegistrationGate {
  private readonly triggered = new Map<string, number>();
  private readonly reports = new Set<string>();

  /** Notes a CALL the hub sends to the station. */
  noteOutbound(action: string, payload: unknown): void {
    const p = (payload ?? {}) as Json;
    if (action === 'TriggerMessage' || action === 'ExtendedTriggerMessage') {
      const requested = String(p.requestedMessage);
      const expected = TRIGGERED_ACTION[requested] ?? requested;
      this.triggered.set(expected, (this.triggered.get(expected) ?? 0) + 1);
    }
    const reported = REPORTED_BY[action];
    if (reported !== undefined) this.reports.add(reported);
  }

  /**
   * Lets `action` through or throws SecurityError. `status` is the registration status the
   * station's last boot was answered with (or the stored one before its first boot).
   */
  admit(status: string, action: string): void {
    if (status === 'Accepted' || action === 'BootNotification') return;
    if (status === 'Pending' && this.take(action)) return;
    throw new OcppError(
      'SecurityError',
      `the station is not accepted (registration ${status}): only a BootNotification${
        status === 'Pending' ? ' or a message the CSMS requested' : ''
      } is processed`,
    );
  }

  private take(action: string): boolean {
    if (this.reports.has(action)) return true;
    const left = this.triggered.get(action) ?? 0;
    if (left === 0) return false;
    this.triggered.set(action, left - 1);
    return true;
  }
}
