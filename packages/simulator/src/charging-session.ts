/** Connector states the simulator models; each version adapter maps them to its wire enum. */
export type ConnectorState =
  | 'Available'
  | 'Preparing'
  | 'Charging'
  | 'SuspendedEV'
  | 'Finishing'
  | 'Reserved'
  | 'Unavailable';

/** Why a session ended, in simulator terms; adapters map to 1.6 `Reason` / 2.x `ReasonEnumType`. */
export type StopCause = 'Local' | 'Remote' | 'EVDisconnected' | 'DeAuthorized' | 'HardReset' | 'SoftReset' | 'Unlock';

/** One meter reading of a session. */
export interface MeterSample {
  readonly at: Date;
  readonly energyWh: number;
  readonly powerW: number;
  readonly currentA: number;
  readonly soc: number;
  readonly context: 'Transaction.Begin' | 'Sample.Periodic' | 'Transaction.End' | 'Trigger';
}

/** One charging session on a connector, from start to stop. */
export interface ChargingSession {
  /** 2.x: our UUID, known at once. 1.6: the CSMS's number from StartTransaction.conf, later. */
  transactionId: string | number | undefined;
  readonly idTag: string;
  readonly startedAt: Date;
  readonly meterStartWh: number;
  /** 2.x TransactionEvent seqNo, incremented per event (2.0.1 E01.FR.16). */
  seqNo: number;
  chargingState: 'Charging' | 'SuspendedEV';
  readonly remoteStartId: number | undefined;
  readonly reservationId: number | undefined;
  stopCause: StopCause | undefined;
  /** 1.6: samples taken while offline, sent again as StopTransaction.transactionData. */
  readonly offlineSamples: MeterSample[];
}
