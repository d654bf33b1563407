import type { FrameEvent } from '@chargebridge/ocpp';
import type { NewFrame, Repositories } from '@chargebridge/store';
import type { BatchPassenger } from './commit-batcher.js';

const CHUNK = 1_000;

/**
 * The raw frame log, buffered in memory and appended with multi-row inserts inside the next batch
 * transaction (so an inbound frame is durable no later than the answer it earned).
 */
export class FrameLogBuffer implements BatchPassenger {
  private buffer: NewFrame[] = [];

  constructor(
    private readonly node: string,
    /** Raw text kept per frame (oversized frames are logged cut). */
    private readonly maxRawChars: number,
    /** Most frames held before new ones are dropped (back-pressure when the store is down). */
    private readonly maxBuffered = 200_000,
  ) {}

  get size(): number {
    return this.buffer.length;
  }

  /** Records one frame of a station. */
  add(identity: string, event: FrameEvent): void {
    if (this.buffer.length >= this.maxBuffered) return;
    const frame = event.frame;
    this.buffer.push({
      station_identity: identity,
      direction: event.direction,
      message_type: frame?.type ?? event.failure?.messageTypeId ?? null,
      message_id: frame?.messageId ?? event.failure?.messageId ?? null,
      action: frame !== undefined && 'action' in frame ? frame.action : null,
      raw: event.text.length > this.maxRawChars ? event.text.slice(0, this.maxRawChars) : event.text,
      violation: event.failure ? `${event.failure.reason}: ${event.failure.error.code}` : null,
      node: this.node,
      at: event.at,
    });
  }

  /** Records a schema violation let through in lenient mode (a row of its own, no raw frame). */
  addViolation(identity: string, direction: 'in' | 'out', messageId: string, action: string, text: string): void {
    if (this.buffer.length >= this.maxBuffered) return;
    this.buffer.push({
      station_identity: identity,
      direction,
      message_type: null,
      message_id: messageId,
      action,
      raw: '',
      violation: text,
      node: this.node,
      at: new Date(),
    });
  }

  drain(): NewFrame[] | undefined {
    if (this.buffer.length === 0) return undefined;
    const out = this.buffer;
    this.buffer = [];
    return out;
  }

  async write(repos: Repositories, entries: unknown[]): Promise<void> {
    const frames = entries as NewFrame[];
    for (let i = 0; i < frames.length; i += CHUNK) await repos.frames.append(frames.slice(i, i + CHUNK));
  }

  restore(entries: unknown[]): void {
    this.buffer = (entries as NewFrame[]).concat(this.buffer);
  }
}
