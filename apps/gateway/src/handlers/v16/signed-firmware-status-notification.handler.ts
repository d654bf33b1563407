import { recordingHandler } from '../shared/record-event.js';

/** 1.6 security whitepaper SignedFirmwareStatusNotification: recorded as a station event. */
export const signedFirmwareStatusNotification = recordingHandler('SignedFirmwareStatusNotification');
