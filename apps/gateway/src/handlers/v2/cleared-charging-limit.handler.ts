import { recordingHandler } from '../shared/record-event.js';

/** 2.0.1 / 2.1 K13 ClearedChargingLimit: recorded as a station event. */
export const clearedChargingLimit = recordingHandler('ClearedChargingLimit', {});
