import type { Redis } from 'ioredis';
import type { SerializedCallError } from './station-call.errors.js';

/** A call forwarded to the node that owns the station. */
export interface CallRequestMessage {
  t: 'req';
  id: string;
  from: string;
  identity: string;
  action: string;
  payload: unknown;
  timeoutMs: number;
}

/** The owning node's answer. */
export interface CallReplyMessage {
  t: 'res';
  id: string;
  ok: boolean;
  response?: unknown;
  error?: SerializedCallError;
}

/** Another node took the station's socket: the addressed node closes its older one. */
export interface EvictMessage {
  t: 'evict';
  identity: string;
  by: string;
}

export type BusMessage = CallRequestMessage | CallReplyMessage | EvictMessage;

/** Node-addressed messaging between hub processes. */
export interface CallBus {
  /** Starts receiving the messages addressed to `nodeId`. */
  listen(nodeId: string, onMessage: (message: BusMessage) => void): Promise<void>;
  publish(nodeId: string, message: BusMessage): Promise<void>;
  close(): Promise<void>;
}

/**
 * Redis pub/sub, one channel per node. `subscriber` must be a dedicated connection (a subscribed
 * ioredis client cannot run other commands); `publisher` can be shared.
 */
export class RedisCallBus implements CallBus {
  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly prefix: string,
  ) {}

  private channel(nodeId: string): string {
    return `${this.prefix}node:${nodeId}`;
  }

  async listen(nodeId: string, onMessage: (message: BusMessage) => void): Promise<void> {
    const channel = this.channel(nodeId);
    this.subscriber.on('message', (ch: string, text: string) => {
      if (ch !== channel) return;
      let message: BusMessage;
      try {
        message = JSON.parse(text) as BusMessage;
      } catch {
        return;
      }
      onMessage(message);
    });
    await this.subscriber.subscribe(channel);
  }

  async publish(nodeId: string, message: BusMessage): Promise<void> {
    await this.publisher.publish(this.channel(nodeId), JSON.stringify(message));
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}
