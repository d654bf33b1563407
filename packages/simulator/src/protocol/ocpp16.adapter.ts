import type { JsonObject } from '@chargebridge/ocpp';
import type { ChargingSession, ConnectorState, MeterSample, StopCause } from '../charging-session.js';
import type { ConnectorRef, OutboundMessage, VersionAdapter } from './version-adapter.js';

/** 1.6 `Reason` of StopTransaction (OCPP 1.6 §7.39) for each simulator stop cause. */
const REASON: Record<StopCause, string> = {
  Local: 'Local',
  Remote: 'Remote',
  EVDisconnected: 'EVDisconnected',
  DeAuthorized: 'DeAuthorized',
  HardReset: 'HardReset',
  SoftReset: 'SoftReset',
  Unlock: 'UnlockCommand',
};

/** 1.6 sampledValue list (values are strings in 1.6, §7.43). */
export function sampledValues16(sample: MeterSample): JsonObject[] {
  const context = sample.context;
  return [
    { value: String(sample.energyWh), context, measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
    { value: String(sample.powerW), context, measurand: 'Power.Active.Import', unit: 'W' },
    { value: String(sample.currentA), context, measurand: 'Current.Import', unit: 'A' },
    { value: String(sample.soc), context, measurand: 'SoC', location: 'EV', unit: 'Percent' },
  ];
}

function meterValue(sample: MeterSample): JsonObject {
  return { timestamp: sample.at.toISOString(), sampledValue: sampledValues16(sample) };
}

/** OCPP 1.6J messages of a simulated station. */
export function ocpp16Adapter(vendorName: string, model: string, serial: string): VersionAdapter {
  return {
    version: '1.6',
    bootNotification: () => ({
      chargePointVendor: vendorName.slice(0, 20),
      chargePointModel: model.slice(0, 20),
      chargePointSerialNumber: serial.slice(0, 25),
      firmwareVersion: '1.0.0',
    }),
    statusNotification: (connector: ConnectorRef, state: ConnectorState): OutboundMessage => {
      const timestamp = new Date().toISOString();
      return {
        action: 'StatusNotification',
        tx: false,
        build: () => ({ connectorId: connector.id, errorCode: 'NoError', status: state, timestamp }),
      };
    },
    heartbeat: () => ({ action: 'Heartbeat', tx: false, build: () => ({}) }),
    authorize: (idTag, onResult) => ({
      action: 'Authorize',
      tx: false,
      build: () => ({ idTag }),
      onResult: (res) => onResult((res.idTagInfo as JsonObject | undefined)?.status === 'Accepted'),
      onFail: () => onResult(undefined),
    }),
    startMessages: (connector, session, sample, onRejected) => [
      {
        action: 'StartTransaction',
        tx: true,
        build: () => ({
          connectorId: connector.id,
          idTag: session.idTag,
          meterStart: session.meterStartWh,
          timestamp: session.startedAt.toISOString(),
          ...(session.reservationId === undefined ? {} : { reservationId: session.reservationId }),
        }),
        onResult: (res) => {
          session.transactionId = res.transactionId as number;
          // 1.6 §5.? StopTransactionOnInvalidId: a refused idTag ends the session.
          if ((res.idTagInfo as JsonObject | undefined)?.status !== 'Accepted') onRejected();
        },
      },
      {
        action: 'MeterValues',
        tx: true,
        build: () => meterBody(connector, session, sample),
      },
    ],
    meterMessage: (connector, session, sample) => ({
      action: 'MeterValues',
      tx: session !== undefined,
      build: () => meterBody(connector, session, sample),
    }),
    chargingStateMessage: () => undefined,
    stopMessages: (_connector, session, sample) => [
      {
        action: 'StopTransaction',
        tx: true,
        build: () => ({
          transactionId: session.transactionId as number,
          idTag: session.idTag,
          meterStop: sample.energyWh,
          timestamp: sample.at.toISOString(),
          reason: REASON[session.stopCause ?? 'Local'],
          ...(session.offlineSamples.length > 0
            ? { transactionData: [...session.offlineSamples, sample].map(meterValue) }
            : {}),
        }),
      },
    ],
    newTransactionId: () => undefined,
  };
}

function meterBody(connector: ConnectorRef, session: ChargingSession | undefined, sample: MeterSample): object {
  return {
    connectorId: connector.id,
    // Unknown while StartTransaction.conf is outstanding (its start failed): optional in 1.6.
    ...(typeof session?.transactionId === 'number' ? { transactionId: session.transactionId } : {}),
    meterValue: [meterValue(sample)],
  };
}
