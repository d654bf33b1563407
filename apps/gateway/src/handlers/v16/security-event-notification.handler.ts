import { recordingHandler } from '../shared/record-event.js';

/** 1.6 security whitepaper §4 SecurityEventNotification: recorded with its own timestamp. */
export const securityEventNotification = recordingHandler('SecurityEventNotification');
