import { recordingHandler } from '../shared/record-event.js';

/** 1.6 security whitepaper LogStatusNotification: recorded as a station event. */
export const logStatusNotification = recordingHandler('LogStatusNotification');
