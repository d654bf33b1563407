import type { OcppVersion, RpcConnection } from '@chargebridge/ocpp';
import type { WebSocket } from 'ws';
import { RegistrationGate } from './registration-gate.js';
import { TransactionRefs } from './transaction-refs.js';

/**
 * One connected station: what handlers need to know about it, kept small (tens of bytes of
 * fields; no timers or closures of its own — the keepalive sweep is one timer for all).
 */
export class StationSession {
  /** Set by the keepalive sweep before each ping; any pong or message sets it back. */
  alive = true;
  /** Whether this session has been replaced or closed (its close must not mark the station offline). */
  retired = false;
  connection!: RpcConnection;
  private refs?: TransactionRefs;
  private gate?: RegistrationGate;

  constructor(
    readonly stationId: number,
    readonly identity: string,
    readonly version: OcppVersion,
    readonly socket: WebSocket,
    /** `registration_status` the hub answers BootNotification with. */
    public registrationStatus: string,
    readonly connectedAt: Date,
    /** The security profile the station connected under (its handshake was held to it). */
    readonly securityProfile = 0,
  ) {}

  /** Whether the station's boot was answered Accepted (or it is stored Accepted and did not boot again). */
  get accepted(): boolean {
    return this.registrationStatus === 'Accepted';
  }

  /** What a station that is not Accepted may send (created on first use: accepted sessions stay small). */
  get registrationGate(): RegistrationGate {
    this.gate ??= new RegistrationGate();
    return this.gate;
  }

  /** Cached transaction row ids of this session (created on first use: idle sessions stay small). */
  get transactionRefs(): TransactionRefs {
    this.refs ??= new TransactionRefs();
    return this.refs;
  }
}
