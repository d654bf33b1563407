import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, Timestamp } from './columns.js';

/** Getting things out: pushes to partners, their attempts, and the transactional outbox. */

export interface PushDeliveriesTable {
  id: Generated<number>;
  partner_id: string;
  module: string;
  object_key: string;
  method: string;
  status: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  http_status: number | null;
  last_error: string | null;
  response_location: string | null;
  created_at: DefaultTimestamp;
  last_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
  last_latency_ms: number | null;
  last_response_body: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  job_key: string;
  payload: Json<unknown>;
  available_at: DefaultTimestamp;
  created_at: DefaultTimestamp;
  relayed_at: Timestamp | null;
}

export interface PushAttemptsTable {
  id: Generated<number>;
  partner_id: string;
  module: string;
  object_key: string;
  method: string;
  ok: boolean;
  http_status: number | null;
  latency_ms: number | null;
  error: string | null;
  at: DefaultTimestamp;
}
