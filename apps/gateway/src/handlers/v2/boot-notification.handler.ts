import type { MessageHandler } from '../handler.types.js';
import { bootStation } from '../shared/boot.js';

/** 2.0.1 / 2.1 B01–B03 BootNotification. */
export const bootNotification: MessageHandler = (payload, ctx) => bootStation(payload, ctx);
