/**
 * Every job the hub runs, with its typed payload. A job name is also its queue name.
 * Later issues add names here; `assertEveryJobHasOneProcessor` keeps workers honest.
 */
export interface JobPayloads {
  /**
   * Sync a transaction's OCPI Session and push its latest state to the partner that owns its
   * token (keyed by transaction: the worker creates the session row on first sight).
   */
  'session.push': { transactionId: number };
  /**
   * Push the Session a reservation opened (RESERVATION, or INVALID once cancelled / expired) to
   * the eMSP that reserved, while no transaction has taken it over (then `session.push` does).
   */
  'reservation.push': { sessionRowId: number };
  /**
   * Push a location / EVSE / connector change to every partner with a locations receiver. With
   * `evseUid`, a PATCH of that EVSE's status (its location found from the EVSE when not given).
   */
  'location.push': { locationId?: number; evseUid?: string; connectorId?: string };
  /** Push a tariff change to partners with a tariffs receiver. */
  'tariff.push': { tariffId: number };
  /** Build the CDR of a finished transaction. */
  'cdr.create': { transactionId: number };
  /** POST a CDR to its token owner. */
  'cdr.push': { cdrId: number };
  /** Carry an OCPI command to a station and POST the CommandResult. */
  'command.execute': { commandId: string };
  /**
   * Provision a station that booted while Pending: read its configuration, apply the hub's
   * settings, accept it and ask it to boot again (keyed by station: one at a time).
   */
  'station.provision': { stationId: number };
  /**
   * Sign a station's CSR with the station CA (STATION_CA_CERT / STATION_CA_KEY) and send it
   * CertificateSigned: queued by a SignCertificate answered Accepted. `certificateType` is the 2.x
   * request's (never V2GCertificate: those are refused); `requestId` the 2.1 request's, echoed.
   */
  'certificate.sign': { stationId: number; csr: string; certificateType?: string; requestId?: number };
  /** Deliver a command's result to the partner's response_url. */
  'command.result': { commandId: string };
  /** Periodic reconciliation: unacknowledged CDRs, transactions that never ended. */
  'reconcile.run': { reason: 'schedule' | 'manual' };
  /** Housekeeping: prune the frame log and relayed outbox rows. */
  'maintenance.prune': { olderThanDays: number };
}

export type JobName = keyof JobPayloads;

/** All job names, in one list (used for the startup check and for metrics). */
export const jobNames: readonly JobName[] = [
  'session.push',
  'reservation.push',
  'location.push',
  'tariff.push',
  'cdr.create',
  'cdr.push',
  'command.execute',
  'command.result',
  'station.provision',
  'certificate.sign',
  'reconcile.run',
  'maintenance.prune',
];

export function isJobName(name: string): name is JobName {
  return (jobNames as readonly string[]).includes(name);
}
