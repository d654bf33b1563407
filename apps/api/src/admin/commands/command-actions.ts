import type { OcppVersion } from '@chargebridge/ocpp';

/** 2.0.1 part 2, "messages initiated by the CSMS". */
const CSMS_ACTIONS_201 = [
  'CancelReservation',
  'CertificateSigned',
  'ChangeAvailability',
  'ClearCache',
  'ClearChargingProfile',
  'ClearDisplayMessage',
  'ClearVariableMonitoring',
  'CostUpdated',
  'CustomerInformation',
  'DataTransfer',
  'DeleteCertificate',
  'GetBaseReport',
  'GetChargingProfiles',
  'GetCompositeSchedule',
  'GetDisplayMessages',
  'GetInstalledCertificateIds',
  'GetLocalListVersion',
  'GetLog',
  'GetMonitoringReport',
  'GetReport',
  'GetTransactionStatus',
  'GetVariables',
  'InstallCertificate',
  'PublishFirmware',
  'RequestStartTransaction',
  'RequestStopTransaction',
  'ReserveNow',
  'Reset',
  'SendLocalList',
  'SetChargingProfile',
  'SetDisplayMessage',
  'SetMonitoringBase',
  'SetMonitoringLevel',
  'SetNetworkProfile',
  'SetVariableMonitoring',
  'SetVariables',
  'TriggerMessage',
  'UnlockConnector',
  'UnpublishFirmware',
  'UpdateFirmware',
];

/** What 2.1 adds to them (it drops none). */
const CSMS_ACTIONS_21_ADDED = [
  'AFRRSignal',
  'AdjustPeriodicEventStream',
  'ChangeTransactionTariff',
  'ClearDERControl',
  'ClearTariffs',
  'GetDERControl',
  'GetPeriodicEventStream',
  'GetTariffs',
  'NotifyAllowedEnergyTransfer',
  'NotifyWebPaymentStarted',
  'RequestBatterySwap',
  'SetDERControl',
  'SetDefaultTariff',
  'UpdateDynamicSchedule',
  'UsePriorityCharging',
];

/**
 * Messages the CSMS initiates (the schemas do not say who sends what). 1.6 core + smart charging
 * + reservation + firmware + local list + trigger profiles and the security whitepaper (§7 of
 * each); 2.0.1 part 2 "messages initiated by the CSMS"; 2.1 adds its own. Filtered against the
 * version's schema set, so a name that is not a message of that version never reaches the catalog.
 */
const CSMS_ACTIONS: Readonly<Record<OcppVersion, readonly string[]>> = {
  '1.6': [
    'CancelReservation',
    'CertificateSigned',
    'ChangeAvailability',
    'ChangeConfiguration',
    'ClearCache',
    'ClearChargingProfile',
    'DataTransfer',
    'DeleteCertificate',
    'ExtendedTriggerMessage',
    'GetCompositeSchedule',
    'GetConfiguration',
    'GetDiagnostics',
    'GetInstalledCertificateIds',
    'GetLocalListVersion',
    'GetLog',
    'InstallCertificate',
    'RemoteStartTransaction',
    'RemoteStopTransaction',
    'ReserveNow',
    'Reset',
    'SendLocalList',
    'SetChargingProfile',
    'SignedUpdateFirmware',
    'TriggerMessage',
    'UnlockConnector',
    'UpdateFirmware',
  ],
  '2.0.1': CSMS_ACTIONS_201,
  '2.1': [...CSMS_ACTIONS_201, ...CSMS_ACTIONS_21_ADDED].sort(),
};

/** 2.0.1 and 2.1 offer the same common commands. */
const V2_COMMON_ACTIONS = [
  'Reset',
  'RequestStartTransaction',
  'RequestStopTransaction',
  'UnlockConnector',
  'ChangeAvailability',
  'TriggerMessage',
  'GetVariables',
  'SetVariables',
  'ClearCache',
  'UpdateFirmware',
  'SetChargingProfile',
  'ReserveNow',
  'CancelReservation',
] as const;

/** The everyday commands, listed first in the dashboard's command form. */
export const COMMON_ACTIONS: Readonly<Record<OcppVersion, readonly string[]>> = {
  '1.6': [
    'Reset',
    'RemoteStartTransaction',
    'RemoteStopTransaction',
    'UnlockConnector',
    'ChangeAvailability',
    'TriggerMessage',
    'GetConfiguration',
    'ChangeConfiguration',
    'ClearCache',
    'UpdateFirmware',
    'SetChargingProfile',
    'ReserveNow',
    'CancelReservation',
  ],
  '2.0.1': V2_COMMON_ACTIONS,
  '2.1': V2_COMMON_ACTIONS,
};

/** The CSMS-initiated messages the spec lists for `version` (before checking the schema set). */
export function csmsActions(version: OcppVersion): readonly string[] {
  return CSMS_ACTIONS[version];
}
