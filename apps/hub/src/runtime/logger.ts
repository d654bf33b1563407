import { type Logger, pino } from 'pino';

/** The process logger: JSON lines on stdout; secrets are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'chargebridge' },
    redact: {
      paths: [
        'req.headers.authorization',
        '*.password',
        '*.token',
        '*.adminToken',
        '*.outgoing_token',
        'config.adminToken',
        'config.databaseUrl',
        'config.redisUrl',
      ],
      censor: '[redacted]',
    },
  });
}
