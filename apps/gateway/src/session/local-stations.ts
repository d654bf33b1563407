import { isCallAction, isOcppError, RpcClosedError, RpcTimeoutError, validatePayload } from '@chargebridge/ocpp';
import {
  type LocalStations,
  StationCallInvalidError,
  StationCallTimeoutError,
  StationOfflineError,
  StationRejectedCallError,
} from '@chargebridge/routing';
import { gatewayMetrics } from '../metrics/gateway.metrics.js';
import type { StationSession } from './station-session.js';

/**
 * The sockets held by this gateway node, by identity, and the CALLs sent through them: validated
 * against the station's version first (→ `call_invalid`), then queued behind any CALL in flight
 * by the station's RpcConnection, with typed errors for every way a call can fail.
 */
export class SessionTable implements LocalStations {
  private readonly sessions = new Map<string, StationSession>();

  constructor(private readonly onEvict: (session: StationSession, byNode: string) => void) {}

  get size(): number {
    return this.sessions.size;
  }

  get(identity: string): StationSession | undefined {
    return this.sessions.get(identity);
  }

  /** Adds a session and returns the one it replaces (same identity on this node), if any. */
  put(session: StationSession): StationSession | undefined {
    const previous = this.sessions.get(session.identity);
    this.sessions.set(session.identity, session);
    return previous;
  }

  /** Removes the session if it is still the current one for its identity. */
  remove(session: StationSession): boolean {
    if (this.sessions.get(session.identity) !== session) return false;
    this.sessions.delete(session.identity);
    return true;
  }

  values(): IterableIterator<StationSession> {
    return this.sessions.values();
  }

  has(identity: string): boolean {
    return this.sessions.has(identity);
  }

  evict(identity: string, byNode: string): void {
    const session = this.sessions.get(identity);
    if (session) this.onEvict(session, byNode);
  }

  async call(identity: string, action: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    const session = this.sessions.get(identity);
    if (!session || session.connection.isClosed) throw new StationOfflineError(identity);
    const version = session.version;
    if (!isCallAction(version, action)) {
      throw new StationCallInvalidError(`${action} is not an OCPP ${version} CALL the hub can send`, { version });
    }
    const check = validatePayload(version, action, 'request', payload);
    if (!check.ok) {
      throw new StationCallInvalidError(`payload is not a valid OCPP ${version} ${action}.req`, {
        version,
        ocppCode: check.error?.code,
        description: check.error?.description,
      });
    }
    if (!session.accepted) session.registrationGate.noteOutbound(action, payload);
    const started = performance.now();
    const observe = (outcome: string) =>
      gatewayMetrics.callLatency.observe({ action, outcome }, (performance.now() - started) / 1000);
    try {
      const response = await session.connection.call(action, payload as object, { timeoutMs });
      observe('ok');
      return response;
    } catch (error) {
      if (error instanceof RpcTimeoutError) {
        observe('timeout');
        throw new StationCallTimeoutError(identity, action, timeoutMs);
      }
      if (error instanceof RpcClosedError) {
        observe('closed');
        throw new StationOfflineError(identity, 'disconnected before answering');
      }
      observe('error');
      if (isOcppError(error)) {
        throw new StationRejectedCallError(`station answered ${action} with ${error.code}`, {
          ocppCode: error.code,
          description: error.description,
        });
      }
      throw error;
    }
  }
}
