import { recordingHandler } from '../shared/record-event.js';

/** 2.0.1 / 2.1 L01 FirmwareStatusNotification: recorded as a station event. */
export const firmwareStatusNotification = recordingHandler('FirmwareStatusNotification', {});
