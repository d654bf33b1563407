import { recordingHandler } from '../shared/record-event.js';

/** 2.0.1 / 2.1 H05 ReservationStatusUpdate: recorded as a station event. */
export const reservationStatusUpdate = recordingHandler('ReservationStatusUpdate', {});
