import type { RpcSocket } from '../../src/index.js';

/** In-memory {@link RpcSocket}: records what the connection sends, lets a test play the peer. */
export class MemorySocket implements RpcSocket {
  readonly sent: string[] = [];
  closedWith: { code: number; reason: string } | undefined;
  private messageListener: ((text: string) => void) | undefined;
  private closeListener: ((code: number, reason: string) => void) | undefined;

  send(text: string): void {
    this.sent.push(text);
  }

  close(code = 1000, reason = ''): void {
    if (this.closedWith !== undefined) return;
    this.closedWith = { code, reason };
    queueMicrotask(() => this.closeListener?.(code, reason));
  }

  onMessage(listener: (text: string) => void): void {
    this.messageListener = listener;
  }

  onClose(listener: (code: number, reason: string) => void): void {
    this.closeListener = listener;
  }

  /** The peer sends a text frame. */
  receive(text: string | unknown[]): void {
    this.messageListener?.(typeof text === 'string' ? text : JSON.stringify(text));
  }

  /** The peer closes. */
  peerClose(code = 1000, reason = ''): void {
    this.closeListener?.(code, reason);
  }

  /** Sent frames, parsed. */
  frames(): unknown[][] {
    return this.sent.map((t) => JSON.parse(t) as unknown[]);
  }
}

/** A promise with its resolver exposed. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Lets queued microtasks and immediate callbacks run. */
export function flush(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
