import { recordingHandler } from '../shared/record-event.js';

/** 1.6 §4.4 DiagnosticsStatusNotification: recorded as a station event. */
export const diagnosticsStatusNotification = recordingHandler('DiagnosticsStatusNotification');
