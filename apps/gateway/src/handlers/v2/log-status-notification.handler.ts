import { recordingHandler } from '../shared/record-event.js';

/** 2.0.1 / 2.1 N01 LogStatusNotification: recorded as a station event. */
export const logStatusNotification = recordingHandler('LogStatusNotification', {});
