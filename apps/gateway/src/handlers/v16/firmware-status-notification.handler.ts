import { recordingHandler } from '../shared/record-event.js';

/** 1.6 §4.5 FirmwareStatusNotification: recorded as a station event. */
export const firmwareStatusNotification = recordingHandler('FirmwareStatusNotification');
