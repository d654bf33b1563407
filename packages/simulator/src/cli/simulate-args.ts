import { parseArgs } from 'node:util';
import { isOcppVersion, type OcppVersion } from '@chargebridge/ocpp';
import type { ProtocolChoice, SecondsRange, SimulatorOptions } from '../options.js';

/** Options of the `simulate` command beyond the fleet's own. */
export interface SimulateRun {
  options: Partial<SimulatorOptions> & { url: string };
  /** Stop by itself after this many seconds. */
  durationS: number | undefined;
  /** On stop, wait up to this long for queued transaction messages. */
  drainS: number;
  /** Write the JSON summary here as well as to stdout. */
  out: string | undefined;
  /** One JSON progress line per second on stderr (for harnesses; the TTY gets a live line instead). */
  progress: boolean;
  /** SIGUSR2 drops every connection; stations reconnect within this many ms. */
  dropWithinMs: number;
}

/** `--help` text of `simulate`. */
export const SIMULATE_USAGE = `simulate --url WS_URL [--stations N] [--protocol 1.6|2.0.1|2.1|mix|LIST] [options]
      --connectors N            connectors (1.6) / EVSEs (2.x) per station (2)
      --id-prefix P --id-offset N   identities P00001… (SIM, 1)
      --ramp N                  stations started per second, 0 = all at once (50)
      --session MIN-MAX         session length in s (60-300);  --idle MIN-MAX  gap between sessions (5-60)
      --meter-interval S        MeterValues / TransactionEvent Updated interval (10)
      --heartbeat-interval S    override the interval from BootNotification
      --tokens A,B,C            idTags presented round-robin;  --password PW  basic auth (profile 1)
      --idle-only               no sessions: boot, status, heartbeats only
      --offline-every MIN-MAX --offline-duration MIN-MAX   scheduled offline periods (s)
      --reconnect-base-ms N --reconnect-max-ms N           backoff (1000, 60000), ±50 % jitter
      --source-addresses N|A,B  local addresses 127.0.0.1..N (or a list), > 28k connections
      --duration S --drain S    stop by itself; then wait for queued transaction messages
      --out FILE --progress     JSON summary to FILE too; JSON progress lines on stderr
      --drop-within-ms N        SIGUSR2 drops all connections, reconnect spread over N ms`;

function range(name: string, text: string | undefined): SecondsRange | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(text);
  if (!m) throw new RangeError(`--${name} must be SECONDS or MIN-MAX (got "${text}")`);
  const min = Number(m[1]);
  return [min, m[2] === undefined ? min : Number(m[2])];
}

function num(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new RangeError(`--${name} must be a number (got "${text}")`);
  return value;
}

function protocol(text: string | undefined): ProtocolChoice | undefined {
  if (text === undefined) return undefined;
  if (text === 'mix') return 'mix';
  const list = text.split(',').map((v) => v.trim());
  if (!list.every(isOcppVersion))
    throw new RangeError(`--protocol must be 1.6, 2.0.1, 2.1, mix or a list (got "${text}")`);
  return list.length === 1 ? (list[0] as OcppVersion) : (list as OcppVersion[]);
}

/** `8` → 127.0.0.1…127.0.0.8; `127.0.0.2,127.0.0.3` → as given. */
function sourceAddresses(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n < 1 || n > 254) throw new RangeError('--source-addresses N must be 1..254');
    return Array.from({ length: n }, (_, i) => `127.0.0.${i + 1}`);
  }
  return text.split(',').map((a) => a.trim());
}

/** Parses `simulate` arguments. Throws `RangeError` (bad value) or a parseArgs TypeError. */
export function parseSimulateArgs(args: string[]): SimulateRun {
  const { values: v } = parseArgs({
    args,
    strict: true,
    options: {
      url: { type: 'string' },
      stations: { type: 'string' },
      connectors: { type: 'string' },
      'id-prefix': { type: 'string' },
      'id-offset': { type: 'string' },
      protocol: { type: 'string' },
      ramp: { type: 'string' },
      session: { type: 'string' },
      idle: { type: 'string' },
      'meter-interval': { type: 'string' },
      'heartbeat-interval': { type: 'string' },
      'suspend-probability': { type: 'string' },
      tokens: { type: 'string' },
      password: { type: 'string' },
      'idle-only': { type: 'boolean' },
      'offline-every': { type: 'string' },
      'offline-duration': { type: 'string' },
      'reconnect-base-ms': { type: 'string' },
      'reconnect-max-ms': { type: 'string' },
      'source-addresses': { type: 'string' },
      'call-timeout-ms': { type: 'string' },
      'no-boot-on-reconnect': { type: 'boolean' },
      duration: { type: 'string' },
      drain: { type: 'string' },
      out: { type: 'string' },
      progress: { type: 'boolean' },
      'drop-within-ms': { type: 'string' },
    },
  });
  if (v.url === undefined) throw new RangeError('--url is required (e.g. ws://localhost:9000/ocpp)');
  return {
    options: {
      url: v.url,
      stations: num('stations', v.stations),
      connectors: num('connectors', v.connectors),
      idPrefix: v['id-prefix'],
      idOffset: num('id-offset', v['id-offset']),
      protocol: protocol(v.protocol),
      rampPerSecond: num('ramp', v.ramp),
      sessionSeconds: range('session', v.session),
      idleSeconds: range('idle', v.idle),
      meterIntervalSeconds: num('meter-interval', v['meter-interval']),
      heartbeatIntervalSeconds: num('heartbeat-interval', v['heartbeat-interval']),
      suspendProbability: num('suspend-probability', v['suspend-probability']),
      tokens: v.tokens?.split(',').map((t) => t.trim()),
      password: v.password,
      charging: v['idle-only'] === true ? false : undefined,
      offlineEverySeconds: range('offline-every', v['offline-every']),
      offlineDurationSeconds: range('offline-duration', v['offline-duration']),
      reconnectBaseMs: num('reconnect-base-ms', v['reconnect-base-ms']),
      reconnectMaxMs: num('reconnect-max-ms', v['reconnect-max-ms']),
      sourceAddresses: sourceAddresses(v['source-addresses']),
      callTimeoutMs: num('call-timeout-ms', v['call-timeout-ms']),
      bootOnReconnect: v['no-boot-on-reconnect'] === true ? false : undefined,
    },
    durationS: num('duration', v.duration),
    drainS: num('drain', v.drain) ?? 10,
    out: v.out,
    progress: v.progress === true,
    dropWithinMs: num('drop-within-ms', v['drop-within-ms']) ?? 1000,
  };
}
