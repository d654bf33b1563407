import { randomUUID } from 'node:crypto';
import type { BusMessage, CallBus, CallReplyMessage, CallRequestMessage } from './call-bus.js';
import {
  deserializeCallError,
  StationCallTimeoutError,
  StationOfflineError,
  serializeCallError,
} from './station-call.errors.js';
import type { StationRegistry } from './station-registry.js';

/** What a gateway node offers the call service: its own live sockets. */
export interface LocalStations {
  /** Whether this node holds an open socket for the station. */
  has(identity: string): boolean;
  /**
   * Sends a CALL to a station connected here and resolves with its validated response. Rejects
   * with a `StationCallError` (offline, timeout, invalid, station_error).
   */
  call(identity: string, action: string, payload: unknown, timeoutMs: number): Promise<unknown>;
  /** Another node took over the station: close the socket held here. */
  evict(identity: string, byNode: string): void;
}

/** Options of {@link StationCalls}. */
export interface StationCallsOptions {
  nodeId: string;
  registry: StationRegistry;
  /** Messaging between nodes (server mode); without it only this node's stations are reachable. */
  bus?: CallBus;
  /** Default per-call timeout (OCPP_CALL_TIMEOUT_MS). */
  defaultTimeoutMs: number;
  /** Extra time a forwarded call may take on the wire between nodes before it is given up. */
  routingGraceMs?: number;
  logger?: { warn(obj: object, msg: string): void };
}

interface PendingRemote {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * `call(identity, action, payload)` from any process: the station's owning node is looked up in the
 * registry; the call runs in-process when that is this node, otherwise it is forwarded over the
 * bus and the owner's answer (or typed error) comes back. On the owner the call queues behind any
 * CALL in flight (one outstanding CALL per direction, OCPP-J §4.1.1).
 */
export class StationCalls {
  private local: LocalStations | undefined;
  private readonly pending = new Map<string, PendingRemote>();
  private listening: Promise<void> | undefined;

  constructor(private readonly options: StationCallsOptions) {}

  /** This process's node id. */
  get nodeId(): string {
    return this.options.nodeId;
  }

  /** The registry (the gateway claims and releases stations in it). */
  get registry(): StationRegistry {
    return this.options.registry;
  }

  /** Starts listening on the bus for replies (and, once a gateway attaches, for requests). */
  start(): Promise<void> {
    if (!this.options.bus) return Promise.resolve();
    this.listening ??= this.options.bus.listen(this.options.nodeId, (m) => this.onBusMessage(m));
    return this.listening;
  }

  /** The gateway of this process offers its sockets. */
  async attach(local: LocalStations): Promise<void> {
    this.local = local;
    await this.start();
  }

  detach(): void {
    this.local = undefined;
  }

  /**
   * Tells the station's previous owner (another node) to close its older socket after this node
   * claimed it (a second connection replaces the first, architecture.md "Scale-out").
   */
  async evictElsewhere(identity: string, previousOwner: string): Promise<void> {
    await this.options.bus?.publish(previousOwner, { t: 'evict', identity, by: this.options.nodeId });
  }

  /** Sends `action` to the station and resolves with its response payload. */
  async call<T = Record<string, unknown>>(
    identity: string,
    action: string,
    payload: unknown,
    options: { timeoutMs?: number } = {},
  ): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs;
    if (this.local?.has(identity)) return (await this.local.call(identity, action, payload, timeoutMs)) as T;
    const owner = await this.options.registry.owner(identity);
    if (owner === undefined || owner === this.options.nodeId || !this.options.bus)
      throw new StationOfflineError(identity);
    await this.start();
    return (await this.forward(owner, identity, action, payload, timeoutMs)) as T;
  }

  private forward(
    owner: string,
    identity: string,
    action: string,
    payload: unknown,
    timeoutMs: number,
  ): Promise<unknown> {
    const id = randomUUID();
    const request: CallRequestMessage = {
      t: 'req',
      id,
      from: this.options.nodeId,
      identity,
      action,
      payload,
      timeoutMs,
    };
    // The owner queues the call behind others and times it from sending; allow for the queue
    // and the hop, then give up ourselves (a dead owner never answers).
    const waitMs = timeoutMs * 2 + (this.options.routingGraceMs ?? 2_000);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new StationCallTimeoutError(identity, action, timeoutMs));
      }, waitMs);
      this.pending.set(id, { resolve, reject, timer });
      this.options.bus!.publish(owner, request).catch((err: Error) => {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(err);
      });
    });
  }

  private onBusMessage(message: BusMessage): void {
    switch (message.t) {
      case 'res': {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        clearTimeout(waiting.timer);
        if (message.ok) waiting.resolve(message.response);
        else waiting.reject(deserializeCallError(message.error ?? { code: 'station_error', message: 'unknown error' }));
        return;
      }
      case 'req':
        void this.serve(message);
        return;
      case 'evict':
        this.local?.evict(message.identity, message.by);
        return;
    }
  }

  private async serve(request: CallRequestMessage): Promise<void> {
    let reply: CallReplyMessage;
    try {
      const local = this.local;
      if (!local?.has(request.identity)) throw new StationOfflineError(request.identity);
      const response = await local.call(request.identity, request.action, request.payload, request.timeoutMs);
      reply = { t: 'res', id: request.id, ok: true, response };
    } catch (error) {
      reply = { t: 'res', id: request.id, ok: false, error: serializeCallError(error) };
    }
    await this.options.bus!.publish(request.from, reply).catch((err) => {
      this.options.logger?.warn({ err, node: request.from }, 'could not return a station call result');
    });
  }

  /** Stops listening; calls still waiting on other nodes fail as offline. */
  async close(): Promise<void> {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new StationOfflineError(id, 'call abandoned: node shutting down'));
    }
    this.pending.clear();
    this.local = undefined;
    await this.options.bus?.close();
  }
}
