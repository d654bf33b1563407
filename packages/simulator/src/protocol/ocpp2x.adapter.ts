import { randomUUID } from 'node:crypto';
import type { JsonObject, OcppVersion } from '@chargebridge/ocpp';
import type { ChargingSession, ConnectorState, MeterSample, StopCause } from '../charging-session.js';
import type { ConnectorRef, OutboundMessage, VersionAdapter } from './version-adapter.js';

/** 2.x ConnectorStatusEnumType: every "in use" state is Occupied (2.0.1 G01). */
const CONNECTOR_STATUS: Record<ConnectorState, string> = {
  Available: 'Available',
  Preparing: 'Occupied',
  Charging: 'Occupied',
  SuspendedEV: 'Occupied',
  Finishing: 'Occupied',
  Reserved: 'Reserved',
  Unavailable: 'Unavailable',
};

/** TransactionEvent Ended: triggerReason and stoppedReason (2.0.1 E06, ReasonEnumType) per cause. */
const ENDED: Record<StopCause, { triggerReason: string; stoppedReason: string }> = {
  Local: { triggerReason: 'StopAuthorized', stoppedReason: 'Local' },
  Remote: { triggerReason: 'RemoteStop', stoppedReason: 'Remote' },
  EVDisconnected: { triggerReason: 'EVDeparted', stoppedReason: 'EVDisconnected' },
  DeAuthorized: { triggerReason: 'Deauthorized', stoppedReason: 'DeAuthorized' },
  HardReset: { triggerReason: 'ResetCommand', stoppedReason: 'ImmediateReset' },
  SoftReset: { triggerReason: 'ResetCommand', stoppedReason: 'ImmediateReset' },
  Unlock: { triggerReason: 'UnlockCommand', stoppedReason: 'Other' },
};

/** 2.x sampledValue list (numeric values, unitOfMeasure objects). */
export function sampledValues2x(sample: MeterSample): JsonObject[] {
  const context = sample.context;
  return [
    { value: sample.energyWh, context, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } },
    { value: sample.powerW, context, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W' } },
    { value: sample.currentA, context, measurand: 'Current.Import', unitOfMeasure: { unit: 'A' } },
    { value: sample.soc, context, measurand: 'SoC', location: 'EV', unitOfMeasure: { unit: 'Percent' } },
  ];
}

function meterValue(sample: MeterSample): JsonObject[] {
  return [{ timestamp: sample.at.toISOString(), sampledValue: sampledValues2x(sample) }];
}

function idToken(idTag: string): JsonObject {
  return { idToken: idTag, type: 'ISO14443' };
}

/** OCPP 2.0.1 / 2.1 messages of a simulated station (the subset used here is the same in both). */
export function ocpp2xAdapter(version: OcppVersion, vendorName: string, model: string, serial: string): VersionAdapter {
  const event = (
    connector: ConnectorRef,
    session: ChargingSession,
    fields: { eventType: string; triggerReason: string; info?: JsonObject; extra?: JsonObject; sample?: MeterSample },
    onResult?: (res: JsonObject) => void,
  ): OutboundMessage => {
    // seqNo is fixed when the event happens, not when it is sent (2.0.1 E01.FR.16: per event).
    const seqNo = session.seqNo++;
    const timestamp = (fields.sample?.at ?? new Date()).toISOString();
    const chargingState = session.chargingState;
    return {
      action: 'TransactionEvent',
      tx: true,
      build: (offline) => ({
        eventType: fields.eventType,
        timestamp,
        triggerReason: fields.triggerReason,
        seqNo,
        ...(offline ? { offline: true } : {}),
        transactionInfo: { transactionId: String(session.transactionId), chargingState, ...fields.info },
        evse: { id: connector.id, connectorId: 1 },
        ...(fields.sample ? { meterValue: meterValue(fields.sample) } : {}),
        ...fields.extra,
      }),
      onResult,
    };
  };
  return {
    version,
    bootNotification: (reason) => ({
      reason,
      chargingStation: {
        model: model.slice(0, 20),
        vendorName: vendorName.slice(0, 50),
        serialNumber: serial.slice(0, 25),
        firmwareVersion: '1.0.0',
      },
    }),
    statusNotification: (connector, state) => {
      const timestamp = new Date().toISOString();
      return {
        action: 'StatusNotification',
        tx: false,
        build: () => ({ timestamp, connectorStatus: CONNECTOR_STATUS[state], evseId: connector.id, connectorId: 1 }),
      };
    },
    heartbeat: () => ({ action: 'Heartbeat', tx: false, build: () => ({}) }),
    authorize: (idTag, onResult) => ({
      action: 'Authorize',
      tx: false,
      build: () => ({ idToken: idToken(idTag) }),
      onResult: (res) => onResult((res.idTokenInfo as JsonObject | undefined)?.status === 'Accepted'),
      onFail: () => onResult(undefined),
    }),
    startMessages: (connector, session, sample, onRejected) => [
      event(
        connector,
        session,
        {
          eventType: 'Started',
          triggerReason: session.remoteStartId === undefined ? 'Authorized' : 'RemoteStart',
          info: session.remoteStartId === undefined ? {} : { remoteStartId: session.remoteStartId },
          extra: {
            idToken: idToken(session.idTag),
            ...(session.reservationId === undefined ? {} : { reservationId: session.reservationId }),
          },
          sample,
        },
        (res) => {
          const status = (res.idTokenInfo as JsonObject | undefined)?.status;
          if (status !== undefined && status !== 'Accepted') onRejected();
        },
      ),
    ],
    meterMessage: (connector, session, sample) => {
      if (session === undefined) {
        return {
          action: 'MeterValues',
          tx: false,
          build: () => ({ evseId: connector.id, meterValue: meterValue(sample) }),
        };
      }
      return event(connector, session, {
        eventType: 'Updated',
        triggerReason: sample.context === 'Trigger' ? 'Trigger' : 'MeterValuePeriodic',
        sample,
      });
    },
    chargingStateMessage: (connector, session) =>
      event(connector, session, { eventType: 'Updated', triggerReason: 'ChargingStateChanged' }),
    stopMessages: (connector, session, sample) => {
      const { triggerReason, stoppedReason } = ENDED[session.stopCause ?? 'Local'];
      return [event(connector, session, { eventType: 'Ended', triggerReason, info: { stoppedReason }, sample })];
    },
    newTransactionId: () => randomUUID(),
  };
}
