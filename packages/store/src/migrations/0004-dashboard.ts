import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The operator dashboard: accounts, browser sessions, personal API tokens, the audit log,
 * alerts, partner push statistics, and the indexes the change feed and screens read by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    // --- people and their credentials -----------------------------------------------------
    `create table users (
      id bigserial primary key,
      username text not null unique,
      display_name text,
      password_hash text not null,
      role text not null check (role in ('admin', 'operator', 'viewer')),
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_login_at timestamptz
    )`,
    // Browser sessions: only the SHA-256 of the cookie value is stored.
    `create table user_sessions (
      id_hash text primary key,
      user_id bigint references users (id) on delete cascade,
      actor text not null,
      role text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
    `create index user_sessions_expiry on user_sessions (expires_at)`,
    `create table api_tokens (
      id bigserial primary key,
      user_id bigint not null references users (id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`,
    `create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor text not null,
      role text,
      action text not null,
      target text,
      status integer,
      details jsonb
    )`,
    `create index audit_log_at on audit_log (at desc, id desc)`,
    `create index audit_log_actor on audit_log (actor, at desc)`,
    // --- alerts ----------------------------------------------------------------------------
    // One row per (rule, subject) occurrence; a resolved alert stays as history and a new
    // occurrence opens a new row. pending = condition seen, still inside its debounce window.
    `create table alerts (
      id bigserial primary key,
      rule text not null,
      subject text not null,
      severity text not null default 'warning',
      status text not null check (status in ('pending', 'open', 'acknowledged', 'resolved')),
      message text not null,
      details jsonb not null default '{}',
      first_seen_at timestamptz not null default now(),
      opened_at timestamptz,
      acknowledged_at timestamptz,
      acknowledged_by text,
      resolved_at timestamptz,
      updated_at timestamptz not null default now()
    )`,
    `create unique index alerts_active on alerts (rule, subject) where status <> 'resolved'`,
    `create index alerts_updated on alerts (updated_at, id)`,
    `create index alerts_status on alerts (status, opened_at desc)`,
    // --- partner push statistics -----------------------------------------------------------
    `alter table push_deliveries add column last_latency_ms integer`,
    `alter table push_deliveries add column last_response_body text`,
    `create table push_attempts (
      id bigserial primary key,
      partner_id text not null references partners (id) on delete cascade,
      module text not null,
      object_key text not null,
      method text not null,
      ok boolean not null,
      http_status integer,
      latency_ms integer,
      error text,
      at timestamptz not null default now()
    )`,
    `create index push_attempts_partner on push_attempts (partner_id, module, at desc)`,
    `create index push_attempts_object on push_attempts (object_key, at)`,
    // --- what the change feed and the screens read by --------------------------------------
    `create index if not exists connectors_last_updated on connectors (last_updated, id)`,
    `create index if not exists stations_updated on stations (updated_at, id)`,
    `create index if not exists transactions_updated on transactions (updated_at, id)`,
    `create index if not exists commands_updated on commands (updated_at, id)`,
    `create index if not exists ocpp_frames_message on ocpp_frames (station_identity, message_id)`,
    `create index if not exists cdrs_end on cdrs (end_date_time, id)`,
  ]);
}
