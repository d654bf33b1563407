import type { CommandHistoryRow } from '@chargebridge/store';
import { Type } from 'typebox';
import { Nullable } from '../shared/nullable.js';

/** The command states, as stored (the dashboard shows them upper-cased). */
export const COMMAND_STATES = ['queued', 'sent', 'accepted', 'rejected', 'failed', 'timeout', 'offline'] as const;

/** A command as the admin API shows it. */
export const CommandSchema = Type.Object({
  id: Type.String(),
  identity: Nullable(Type.String()),
  action: Type.String(),
  payload: Type.Unknown(),
  origin: Type.String({ description: 'admin, ocpi or system' }),
  partner_id: Nullable(Type.String()),
  ocpi_command: Nullable(Type.String()),
  state: Type.Union(COMMAND_STATES.map((s) => Type.Literal(s))),
  response: Type.Unknown({ description: "The station's answer (or the CALLERROR), null when there is none" }),
  error: Nullable(
    Type.String({ description: 'Why it did not succeed (offline since …, timeout, status Rejected, …)' }),
  ),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  deadline_at: Nullable(Type.String({ format: 'date-time' })),
});

/** The admin view of a command row. */
export function commandView(row: CommandHistoryRow) {
  return {
    id: row.id,
    identity: row.identity,
    action: row.action,
    payload: row.payload,
    origin: row.origin,
    partner_id: row.partner_id,
    ocpi_command: row.ocpi_command,
    state: row.state,
    response: row.response ?? null,
    error: row.error,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    deadline_at: row.deadline_at?.toISOString() ?? null,
  };
}
