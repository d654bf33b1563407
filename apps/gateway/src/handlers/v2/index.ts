import type { HandlerTable } from '../handler.types.js';
import { authorize } from './authorize.handler.js';
import { bootNotification } from './boot-notification.handler.js';
import { clearedChargingLimit } from './cleared-charging-limit.handler.js';
import { dataTransfer } from './data-transfer.handler.js';
import { firmwareStatusNotification } from './firmware-status-notification.handler.js';
import { heartbeat } from './heartbeat.handler.js';
import { logStatusNotification } from './log-status-notification.handler.js';
import { meterValues } from './meter-values.handler.js';
import { notifyChargingLimit } from './notify-charging-limit.handler.js';
import { notifyEvChargingNeeds } from './notify-ev-charging-needs.handler.js';
import { notifyEvent } from './notify-event.handler.js';
import { notifyPeriodicEventStream } from './notify-periodic-event-stream.handler.js';
import { notifyReport } from './notify-report.handler.js';
import { reservationStatusUpdate } from './reservation-status-update.handler.js';
import { securityEventNotification } from './security-event-notification.handler.js';
import { signCertificate } from './sign-certificate.handler.js';
import { statusNotification } from './status-notification.handler.js';
import { transactionEvent } from './transaction-event.handler.js';

/**
 * OCPP 2.0.1: action → handler. 2.0.1 and 2.1 share these files: the messages handled here have
 * the same shape in both (2.1 only adds optional fields), so one file per action serves both.
 */
export const ocpp201Handlers: HandlerTable = {
  Authorize: authorize,
  BootNotification: bootNotification,
  ClearedChargingLimit: clearedChargingLimit,
  DataTransfer: dataTransfer,
  FirmwareStatusNotification: firmwareStatusNotification,
  Heartbeat: heartbeat,
  LogStatusNotification: logStatusNotification,
  MeterValues: meterValues,
  NotifyChargingLimit: notifyChargingLimit,
  NotifyEVChargingNeeds: notifyEvChargingNeeds,
  NotifyEvent: notifyEvent,
  NotifyReport: notifyReport,
  ReservationStatusUpdate: reservationStatusUpdate,
  SecurityEventNotification: securityEventNotification,
  SignCertificate: signCertificate,
  StatusNotification: statusNotification,
  TransactionEvent: transactionEvent,
};

/** OCPP 2.1: the 2.0.1 handlers plus its SEND message. */
export const ocpp21Handlers: HandlerTable = {
  ...ocpp201Handlers,
  NotifyPeriodicEventStream: notifyPeriodicEventStream,
};
