import type { HandlerTable } from '../handler.types.js';
import { authorize } from './authorize.handler.js';
import { bootNotification } from './boot-notification.handler.js';
import { dataTransfer } from './data-transfer.handler.js';
import { diagnosticsStatusNotification } from './diagnostics-status-notification.handler.js';
import { firmwareStatusNotification } from './firmware-status-notification.handler.js';
import { heartbeat } from './heartbeat.handler.js';
import { logStatusNotification } from './log-status-notification.handler.js';
import { meterValues } from './meter-values.handler.js';
import { securityEventNotification } from './security-event-notification.handler.js';
import { signCertificate } from './sign-certificate.handler.js';
import { signedFirmwareStatusNotification } from './signed-firmware-status-notification.handler.js';
import { startTransaction } from './start-transaction.handler.js';
import { statusNotification } from './status-notification.handler.js';
import { stopTransaction } from './stop-transaction.handler.js';

/** OCPP 1.6 (with the security whitepaper messages): action → handler. */
export const ocpp16Handlers: HandlerTable = {
  Authorize: authorize,
  BootNotification: bootNotification,
  DataTransfer: dataTransfer,
  DiagnosticsStatusNotification: diagnosticsStatusNotification,
  FirmwareStatusNotification: firmwareStatusNotification,
  Heartbeat: heartbeat,
  LogStatusNotification: logStatusNotification,
  MeterValues: meterValues,
  SecurityEventNotification: securityEventNotification,
  SignCertificate: signCertificate,
  SignedFirmwareStatusNotification: signedFirmwareStatusNotification,
  StartTransaction: startTransaction,
  StatusNotification: statusNotification,
  StopTransaction: stopTransaction,
};
