import { recordingHandler } from '../shared/record-event.js';

/** 1.6 §4.3 DataTransfer: recorded; no vendor extension is implemented (§4.3: UnknownVendorId). */
export const dataTransfer = recordingHandler('DataTransfer', { status: 'UnknownVendorId' });
