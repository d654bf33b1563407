import type { MessageHandler } from '../handler.types.js';
import { bootStation } from '../shared/boot.js';

/** 1.6 §4.2 BootNotification. */
export const bootNotification: MessageHandler = (payload, ctx) => bootStation(payload, ctx);
