/**
 * The typed events of `GET /api/v1/events` (server-sent events). Each SSE message has
 * `event: <type>`, `id: <cursor>` (resume with Last-Event-ID) and `data: <JSON>` below.
 * The server coalesces: within one tick only the newest state of each subject is sent.
 */
export interface LiveEventMap {
  /** `worst_status`: the station's worst published EVSE status, OFFLINE while offline (as the map draws it). */
  station: {
    identity: string;
    online: boolean;
    last_seen: string | null;
    protocol: string | null;
    worst_status: string;
  };
  connector: {
    identity: string;
    evse_uid: string;
    ocpp_evse_id: number;
    connector_id: string;
    ocpp_status: string | null;
    evse_status: string;
    worst_status: string;
    at: string;
  };
  transaction: {
    id: number;
    identity: string;
    transaction_id: string;
    status: string;
    energy_wh: number | null;
    power_w: number | null;
    soc: number | null;
    started_at: string | null;
    stopped_at: string | null;
    session_id: string | null;
  };
  command: { id: string; identity: string | null; action: string; state: string; updated_at: string };
  alert: {
    id: number;
    rule: string;
    subject: string;
    severity: string;
    status: string;
    message: string;
    opened_at: string | null;
    updated_at: string;
  };
  partner: { id: string; name: string; health: 'ok' | 'degraded' | 'failing' | 'idle'; last_error: string | null };
  overview: Record<string, unknown>;
}

export type LiveEventType = keyof LiveEventMap;
export const LIVE_EVENT_TYPES: LiveEventType[] = [
  'station',
  'connector',
  'transaction',
  'command',
  'alert',
  'partner',
  'overview',
];
