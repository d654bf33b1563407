import type { OcppVersion } from '@chargebridge/ocpp';

type Example = (now: Date) => Record<string, unknown>;
const hourLater = (now: Date) => new Date(now.getTime() + 3_600_000).toISOString();
const token2 = { idToken: 'TOKEN001', type: 'ISO14443' };

/** 1.6 examples: valid requests an operator edits rather than writes (a test validates each). */
const V16: Record<string, Example> = {
  Reset: () => ({ type: 'Soft' }),
  RemoteStartTransaction: () => ({ connectorId: 1, idTag: 'TOKEN001' }),
  RemoteStopTransaction: () => ({ transactionId: 1 }),
  UnlockConnector: () => ({ connectorId: 1 }),
  ChangeAvailability: () => ({ connectorId: 0, type: 'Operative' }),
  TriggerMessage: () => ({ requestedMessage: 'StatusNotification', connectorId: 1 }),
  GetConfiguration: () => ({ key: ['HeartbeatInterval'] }),
  ChangeConfiguration: () => ({ key: 'HeartbeatInterval', value: '300' }),
  ClearCache: () => ({}),
  UpdateFirmware: (now) => ({ location: 'https://firmware.example.com/station.bin', retrieveDate: now.toISOString() }),
  SetChargingProfile: () => ({
    connectorId: 1,
    csChargingProfiles: {
      chargingProfileId: 1,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
    },
  }),
  ReserveNow: (now) => ({ connectorId: 1, expiryDate: hourLater(now), idTag: 'TOKEN001', reservationId: 1 }),
  CancelReservation: () => ({ reservationId: 1 }),
};

/** 2.0.1 / 2.1 examples (same shapes for these messages in both). */
const V2: Record<string, Example> = {
  Reset: () => ({ type: 'Immediate' }),
  RequestStartTransaction: () => ({ idToken: token2, remoteStartId: 1, evseId: 1 }),
  RequestStopTransaction: () => ({ transactionId: 'TRANSACTION-ID' }),
  UnlockConnector: () => ({ evseId: 1, connectorId: 1 }),
  ChangeAvailability: () => ({ operationalStatus: 'Operative', evse: { id: 1 } }),
  TriggerMessage: () => ({ requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } }),
  GetVariables: () => ({
    getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }],
  }),
  SetVariables: () => ({
    setVariableData: [
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' }, attributeValue: '300' },
    ],
  }),
  ClearCache: () => ({}),
  UpdateFirmware: (now) => ({
    requestId: 1,
    firmware: { location: 'https://firmware.example.com/station.bin', retrieveDateTime: now.toISOString() },
  }),
  SetChargingProfile: () => ({
    evseId: 1,
    chargingProfile: {
      id: 1,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: [{ id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] }],
    },
  }),
  ReserveNow: (now) => ({ id: 1, expiryDateTime: hourLater(now), idToken: token2, evseId: 1 }),
  CancelReservation: () => ({ reservationId: 1 }),
};

/** A hand-written example request of a common command, or undefined. */
export function commandExample(
  version: OcppVersion,
  action: string,
  now = new Date(),
): Record<string, unknown> | undefined {
  return (version === '1.6' ? V16 : V2)[action]?.(now);
}
