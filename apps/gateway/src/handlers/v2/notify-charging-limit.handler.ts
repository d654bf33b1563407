import { recordingHandler } from '../shared/record-event.js';

/** 2.0.1 / 2.1 K12 NotifyChargingLimit: recorded as a station event. */
export const notifyChargingLimit = recordingHandler('NotifyChargingLimit', {});
