import { ConfigError } from './config-error.js';
import { envSchema } from './env.schema.js';
import { checkStationCa, type StationCaFiles } from './station-ca.check.js';

export { ConfigError };

/** Roles a process can run; `all` is the one-process hub of `chargebridge start`. */
export type Role = 'all' | 'gateway' | 'api' | 'worker';

/** The hub's validated, frozen configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly ocppPort: number;
  readonly ocppTlsPort: number | undefined;
  readonly tls: { readonly cert?: string; readonly key?: string; readonly ca?: string };
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  /** Prefix of every Redis key and channel (several hubs can share one Redis). */
  readonly redisPrefix: string;
  readonly publicUrl: string;
  readonly adminToken: string | undefined;
  readonly hubCountryCode: string;
  readonly hubPartyId: string;
  readonly logLevel: string;
  readonly ocppCallTimeoutMs: number;
  readonly ocppMaxFrameBytes: number;
  readonly ocppPingIntervalS: number;
  readonly ocppAutoRegister: boolean;
  readonly authorizationTimeoutMs: number;
  readonly nodeId: string | undefined;
  /** How often a gateway node publishes its heartbeat; its entry expires after three. */
  readonly nodeHeartbeatIntervalMs: number;
  /** Thresholds of the alert rules (ALERT_*). */
  readonly alerts: AlertThresholds;
  /** Days the worker keeps the OCPP frame log and partner push attempts; 0 keeps them forever. */
  readonly retention: { readonly frameLogDays: number; readonly pushAttemptDays: number };
  /**
   * PEM files of the CA the hub signs station certificates with (STATION_CA_CERT / STATION_CA_KEY,
   * checked readable and matching at start); undefined: SignCertificate is answered Rejected.
   * Only the paths are kept here — never key material.
   */
  readonly stationCa: StationCaFiles | undefined;
  /** Validity in days of a station certificate the hub signs (STATION_CERT_DAYS). */
  readonly stationCertDays: number;
  /** STATION_CERT_MIN_SECURITY_PROFILE: stations below it get SignCertificate Rejected. */
  readonly stationCertMinSecurityProfile: number;
  /** `embedded` without DATABASE_URL and REDIS_URL; `server` with both. */
  readonly mode: 'embedded' | 'server';
}

/** Thresholds of the dashboard's alert rules. */
export interface AlertThresholds {
  /** A station offline longer than this opens `station_offline`. */
  readonly offlineMinutes: number;
  /** A charging transaction without meter values this long opens `no_meter_values`. */
  readonly noMeterValuesMinutes: number;
  /** A command queued or sent this long (or past its deadline) opens `command_stuck`. */
  readonly commandStuckSeconds: number;
  /** This many consecutive failed pushes to a partner open `partner_push_failures`. */
  readonly pushFailures: number;
}

/** Every variable name `loadConfig` reads — the compose file may set only these. */
export const knownVariables: readonly string[] = Object.keys(envSchema.shape);

/**
 * Validates the environment once. Throws `ConfigError` naming the first bad variable.
 * Unknown variables are ignored (the process environment holds many).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const name of knownVariables) {
    const value = env[name];
    if (value !== undefined && value !== '') picked[name] = value;
  }
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const given = picked[variable];
    throw new ConfigError(
      variable,
      `${issue?.message ?? 'is invalid'}${given === undefined ? '' : ` (got "${given}")`}`,
    );
  }
  const e = parsed.data;
  if (e.OCPP_TLS_PORT !== undefined && (!e.TLS_CERT || !e.TLS_KEY)) {
    throw new ConfigError('OCPP_TLS_PORT', 'needs TLS_CERT and TLS_KEY to be set');
  }
  if (Boolean(e.DATABASE_URL) !== Boolean(e.REDIS_URL)) {
    // Half a server (PostgreSQL with in-process jobs, or Redis with PGlite) is allowed:
    // the store and the runner are independent seams. Mode reports the database side.
  }
  const stationCa = checkStationCa(e.STATION_CA_CERT, e.STATION_CA_KEY);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    ocppPort: e.OCPP_PORT,
    ocppTlsPort: e.OCPP_TLS_PORT,
    tls: Object.freeze({ cert: e.TLS_CERT, key: e.TLS_KEY, ca: e.TLS_CA }),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    adminToken: e.ADMIN_TOKEN,
    hubCountryCode: e.HUB_COUNTRY_CODE,
    hubPartyId: e.HUB_PARTY_ID,
    logLevel: e.LOG_LEVEL,
    ocppCallTimeoutMs: e.OCPP_CALL_TIMEOUT_MS,
    ocppMaxFrameBytes: e.OCPP_MAX_FRAME_BYTES,
    ocppPingIntervalS: e.OCPP_PING_INTERVAL_S,
    ocppAutoRegister: e.OCPP_AUTO_REGISTER,
    authorizationTimeoutMs: e.AUTHORIZATION_TIMEOUT_MS,
    nodeId: e.NODE_ID,
    nodeHeartbeatIntervalMs: e.NODE_HEARTBEAT_INTERVAL_MS,
    alerts: Object.freeze({
      offlineMinutes: e.ALERT_OFFLINE_MINUTES,
      noMeterValuesMinutes: e.ALERT_NO_METER_VALUES_MINUTES,
      commandStuckSeconds: e.ALERT_COMMAND_STUCK_SECONDS,
      pushFailures: e.ALERT_PUSH_FAILURES,
    }),
    retention: Object.freeze({
      frameLogDays: e.FRAME_LOG_RETENTION_DAYS,
      pushAttemptDays: e.PUSH_ATTEMPT_RETENTION_DAYS,
    }),
    stationCa,
    stationCertDays: e.STATION_CERT_DAYS,
    stationCertMinSecurityProfile: e.STATION_CERT_MIN_SECURITY_PROFILE,
    mode: e.DATABASE_URL ? 'server' : 'embedded',
  });
}
