import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );

/**
 * Every environment variable the hub reads (see docs/configuration.md and interfaces.md).
 * Names stay the environment's own; `loadConfig` turns them into the typed `Config`.
 */
export const envSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  OCPP_PORT: port.default(9000),
  OCPP_TLS_PORT: port.optional(),
  TLS_CERT: optionalString,
  TLS_KEY: optionalString,
  TLS_CA: optionalString,
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, _ or -')
    .default('chargebridge'),
  PUBLIC_URL: url(['http:', 'https:']).optional(),
  ADMIN_TOKEN: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  HUB_COUNTRY_CODE: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as NL')
    .default('NL'),
  HUB_PARTY_ID: z
    .string()
    .regex(/^[A-Z0-9]{3}$/, 'must be three upper-case letters or digits such as CBH')
    .default('CBH'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OCPP_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  OCPP_MAX_FRAME_BYTES: z.coerce.number().int().min(1024).max(16_777_216).default(65_536),
  OCPP_PING_INTERVAL_S: z.coerce.number().int().min(0).max(3600).default(60),
  OCPP_AUTO_REGISTER: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  AUTHORIZATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  NODE_ID: optionalString,
  // Gateway node heartbeat (GET /api/v1/system/nodes); an entry lives three intervals.
  NODE_HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  // Alert rule thresholds (the dashboard's alerts engine, apps/worker/src/alerts).
  ALERT_OFFLINE_MINUTES: z.coerce.number().min(0).max(10_080).default(5),
  ALERT_NO_METER_VALUES_MINUTES: z.coerce.number().min(0).max(1440).default(15),
  ALERT_COMMAND_STUCK_SECONDS: z.coerce.number().min(0).max(86_400).default(120),
  ALERT_PUSH_FAILURES: z.coerce.number().int().min(1).max(1000).default(3),
  // How long the worker keeps the raw OCPP frame log and partner push attempts (0 = forever).
  FRAME_LOG_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(14),
  PUSH_ATTEMPT_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(30),
  // The CA the hub signs station certificates with (SignCertificate); both files or neither.
  STATION_CA_CERT: optionalString,
  STATION_CA_KEY: optionalString,
  STATION_CERT_DAYS: z.coerce
    .number({ error: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be between 1 and 3650 days')
    .max(3650, 'must be between 1 and 3650 days')
    .default(365),
  // The lowest security profile whose stations may have a certificate signed (below 2 nothing
  // authenticates the station over an encrypted connection, so anyone could ask in its name).
  STATION_CERT_MIN_SECURITY_PROFILE: z.coerce.number().int().min(0).max(3).default(2),
});

export type Env = z.input<typeof envSchema>;
