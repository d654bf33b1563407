import { hostname } from 'node:os';
import { build as buildApi } from '@chargebridge/api';
import { TokenAuthorizer } from '@chargebridge/bridge';
import type { Config, Role } from '@chargebridge/config';
import { build as buildGateway, type Gateway } from '@chargebridge/gateway';
import { BullmqJobRunner, type JobRunner } from '@chargebridge/jobs';
import { createNodeRegistry, createStationCalls } from '@chargebridge/routing';
import type { Store } from '@chargebridge/store';
import { build as buildWorker, type WorkerApp } from '@chargebridge/worker';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { resolveAdminToken } from './admin-token.js';
import { connectRunner } from './connect-runner.js';
import { connectStore } from './connect-store.js';
import { hubVersion } from './hub-version.js';

/** A running hub process (one role or all) and how to stop it. */
export interface HubProcess {
  readonly role: Role;
  readonly nodeId: string;
  readonly adminToken: string;
  readonly adminTokenGenerated: boolean;
  readonly httpUrl?: string;
  readonly ocppUrl?: string;
  readonly store: Store;
  readonly runner: JobRunner;
  close(): Promise<void>;
}

export interface StartHubOptions {
  config: Config;
  role: Role;
  logger: Logger;
  /** Redis key prefix for jobs and routing; defaults to REDIS_PREFIX (tests isolate runs with it). */
  jobPrefix?: string;
}

/**
 * Composes the roles into one process: opens and migrates the store, connects the job runner,
 * then starts the gateway, API and worker as the role asks. `close()` undoes it in reverse.
 */
export async function startHub(options: StartHubOptions): Promise<HubProcess> {
  const { config, role, logger } = options;
  const nodeId = config.nodeId ?? `${hostname()}-${process.pid}`;
  const store = await connectStore(config, { migrate: true });
  const closers: Array<() => Promise<void>> = [() => store.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((err) => logger.warn({ err }, 'error while closing'));
  };
  try {
    const redisPrefix = options.jobPrefix ?? config.redisPrefix;
    const runner = await connectRunner(config, redisPrefix);
    closers.push(() => runner.close());
    const { token: adminToken, generated } = await resolveAdminToken(config, store);
    // Station registry + command routing: memory in embedded mode, Redis (TTL + pub/sub) in server mode.
    const stationCalls = createStationCalls({
      nodeId,
      redisUrl: config.redisUrl,
      prefix: `${redisPrefix}:`,
      defaultTimeoutMs: config.ocppCallTimeoutMs,
      registryTtlMs: Math.max(config.ocppPingIntervalS, 10) * 3000,
      logger,
    });
    closers.push(() => stationCalls.close());
    // Gateway heartbeats (`GET /system/nodes`): same seam, an entry outlives three missed beats.
    // Gateways write it and the API reads it; a worker-only process needs no connection to it.
    const nodeRegistry =
      role === 'worker'
        ? undefined
        : createNodeRegistry({
            redisUrl: config.redisUrl,
            prefix: `${redisPrefix}:`,
            ttlMs: config.nodeHeartbeatIntervalMs * 3,
          });
    if (nodeRegistry) closers.push(() => nodeRegistry.close());
    const nodeInfo = { roles: role === 'all' ? ['gateway', 'api', 'worker'] : [role], version: hubVersion() };

    let worker: WorkerApp | undefined;
    if (role === 'all' || role === 'worker') {
      worker = await buildWorker({ config, store, runner, logger, stationCalls });
      await worker.start();
      closers.push(() => worker!.close());
    }

    let gateway: Gateway | undefined;
    let ocppUrl: string | undefined;
    if (role === 'all' || role === 'gateway') {
      // Authorization runs here, in the gateway (latency-critical; packages/bridge README).
      const authorizer = new TokenAuthorizer({ store, logger, timeoutMs: config.authorizationTimeoutMs });
      gateway = await buildGateway({
        config,
        store,
        runner,
        logger,
        nodeId,
        stationCalls,
        authorizer,
        nodeRegistry,
        nodeInfo,
      });
      const { port } = await gateway.listen();
      closers.push(() => gateway!.close());
      ocppUrl = `ws://localhost:${port}/ocpp`;
    }

    let api: FastifyInstance | undefined;
    let httpUrl: string | undefined;
    if (role === 'all' || role === 'api') {
      const readinessChecks: Record<string, () => Promise<boolean>> = {};
      if (runner instanceof BullmqJobRunner) readinessChecks.redis = () => runner.ping();
      api = await buildApi({
        config,
        store,
        runner,
        logger,
        adminToken,
        readinessChecks,
        stationCalls,
        nodeRegistry,
      });
      await api.listen({ port: config.port, host: config.host });
      closers.push(() => api!.close());
      const address = api.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      httpUrl = `http://localhost:${port}`;
    }

    return {
      role,
      nodeId,
      adminToken,
      adminTokenGenerated: generated,
      httpUrl,
      ocppUrl,
      store,
      runner,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
