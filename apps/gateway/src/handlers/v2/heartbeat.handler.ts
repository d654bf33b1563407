import type { MessageHandler } from '../handler.types.js';

/** 2.0.1 / 2.1 G02 Heartbeat: in memory only, flushed in batches. */
export const heartbeat: MessageHandler = (_payload, ctx) => ({ currentTime: ctx.receivedAt.toISOString() });
