import type { MessageHandler } from '../handler.types.js';
import { recordEvent } from '../shared/record-event.js';

/** 2.1 NotifyPeriodicEventStream, a SEND (part 4 §4.1.1, message type 6): recorded, never answered. */
export const notifyPeriodicEventStream: MessageHandler = async (p, ctx) => {
  await recordEvent(ctx, 'NotifyPeriodicEventStream', p, p.basetime);
  return undefined;
};
