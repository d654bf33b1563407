import { recordingHandler } from '../shared/record-event.js';

/** 2.0.1 / 2.1 P01 DataTransfer: recorded; no vendor extension is implemented (UnknownVendorId). */
export const dataTransfer = recordingHandler('DataTransfer', { status: 'UnknownVendorId' });
