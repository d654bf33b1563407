import type { ChargingSessionRow, SessionSampleRow } from '@chargebridge/store';
import type { PriceView } from '../finance/cost-breakdown.js';

/** How a row's `cost_so_far` was obtained. */
export type CostSource = 'cdr' | 'estimate' | 'final';

/** One charging session (transaction) as the dashboard lists it. */
export interface ChargingSessionView {
  id: number;
  transaction_id: string;
  protocol: string;
  identity: string;
  party: string;
  location_id: string | null;
  evse_uid: string | null;
  evse_id: string | null;
  ocpp_evse_id: number | null;
  ocpp_connector_id: number | null;
  connector_id: string | null;
  token: {
    uid: string;
    masked: boolean;
    type: string | null;
    owner: string | null;
    source: string | null;
  } | null;
  partner_id: string | null;
  status: 'active' | 'completed';
  charging_state: string | null;
  session_status: string | null;
  started_at: string | null;
  stopped_at: string | null;
  stop_reason: string | null;
  energy_kwh: number;
  power_kw: number | null;
  soc: number | null;
  cost_so_far: PriceView | null;
  cost_source: CostSource | null;
  currency: string | null;
  session_id: string | null;
  cdr_id: string | null;
  cdr_row_id: number | null;
  time_zone: string | null;
  updated_at: string;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A token uid with all but its last four characters hidden (`••••1234`). */
export function maskUid(uid: string): string {
  return uid.length <= 4 ? '••••' : `${'•'.repeat(Math.min(uid.length - 4, 8))}${uid.slice(-4)}`;
}

/**
 * The list row of a transaction. `cost` is the engine's price when computed (CDR totals win when
 * the CDR exists); `maskToken` hides the token uid (viewers).
 */
export function chargingSessionView(
  row: ChargingSessionRow,
  cost: { price: PriceView; source: CostSource; currency: string } | null,
  maskToken: boolean,
): ChargingSessionView {
  const cdrCost: PriceView | null =
    row.cdr_total_excl_vat !== null
      ? {
          excl_vat: Number(row.cdr_total_excl_vat),
          incl_vat: row.cdr_total_incl_vat === null ? null : Number(row.cdr_total_incl_vat),
        }
      : null;
  const owner = row.token_country_code && row.token_party_id ? `${row.token_country_code}-${row.token_party_id}` : null;
  return {
    id: row.id,
    transaction_id: row.transaction_uid,
    protocol: row.protocol,
    identity: row.identity,
    party: `${row.country_code}-${row.party_id}`,
    location_id: row.location_id,
    evse_uid: row.evse_uid,
    evse_id: row.evse_id,
    ocpp_evse_id: row.ocpp_evse_id,
    ocpp_connector_id: row.ocpp_connector_id,
    connector_id: row.ocpi_connector_id,
    token: row.id_token
      ? {
          uid: maskToken ? maskUid(row.id_token) : row.id_token,
          masked: maskToken,
          type: row.token_type,
          owner,
          source: row.token_source,
        }
      : null,
    partner_id: row.token_source === 'roaming' ? row.token_partner_id : null,
    status: row.status,
    charging_state: row.charging_state,
    session_status: row.session_status,
    started_at: iso(row.started_at),
    stopped_at: iso(row.stopped_at),
    stop_reason: row.stop_reason,
    energy_kwh: round(row.energy_wh / 1000, 4),
    power_kw: row.status === 'active' && row.power_w !== null ? round(row.power_w / 1000, 3) : null,
    soc: row.soc,
    cost_so_far: cdrCost ?? cost?.price ?? null,
    cost_source: cdrCost ? 'cdr' : (cost?.source ?? null),
    currency: row.cdr_currency ?? cost?.currency ?? row.session_currency,
    session_id: row.session_id,
    cdr_id: row.cdr_id,
    cdr_row_id: row.cdr_row_id,
    time_zone: row.time_zone,
    updated_at: row.updated_at.toISOString(),
  };
}

/** One instant of the session's meter chart. */
export interface MeterPoint {
  at: string;
  /** Energy since the session start (kWh). */
  energy_kwh: number | null;
  power_kw: number | null;
  soc: number | null;
}

/** Most points a chart gets; longer series are thinned evenly (first and last kept). */
export const MAX_METER_POINTS = 2000;

const isRegister = (s: SessionSampleRow) =>
  s.measurand === 'Energy.Active.Import.Register' &&
  s.unit === 'Wh' &&
  s.phase === null &&
  (s.location === null || s.location === 'Outlet');
const isPower = (s: SessionSampleRow) => s.measurand === 'Power.Active.Import' && s.unit === 'W' && s.phase === null;
const isSoc = (s: SessionSampleRow) => s.measurand === 'SoC';

/**
 * The kWh / kW / SoC series of a session from its samples: energy relative to the meter start
 * (else the first reading). Without any power reading, power is derived from the energy
 * register between readings (`power_derived`).
 */
export function meterSeries(
  samples: readonly SessionSampleRow[],
  meterStartWh: number | null,
): { points: MeterPoint[]; total_points: number; power_derived: boolean } {
  const byTime = new Map<number, MeterPoint>();
  const point = (at: Date) => {
    const ms = at.getTime();
    let p = byTime.get(ms);
    if (!p) {
      p = { at: at.toISOString(), energy_kwh: null, power_kw: null, soc: null };
      byTime.set(ms, p);
    }
    return p;
  };
  const registers = samples.filter(isRegister);
  const base = meterStartWh ?? registers[0]?.value ?? 0;
  for (const s of registers) point(s.sampled_at).energy_kwh = round(Math.max(0, s.value - base) / 1000, 4);
  const powers = samples.filter(isPower);
  for (const s of powers) point(s.sampled_at).power_kw = round(s.value / 1000, 3);
  for (const s of samples.filter(isSoc)) point(s.sampled_at).soc = s.value;
  const derived = powers.length === 0 && registers.length > 1;
  if (derived) {
    for (let i = 1; i < registers.length; i++) {
      const a = registers[i - 1] as SessionSampleRow;
      const b = registers[i] as SessionSampleRow;
      const hours = (b.sampled_at.getTime() - a.sampled_at.getTime()) / 3_600_000;
      if (hours > 0) point(b.sampled_at).power_kw = round(Math.max(0, b.value - a.value) / 1000 / hours, 3);
    }
  }
  const all = [...byTime.entries()].sort((x, y) => x[0] - y[0]).map(([, p]) => p);
  return { points: thin(all, MAX_METER_POINTS), total_points: all.length, power_derived: derived };
}

function thin<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const out: T[] = [];
  const step = (items.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(items[Math.round(i * step)] as T);
  return out;
}

/** One entry of a session's event timeline. */
export interface TimelineEntry {
  at: string;
  kind: 'transaction' | 'authorization' | 'status' | 'command' | 'cdr';
  label: string;
  detail: string | null;
}

type EventRow = {
  seq_no: number | null;
  event_type: string;
  trigger_reason: string | null;
  occurred_at: Date;
  offline: boolean;
  payload: unknown;
};

/** The parts of an OCPP transaction event payload worth a line in the timeline. */
function eventDetail(e: EventRow): string | null {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const info = (p.transactionInfo ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (e.trigger_reason) parts.push(`trigger ${e.trigger_reason}`);
  if (typeof info.chargingState === 'string') parts.push(`charging state ${info.chargingState}`);
  if (typeof info.stoppedReason === 'string') parts.push(`stopped: ${info.stoppedReason}`);
  if (typeof p.reason === 'string' && e.event_type === 'Ended' && !e.trigger_reason) parts.push(`reason ${p.reason}`);
  if (typeof p.meterStart === 'number') parts.push(`meter start ${p.meterStart} Wh`);
  if (typeof p.meterStop === 'number') parts.push(`meter stop ${p.meterStop} Wh`);
  if (e.seq_no !== null) parts.push(`seq ${e.seq_no}`);
  if (e.offline) parts.push('sent offline');
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Merges the session's events, authorizations, connector statuses, commands and CDR into one timeline. */
export function timeline(input: {
  events: readonly EventRow[];
  authorizations: ReadonlyArray<{ created_at: Date; source: string; result: string; reason: string | null }>;
  statuses: ReadonlyArray<{ occurred_at: Date; status: string; error_code: string | null; info: string | null }>;
  commands: ReadonlyArray<{ created_at: Date; action: string; origin: string; state: string; error: string | null }>;
  cdr: { cdr_id: string; last_updated: Date } | null;
  start: { at: Date | null; stopAt: Date | null; stopReason: string | null };
}): TimelineEntry[] {
  const out: Array<TimelineEntry & { ms: number; order: number }> = [];
  const add = (at: Date, order: number, entry: Omit<TimelineEntry, 'at'>) =>
    out.push({ at: at.toISOString(), ms: at.getTime(), order, ...entry });
  for (const a of input.authorizations) {
    add(a.created_at, 0, {
      kind: 'authorization',
      label: `Authorization ${a.result}`,
      detail: [a.source, a.reason].filter(Boolean).join(': ') || null,
    });
  }
  for (const c of input.commands) {
    add(c.created_at, 1, {
      kind: 'command',
      label: `${c.action} (${c.origin})`,
      detail: [c.state.toUpperCase(), c.error].filter(Boolean).join(': '),
    });
  }
  for (const e of input.events) {
    add(e.occurred_at, 2, { kind: 'transaction', label: `Transaction ${e.event_type}`, detail: eventDetail(e) });
  }
  if (input.events.length === 0 && input.start.at) {
    add(input.start.at, 2, { kind: 'transaction', label: 'Transaction Started', detail: null });
  }
  if (input.start.stopAt && !input.events.some((e) => e.event_type === 'Ended')) {
    add(input.start.stopAt, 2, {
      kind: 'transaction',
      label: 'Transaction Ended',
      detail: input.start.stopReason ? `reason ${input.start.stopReason}` : null,
    });
  }
  for (const s of input.statuses) {
    add(s.occurred_at, 3, {
      kind: 'status',
      label: `Connector ${s.status}`,
      detail:
        [s.error_code && s.error_code !== 'NoError' ? s.error_code : null, s.info].filter(Boolean).join(' · ') || null,
    });
  }
  if (input.cdr) add(input.cdr.last_updated, 4, { kind: 'cdr', label: `CDR ${input.cdr.cdr_id} issued`, detail: null });
  return out.sort((a, b) => a.ms - b.ms || a.order - b.order).map(({ ms: _ms, order: _order, ...entry }) => entry);
}
