import type { ServerResponse } from 'node:http';

/** How much unsent output a client may pile up before it is dropped (it reconnects and replays). */
const MAX_BUFFERED_BYTES = 2 * 1024 * 1024;

/** One SSE message, serialized once and written to every client. */
export function sseMessage(type: string, id: string, data: unknown): string {
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Where the live feed writes one client's stream (an {@link SseClient}, or a test double). */
export interface EventSink {
  readonly isClosed: boolean;
  /** Starts the stream (status, headers, `retry:`). */
  open(): void;
  /** Writes preformatted SSE text; false when the client is gone. */
  write(text: string): boolean;
  heartbeat(): void;
  /** Calls `listener` once the client is gone (at once if it already is). */
  onClose(listener: () => void): void;
  close(): void;
}

/**
 * One `text/event-stream` response. Writes never block the feed: a client that cannot keep up
 * (more than 2 MiB unsent) is disconnected, and its browser reconnects with `Last-Event-ID`.
 */
export class SseClient implements EventSink {
  private closed = false;
  private readonly closeListeners: Array<() => void> = [];

  constructor(private readonly response: ServerResponse) {
    response.on('close', () => this.markClosed());
  }

  get isClosed(): boolean {
    return this.closed || this.response.destroyed;
  }

  /** Sends the status line and headers, and tells the browser to wait 2 s before reconnecting. */
  open(): void {
    this.response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Reverse proxies (nginx) must pass events through as they come.
      'x-accel-buffering': 'no',
    });
    this.write('retry: 2000\n\n');
  }

  /** Writes preformatted SSE text; false when the client is gone (or was just dropped). */
  write(text: string): boolean {
    if (this.isClosed) return false;
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.close();
      return false;
    }
    this.response.write(text);
    return true;
  }

  /** A comment line: keeps proxies and the browser from timing the stream out. */
  heartbeat(): void {
    this.write(': keepalive\n\n');
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  close(): void {
    if (!this.response.destroyed) this.response.end();
    this.response.destroy();
    this.markClosed();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
