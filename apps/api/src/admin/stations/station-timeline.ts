const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/** A span of time the station was offline; `to` null = still offline when the window ends. */
export interface OfflineGap {
  from: Date;
  to: Date | null;
}

/** Where the offline gaps came from: connection events, or only the station's last-seen time. */
export type ConnectivitySource = 'events' | 'last_seen';

/**
 * The offline gaps of a station inside [from, to): walks the gateway's Connected / Disconnected
 * events (with the last one before the window giving the starting state). Without any event — a
 * station last connected before events were recorded — the station row says enough: offline now
 * means offline since it was last seen. A station the row shows offline after its last Connected
 * event (a gateway that died without closing the socket) is offline since it was last seen. Gaps
 * start no earlier than the station's provisioning (before its first connection it was offline).
 */
export function offlineGaps(input: {
  from: Date;
  to: Date;
  before: { kind: string; occurred_at: Date } | undefined;
  events: ReadonlyArray<{ kind: string; occurred_at: Date }>;
  station: { online: boolean; last_seen_at: Date | null; created_at: Date };
}): { gaps: OfflineGap[]; source: ConnectivitySource } {
  const { to, before, events, station } = input;
  // Nothing to show before the station was provisioned.
  const from = later(input.from, station.created_at);
  if (from >= to) return { gaps: [], source: before || events.length > 0 ? 'events' : 'last_seen' };
  if (before === undefined && events.length === 0) {
    if (station.online) return { gaps: [], source: 'last_seen' };
    const since = station.last_seen_at;
    if (since !== null && since >= to) return { gaps: [], source: 'last_seen' };
    return { gaps: [{ from: since === null ? from : later(since, from), to: null }], source: 'last_seen' };
  }
  const gaps: OfflineGap[] = [];
  // No event before the window: the first one tells what came before (a Disconnected means it was online).
  const onlineAtStart = before ? before.kind === 'Connected' : events[0]!.kind === 'Disconnected';
  let gapStart: Date | null = onlineAtStart ? null : from;
  let lastConnected: Date | null = before?.kind === 'Connected' ? before.occurred_at : null;
  for (const event of events) {
    if (event.kind === 'Connected') {
      if (gapStart !== null) gaps.push({ from: gapStart, to: event.occurred_at });
      gapStart = null;
      lastConnected = event.occurred_at;
    } else if (event.kind === 'Disconnected' && gapStart === null) {
      gapStart = event.occurred_at;
    }
  }
  if (gapStart === null && !station.online && station.last_seen_at !== null) {
    const since = station.last_seen_at;
    if ((lastConnected === null || since >= lastConnected) && since < to) gapStart = later(since, from);
  }
  if (gapStart !== null) gaps.push({ from: gapStart, to: null });
  return { gaps, source: 'events' };
}

/** One point of the power chart: what one EVSE measured at one instant. */
export interface TelemetryPoint {
  at: string;
  evse_id: number;
  transaction_id: number | null;
  power_kw: number | null;
  current_a: number | null;
  soc: number | null;
}

/**
 * Folds meter samples into chart points per (instant, EVSE): power is the whole-meter reading or
 * else the sum of the phases (kW), current the whole-meter reading or else the highest phase (A),
 * SoC as reported (%). Samples in normalized units (W, A, Percent).
 */
export function telemetryPoints(
  samples: ReadonlyArray<{
    sampled_at: Date;
    ocpp_evse_id: number;
    transaction_id: number | null;
    measurand: string;
    phase: string | null;
    value: number;
  }>,
): TelemetryPoint[] {
  interface Acc {
    at: Date;
    evse: number;
    tx: number | null;
    power: number | null;
    powerPhases: number[];
    current: number | null;
    currentPhases: number[];
    soc: number | null;
  }
  const groups = new Map<string, Acc>();
  for (const s of samples) {
    const key = `${s.sampled_at.getTime()}:${s.ocpp_evse_id}`;
    let acc = groups.get(key);
    if (!acc) {
      acc = {
        at: s.sampled_at,
        evse: s.ocpp_evse_id,
        tx: s.transaction_id,
        power: null,
        powerPhases: [],
        current: null,
        currentPhases: [],
        soc: null,
      };
      groups.set(key, acc);
    }
    acc.tx ??= s.transaction_id;
    if (s.measurand === 'Power.Active.Import') {
      // Phase-to-neutral readings add up; a bare "N" reading is the neutral, not a phase.
      if (s.phase === null) acc.power = s.value;
      else if (/^L\d(-N)?$/.test(s.phase)) acc.powerPhases.push(s.value);
    } else if (s.measurand === 'Current.Import') {
      if (s.phase === null) acc.current = s.value;
      else if (/^L\d$/.test(s.phase)) acc.currentPhases.push(s.value);
    } else if (s.measurand === 'SoC') {
      acc.soc = s.value;
    }
  }
  const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  return [...groups.values()]
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.evse - b.evse)
    .map((g) => {
      const watts = g.power ?? (g.powerPhases.length > 0 ? g.powerPhases.reduce((a, b) => a + b, 0) : null);
      const amps = g.current ?? (g.currentPhases.length > 0 ? Math.max(...g.currentPhases) : null);
      return {
        at: g.at.toISOString(),
        evse_id: g.evse,
        transaction_id: g.tx,
        power_kw: watts === null ? null : round(watts / 1000, 3),
        current_a: amps === null ? null : round(amps, 2),
        soc: g.soc === null ? null : round(g.soc, 1),
      };
    });
}
