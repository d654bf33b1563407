import type { JsonObject, OcppVersion } from '@chargebridge/ocpp';
import type { ChargingSession, ConnectorState, MeterSample } from '../charging-session.js';

/**
 * One message a station sends. `tx` marks a transaction message (OCPP 1.6 §4.10 / 2.0.1 E.
 * "transaction-related"): queued while offline and replayed in order, never dropped. `build` runs
 * when the message is actually sent, so a 1.6 MeterValues queued offline still picks up the
 * transactionId that StartTransaction.conf brings later.
 */
export interface OutboundMessage {
  readonly action: string;
  readonly tx: boolean;
  /** `offline`: the event happened while the station was offline (2.x TransactionEvent.offline). */
  build(offline: boolean): object;
  onResult?(response: JsonObject): void;
  onFail?(error: unknown): void;
}

/** What a version adapter needs to know about a connector when building a message. */
export interface ConnectorRef {
  /** 1.6 connectorId; 2.x evseId (each EVSE has connector 1). */
  readonly id: number;
  readonly state: ConnectorState;
}

/** Why the station (re)boots: PowerUp first, RemoteReset after Reset, Unknown after a dropped link. */
export type BootReason = 'PowerUp' | 'RemoteReset' | 'Triggered' | 'Unknown';

/** Builds the wire messages of one OCPP version; everything version-specific lives in one adapter. */
export interface VersionAdapter {
  readonly version: OcppVersion;
  /** `reason`: 2.x BootReasonEnumType (1.6 has no reason). */
  bootNotification(reason: BootReason): object;
  statusNotification(connector: ConnectorRef, state: ConnectorState): OutboundMessage;
  heartbeat(): OutboundMessage;
  authorize(idTag: string, onResult: (accepted: boolean | undefined) => void): OutboundMessage;
  /** `onRejected`: the CSMS refused the token in its answer (the station then stops the session). */
  startMessages(
    connector: ConnectorRef,
    session: ChargingSession,
    sample: MeterSample,
    onRejected: () => void,
  ): OutboundMessage[];
  meterMessage(connector: ConnectorRef, session: ChargingSession | undefined, sample: MeterSample): OutboundMessage;
  /** 2.x: TransactionEvent Updated on a chargingState change; 1.6 has none (status only). */
  chargingStateMessage(connector: ConnectorRef, session: ChargingSession): OutboundMessage | undefined;
  stopMessages(connector: ConnectorRef, session: ChargingSession, sample: MeterSample): OutboundMessage[];
  /** 2.x: the transactionId is ours, known at once; 1.6 waits for StartTransaction.conf. */
  newTransactionId(): string | undefined;
}
