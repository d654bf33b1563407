import {
  type CallHandler,
  fromWebSocket,
  type JsonObject,
  type OcppVersion,
  RpcClosedError,
  RpcConnection,
  type RpcLogger,
  RpcTimeoutError,
} from '@chargebridge/ocpp';
import type { WebSocket } from 'ws';
import { drawMs, type SimulatorOptions } from './options.js';
import { ocpp2xAdapter } from './protocol/ocpp2x.adapter.js';
import { ocpp16Adapter } from './protocol/ocpp16.adapter.js';
import type { BootReason, OutboundMessage, VersionAdapter } from './protocol/version-adapter.js';
import type { ScheduledTask, Scheduler } from './scheduler.js';
import { type ConnectorHost, SimConnector } from './sim-connector.js';
import type { SimStats } from './sim-stats.js';
import { StationConfig } from './station-config.js';
import { openStationSocket } from './station-socket.js';

/** Queued message with the time it was queued and whether that was offline. */
interface QueuedMessage {
  readonly message: OutboundMessage;
  readonly offline: boolean;
}

/** Shared by every station of a fleet. */
export interface FleetContext {
  readonly options: SimulatorOptions;
  readonly scheduler: Scheduler;
  readonly stats: SimStats;
  readonly logger?: RpcLogger;
  /** Total stations, to stamp `stats.allBootedAtMs`. */
  readonly fleetSize: number;
  /** Handles a CSMS-initiated CALL for this station (set per version by the fleet). */
  readonly handlerFor: (station: SimStation) => CallHandler;
}

/**
 * One virtual charging station: its socket (reconnecting with backoff and jitter), the boot
 * sequence (honouring Accepted / Pending / Rejected and the interval), heartbeats, its connectors,
 * and one ordered outbox — transaction messages wait there while offline and go out in order
 * after the next boot; everything else is dropped while offline.
 */
export class SimStation implements ConnectorHost {
  readonly connectors: SimConnector[] = [];
  readonly adapter: VersionAdapter;
  readonly config: StationConfig;
  readonly options: SimulatorOptions;
  readonly scheduler: Scheduler;
  readonly stats: SimStats;
  /** Set while the current connection is booted (Accepted). */
  online = false;
  connection: RpcConnection | undefined;
  private socket: WebSocket | undefined;
  private readonly outbox: QueuedMessage[] = [];
  private pumping = false;
  private attempt = 0;
  private heartbeatTask: ScheduledTask | undefined;
  private reconnectTask: ScheduledTask | undefined;
  private bootReason: BootReason = 'PowerUp';
  /** Ends the boot sequence's retry wait early (a TriggerMessage BootNotification while Pending). */
  private wakeBoot?: () => void;
  private everBooted = false;
  private stopped = false;
  /** Set when we close the socket on purpose; the delay before reconnecting (ms). */
  private plannedReconnectMs: number | undefined;
  private tokenIndex: number;

  constructor(
    readonly identity: string,
    readonly version: OcppVersion,
    private readonly localAddress: string | undefined,
    private readonly fleet: FleetContext,
  ) {
    this.options = fleet.options;
    this.scheduler = fleet.scheduler;
    this.stats = fleet.stats;
    const { vendorName, model, connectors, meterIntervalSeconds } = this.options;
    this.adapter =
      version === '1.6'
        ? ocpp16Adapter(vendorName, model, identity)
        : ocpp2xAdapter(version, vendorName, model, identity);
    this.config = new StationConfig(version, identity, connectors, 60, meterIntervalSeconds);
    for (let id = 1; id <= connectors; id++) this.connectors.push(new SimConnector(id, this));
    this.tokenIndex = Math.floor(Math.random() * this.options.tokens.length);
  }

  /** Transaction messages waiting for delivery. */
  get queuedTransactionMessages(): number {
    let n = 0;
    for (const q of this.outbox) if (q.message.tx) n++;
    return n;
  }

  /** Opens the connection (and keeps it open until `stop`). */
  start(): void {
    if (this.stopped) return;
    this.reconnectTask = undefined;
    const ws = openStationSocket({
      baseUrl: this.options.url,
      identity: this.identity,
      version: this.version,
      password: this.options.password,
      localAddress: this.localAddress,
      handshakeTimeoutMs: this.options.callTimeoutMs,
    });
    this.socket = ws;
    let opened = false;
    ws.on('error', (err) => {
      if (!opened) this.stats.connectFailures++;
      this.fleet.logger?.debug?.({ identity: this.identity, err: err.message }, 'station socket error');
    });
    ws.on('close', () => {
      if (!opened && this.socket === ws) this.onClosed();
    });
    ws.on('open', () => {
      opened = true;
      this.onOpen(ws);
    });
  }

  /** Closes for good: no reconnect, timers cancelled. */
  stop(): void {
    this.stopped = true;
    this.reconnectTask?.cancel();
    this.heartbeatTask?.cancel();
    for (const connector of this.connectors) connector.halt();
    this.connection?.close(1000, 'simulator stopped');
    if (this.socket !== undefined && this.connection === undefined) this.socket.terminate();
  }

  /**
   * Drops the link as a network failure would (no close handshake) and reconnects after
   * `reconnectAfterMs`; transaction messages meanwhile queue up.
   */
  drop(reconnectAfterMs: number): void {
    if (this.stopped || this.socket === undefined) return;
    this.plannedReconnectMs = reconnectAfterMs;
    this.bootReason = 'Unknown';
    this.socket.terminate();
  }

  /** Queues a message; non-transaction messages are dropped while offline. */
  enqueue(message: OutboundMessage): void {
    if (!this.online && !message.tx) {
      message.onFail?.(new RpcClosedError(message.action, false));
      return;
    }
    if (!this.online) this.stats.queuedOffline++;
    this.outbox.push({ message, offline: !this.online });
    if (this.online) void this.pump();
  }

  /** Next token of the list (round-robin from a random start). */
  nextToken(): string {
    const tokens = this.options.tokens;
    return tokens[this.tokenIndex++ % tokens.length]!;
  }

  meterIntervalMs(): number {
    return Math.max(10, this.config.meterS * 1000);
  }

  /** Closes and reconnects with a RemoteReset boot (Reset.req). */
  restart(afterMs: number): void {
    this.bootReason = 'RemoteReset';
    this.plannedReconnectMs = afterMs;
    if (this.connection !== undefined) this.connection.close(1000, 'reset');
    else this.socket?.terminate();
  }

  /** Re-applies the heartbeat interval (after ChangeConfiguration / SetVariables). */
  rescheduleHeartbeat(): void {
    this.heartbeatTask?.cancel();
    const seconds = this.options.heartbeatIntervalSeconds ?? this.config.heartbeatS;
    if (!this.online || !(seconds > 0)) return;
    this.heartbeatTask = this.scheduler.after(seconds * 1000, () => {
      this.enqueue(this.adapter.heartbeat());
      this.rescheduleHeartbeat();
    });
  }

  /**
   * Sends a BootNotification outside the boot sequence (TriggerMessage). While still Pending the
   * boot sequence's retry wait ends now instead (the CSMS has provisioned the station).
   */
  triggerBoot(): void {
    if (!this.online && this.wakeBoot !== undefined) {
      this.wakeBoot();
      return;
    }
    this.enqueue({ action: 'BootNotification', tx: false, build: () => this.adapter.bootNotification('Triggered') });
  }

  /**
   * 2.x GetBaseReport: the whole device model in one NotifyReport (`Component.Variable` keys),
   * sent whether the station is accepted or still Pending (a CSMS-requested message).
   */
  sendReport(requestId: number): void {
    const connection = this.connection;
    if (connection === undefined || connection.isClosed) return;
    const reportData = this.config.list().map((entry) => {
      const [component, variable] = entry.key.split('.');
      return {
        component: { name: component },
        variable: { name: variable },
        variableAttribute: [
          { type: 'Actual', value: entry.value, mutability: entry.readonly ? 'ReadOnly' : 'ReadWrite' },
        ],
      };
    });
    const report = { requestId, generatedAt: new Date().toISOString(), seqNo: 0, tbc: false, reportData };
    this.stats.callsSent++;
    connection.call('NotifyReport', report).catch((err) => this.countFailure(err));
  }

  private onOpen(ws: WebSocket): void {
    if (this.stopped) {
      ws.terminate();
      return;
    }
    this.stats.connects++;
    this.stats.connected++;
    const connection = new RpcConnection(fromWebSocket(ws), {
      version: this.version,
      callTimeoutMs: this.options.callTimeoutMs,
      logger: this.fleet.logger,
      hooks: { onClose: () => this.onClosed(connection) },
    });
    connection.setHandler(this.fleet.handlerFor(this));
    this.connection = connection;
    void this.boot(connection);
  }

  private onClosed(connection?: RpcConnection): void {
    if (connection !== undefined) {
      if (this.connection !== connection) return;
      this.connection = undefined;
      this.stats.connected--;
      if (this.online) this.stats.booted--;
    }
    this.socket = undefined;
    this.online = false;
    this.heartbeatTask?.cancel();
    // Non-transaction messages are not worth replaying (a fresh StatusNotification follows the boot).
    for (let i = this.outbox.length - 1; i >= 0; i--) {
      const queued = this.outbox[i]!;
      if (!queued.message.tx) {
        this.outbox.splice(i, 1);
        queued.message.onFail?.(new RpcClosedError(queued.message.action, false));
      }
    }
    if (this.stopped) return;
    let delay = this.plannedReconnectMs;
    this.plannedReconnectMs = undefined;
    if (delay === undefined) {
      if (connection !== undefined) this.stats.disconnects++;
      if (connection !== undefined) this.bootReason = 'Unknown';
      delay = this.backoffMs();
    }
    this.reconnectTask = this.scheduler.after(delay, () => this.start());
  }

  /** Exponential backoff with ±50 % jitter, capped (so a fleet does not reconnect in lockstep). */
  private backoffMs(): number {
    const { reconnectBaseMs, reconnectMaxMs } = this.options;
    const base = Math.min(reconnectMaxMs, reconnectBaseMs * 2 ** Math.min(this.attempt++, 30));
    return Math.min(reconnectMaxMs, base * (0.5 + Math.random()));
  }

  /** BootNotification until Accepted; Pending and Rejected retry after the CSMS's interval. */
  private async boot(connection: RpcConnection): Promise<void> {
    if (this.everBooted && !this.options.bootOnReconnect && this.bootReason === 'Unknown') {
      this.onAccepted(connection, 0);
      return;
    }
    while (!connection.isClosed && !this.stopped) {
      const started = performance.now();
      this.stats.callsSent++;
      let response: JsonObject;
      try {
        response = await connection.call('BootNotification', this.adapter.bootNotification(this.bootReason));
        this.stats.ok('BootNotification', performance.now() - started);
      } catch (err) {
        this.countFailure(err);
        if (connection.isClosed) return;
        await this.sleep(this.backoffMs());
        continue;
      }
      const interval = typeof response.interval === 'number' ? response.interval : 0;
      if (response.status === 'Accepted') {
        this.onAccepted(connection, interval);
        return;
      }
      if (response.status === 'Pending') this.stats.bootsPending++;
      else this.stats.bootsRejected++;
      // 1.6 §4.2 / 2.0.1 B02-B03: retry no sooner than the interval (a default when it is 0), or
      // when the CSMS triggers a BootNotification.
      await this.bootRetryWait(interval > 0 ? interval * 1000 : 10_000 * (0.5 + Math.random()));
    }
  }

  private onAccepted(connection: RpcConnection, interval: number): void {
    if (connection.isClosed || this.stopped) return;
    this.online = true;
    this.attempt = 0;
    this.stats.booted++;
    this.stats.bootsAccepted++;
    if (this.stats.booted === this.fleet.fleetSize && this.stats.allBootedAtMs === undefined) {
      this.stats.allBootedAtMs = Date.now() - this.stats.startedAt;
    }
    if (interval > 0) this.config.heartbeatS = interval;
    for (const connector of this.connectors) connector.reportStatus();
    for (const queued of this.outbox) if (queued.offline) this.stats.replayed++;
    void this.pump();
    this.rescheduleHeartbeat();
    if (!this.everBooted) {
      this.everBooted = true;
      for (const connector of this.connectors) connector.startCycle();
      this.scheduleOffline();
    } else if (this.options.offlineEverySeconds !== undefined && this.bootReason === 'Unknown') {
      this.scheduleOffline();
    }
  }

  private scheduleOffline(): void {
    const every = this.options.offlineEverySeconds;
    if (every === undefined) return;
    this.scheduler.after(drawMs(every), () => {
      if (this.online) this.drop(drawMs(this.options.offlineDurationSeconds));
    });
  }

  /** Sends the outbox head to tail, one CALL at a time, while booted. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.online && this.outbox.length > 0 && this.connection !== undefined) {
        const queued = this.outbox[0]!;
        const { message } = queued;
        const started = performance.now();
        this.stats.callsSent++;
        try {
          const response = await this.connection.call<JsonObject>(message.action, message.build(queued.offline));
          this.stats.ok(message.action, performance.now() - started);
          this.removeHead(queued);
          message.onResult?.(response);
        } catch (err) {
          this.countFailure(err);
          // Closed: the message stays for replay after the next boot. Timed out: try it again
          // (the CSMS dedups on business keys). Refused (CALLERROR, invalid): drop it.
          if (err instanceof RpcClosedError) break;
          if (err instanceof RpcTimeoutError && message.tx) continue;
          this.removeHead(queued);
          if (message.tx) this.stats.transactionMessagesRejected++;
          message.onFail?.(err);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  private removeHead(queued: QueuedMessage): void {
    if (this.outbox[0] === queued) this.outbox.shift();
  }

  private countFailure(err: unknown): void {
    if (err instanceof RpcClosedError) return;
    this.stats.errors++;
    if (err instanceof RpcTimeoutError) this.stats.timeouts++;
    else this.stats.callErrors++;
  }

  /** The boot sequence's wait before its next attempt; `triggerBoot` ends it early. */
  private bootRetryWait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.wakeBoot = undefined;
        task.cancel();
        resolve();
      };
      const task = this.scheduler.after(ms, done);
      this.wakeBoot = done;
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.scheduler.after(ms, resolve));
  }
}
