import { parseArgs } from 'node:util';
import { loadConfig, type Role } from '@chargebridge/config';
import { type HubProcess, startHub } from '../runtime/hub-process.js';
import { createLogger } from '../runtime/logger.js';
import { CliError } from './cli-error.js';
import type { CliCommand } from './command.js';

const roles: readonly Role[] = ['all', 'gateway', 'api', 'worker'];

function banner(hub: HubProcess, mode: string, publicUrl: string): string {
  const lines = [`chargebridge ${hub.role === 'all' ? 'hub' : hub.role} running (${mode} mode, node ${hub.nodeId})`];
  if (hub.httpUrl) {
    lines.push(
      `  dashboard   ${publicUrl}/   (sign in with the admin token or an account)`,
      `  OCPI        ${publicUrl}/ocpi/versions`,
      `  admin API   ${hub.httpUrl}/api/v1   (docs: ${hub.httpUrl}/docs)`,
      `  health      ${hub.httpUrl}/health/ready   metrics: ${hub.httpUrl}/metrics`,
    );
  }
  if (hub.ocppUrl) lines.push(`  OCPP        ${hub.ocppUrl}/{stationIdentity}`);
  if (hub.httpUrl) {
    lines.push(
      hub.adminTokenGenerated
        ? `  admin token ${hub.adminToken}   (generated once and kept; set ADMIN_TOKEN to choose your own)`
        : '  admin token from ADMIN_TOKEN',
    );
  }
  return `${lines.join('\n')}\n`;
}

export const startCommand: CliCommand = {
  path: ['start'],
  summary: 'run the hub: all roles in one process, or one role (server mode with DATABASE_URL / REDIS_URL)',
  usage: 'start [--role all|gateway|api|worker]',
  async run(args) {
    const { values } = parseArgs({ args, options: { role: { type: 'string', default: 'all' } }, strict: true });
    const role = values.role as Role;
    if (!roles.includes(role)) throw new CliError(`--role must be one of ${roles.join(', ')} (got "${values.role}")`);
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const hub = await startHub({ config, role, logger });
    process.stdout.write(banner(hub, config.mode, config.publicUrl));

    return new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down');
        const force = setTimeout(() => {
          logger.error('shutdown took longer than 20 s; exiting');
          resolve(1);
        }, 20_000);
        force.unref();
        hub.close().then(
          () => {
            clearTimeout(force);
            resolve(0);
          },
          (err) => {
            logger.error({ err }, 'shutdown failed');
            resolve(1);
          },
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
  },
};
