import { recordingHandler } from '../shared/record-event.js';

/** 2.0.1 / 2.1 A04 SecurityEventNotification: recorded as a station event. */
export const securityEventNotification = recordingHandler('SecurityEventNotification', {});
