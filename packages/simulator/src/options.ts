import type { OcppVersion } from '@chargebridge/ocpp';

/** A closed range `[min, max]` of seconds; a value is drawn uniformly from it. */
export type SecondsRange = readonly [number, number];

/** How stations are spread over protocol versions. */
export type ProtocolChoice = OcppVersion | 'mix' | readonly OcppVersion[];

/** Options of a simulated fleet. Everything but `url` has a default (see {@link DEFAULT_OPTIONS}). */
export interface SimulatorOptions {
  /** OCPP-J endpoint; each station connects to `${url}/${identity}` (OCPP-J §3.1.1). */
  url: string;
  /** Number of stations. */
  stations: number;
  /** Connectors per station (1.6: connectorId 1..n; 2.x: EVSE 1..n with connector 1 each). */
  connectors: number;
  /** Station identity = prefix + zero-padded index. */
  idPrefix: string;
  /** Index of the first station (shards of a fleet over several processes use distinct ranges). */
  idOffset: number;
  /** `mix` = 1.6, 2.0.1 and 2.1 round-robin; a list = round-robin over it. */
  protocol: ProtocolChoice;
  /** Stations started per second (0 = all at once). */
  rampPerSecond: number;
  /** `false`: stations only boot, report status and heartbeat (capacity runs). */
  charging: boolean;
  /** Length of a charging session. */
  sessionSeconds: SecondsRange;
  /** Time a connector stays free between sessions. */
  idleSeconds: SecondsRange;
  /** Meter sample interval during a session (1.6 MeterValues / 2.x TransactionEvent Updated). */
  meterIntervalSeconds: number;
  /** Heartbeat interval; `undefined` = the interval the CSMS returns in BootNotification. */
  heartbeatIntervalSeconds: number | undefined;
  /** Chance that a session has a SuspendedEV period. */
  suspendProbability: number;
  /** idTags / idTokens presented, round-robin. */
  tokens: readonly string[];
  /** Basic-auth password (security profile 1); `undefined` = no Authorization header. */
  password: string | undefined;
  /** Reconnect backoff: first delay, cap, both in ms; each delay gets ±50 % jitter. */
  reconnectBaseMs: number;
  reconnectMaxMs: number;
  /** Scheduled offline periods per station (queue transaction messages, replay on reconnect). */
  offlineEverySeconds: SecondsRange | undefined;
  offlineDurationSeconds: SecondsRange;
  /** Local source addresses, round-robin per station (127.0.0.x lifts the ~28k port limit). */
  sourceAddresses: readonly string[];
  /** Per-call timeout. */
  callTimeoutMs: number;
  /** Send BootNotification again after each reconnect (as most stations do after a drop). */
  bootOnReconnect: boolean;
  vendorName: string;
  model: string;
}

/** Defaults: a small, lively fleet. */
export const DEFAULT_OPTIONS: Omit<SimulatorOptions, 'url'> = {
  stations: 10,
  connectors: 2,
  idPrefix: 'SIM',
  idOffset: 1,
  protocol: '1.6',
  rampPerSecond: 50,
  charging: true,
  sessionSeconds: [60, 300],
  idleSeconds: [5, 60],
  meterIntervalSeconds: 10,
  heartbeatIntervalSeconds: undefined,
  suspendProbability: 0.3,
  tokens: ['SIMTOKEN0001', 'SIMTOKEN0002', 'SIMTOKEN0003'],
  password: undefined,
  reconnectBaseMs: 1_000,
  reconnectMaxMs: 60_000,
  offlineEverySeconds: undefined,
  offlineDurationSeconds: [10, 30],
  sourceAddresses: [],
  callTimeoutMs: 30_000,
  bootOnReconnect: true,
  vendorName: 'chargebridge',
  model: 'SimStation',
};

/** Fills defaults and checks ranges; throws a `RangeError` naming the bad option. */
export function resolveOptions(input: Partial<SimulatorOptions> & { url: string }): SimulatorOptions {
  const options: SimulatorOptions = { ...DEFAULT_OPTIONS, ...stripUndefined(input), url: input.url };
  const positive = (name: keyof SimulatorOptions, value: number, min = 0) => {
    if (!Number.isFinite(value) || value < min) throw new RangeError(`${name} must be a number ≥ ${min}`);
  };
  if (!/^wss?:\/\//.test(options.url)) throw new RangeError('url must start with ws:// or wss://');
  positive('stations', options.stations, 1);
  positive('connectors', options.connectors, 1);
  positive('rampPerSecond', options.rampPerSecond);
  positive('meterIntervalSeconds', options.meterIntervalSeconds, 0.01);
  for (const [name, range] of [
    ['sessionSeconds', options.sessionSeconds],
    ['idleSeconds', options.idleSeconds],
    ['offlineDurationSeconds', options.offlineDurationSeconds],
  ] as const) {
    if (!(range[0] >= 0 && range[1] >= range[0]))
      throw new RangeError(`${name} must be a range min-max with min ≤ max`);
  }
  if (options.tokens.length === 0) throw new RangeError('tokens must not be empty');
  return options;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Protocol version of the station at position `index` (0-based) of the fleet. */
export function versionFor(choice: ProtocolChoice, index: number): OcppVersion {
  if (choice === 'mix') return (['1.6', '2.0.1', '2.1'] as const)[index % 3]!;
  if (typeof choice === 'string') return choice;
  return choice[index % choice.length]!;
}

/** Uniform draw from a range, in ms. */
export function drawMs(range: SecondsRange): number {
  return (range[0] + Math.random() * (range[1] - range[0])) * 1000;
}
