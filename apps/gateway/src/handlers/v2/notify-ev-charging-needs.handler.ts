import { recordingHandler } from '../shared/record-event.js';

/**
 * 2.0.1 / 2.1 K17 NotifyEVChargingNeeds: recorded; answered Rejected because the hub does no
 * ISO 15118 smart charging yet.
 */
export const notifyEvChargingNeeds = recordingHandler('NotifyEVChargingNeeds', { status: 'Rejected' });
