import type { MessageHandler } from '../handler.types.js';

/** 1.6 §4.6 Heartbeat: last-seen is kept in memory and flushed in batches; nothing to commit. */
export const heartbeat: MessageHandler = (_payload, ctx) => ({ currentTime: ctx.receivedAt.toISOString() });
