import type { WebSocket } from 'ws';

/**
 * The narrow socket an {@link RpcConnection} needs: text out, close, and text/close events in.
 * Implemented over `ws` by {@link fromWebSocket}; tests can implement it in memory.
 */
export interface RpcSocket {
  /** Sends one text frame. */
  send(text: string): void;
  /** Starts closing the socket. */
  close(code?: number, reason?: string): void;
  /** Registers the listener for incoming text frames. */
  onMessage(listener: (text: string) => void): void;
  /** Registers the listener for the socket having closed (either side). */
  onClose(listener: (code: number, reason: string) => void): void;
}

/** WebSocket close code 1008: policy violation (RFC 6455 §7.4.1). */
export const CLOSE_POLICY_VIOLATION = 1008;

/**
 * Adapts a `ws` WebSocket (server- or client-side, already open) to {@link RpcSocket}.
 * Binary frames are decoded as UTF-8 too; the parser then judges the text (OCPP-J requires text,
 * but refusing a well-formed frame for its opcode helps nobody).
 */
export function fromWebSocket(ws: WebSocket): RpcSocket {
  return {
    send(text) {
      // ws queues while CONNECTING would throw; after CLOSING it reports via callback only.
      if (ws.readyState === ws.OPEN) ws.send(text);
    },
    close(code, reason) {
      if (ws.readyState === ws.CLOSED) return;
      ws.close(code, reason);
    },
    onMessage(listener) {
      ws.on('message', (data) => {
        const text = Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : Buffer.isBuffer(data)
            ? data.toString('utf8')
            : Buffer.from(data).toString('utf8');
        listener(text);
      });
    },
    onClose(listener) {
      ws.on('close', (code, reason) => listener(code, reason.toString('utf8')));
    },
  };
}
