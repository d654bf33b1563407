import { Redis } from 'ioredis';
import { RedisCallBus } from './call-bus.js';
import { RedisStationRegistry } from './redis-station-registry.js';
import { StationCalls } from './station-calls.js';
import { MemoryStationRegistry } from './station-registry.js';

/** Options of {@link createStationCalls}. */
export interface CreateStationCallsOptions {
  nodeId: string;
  /** Server mode: the registry and the bus live in Redis. Embedded mode without it. */
  redisUrl?: string;
  /** Key and channel prefix (tests isolate runs with it). */
  prefix?: string;
  defaultTimeoutMs: number;
  /** Registry entry TTL; the gateway refreshes it every keepalive sweep (default 3 × 60 s). */
  registryTtlMs?: number;
  logger?: { warn(obj: object, msg: string): void };
}

/**
 * The call service of one process: memory registry and no bus in embedded mode; Redis registry
 * and pub/sub in server mode (two connections: commands and a dedicated subscriber).
 */
export function createStationCalls(options: CreateStationCallsOptions): StationCalls {
  const prefix = options.prefix ?? 'cb:';
  if (!options.redisUrl) {
    return new StationCalls({
      nodeId: options.nodeId,
      registry: new MemoryStationRegistry(),
      defaultTimeoutMs: options.defaultTimeoutMs,
      logger: options.logger,
    });
  }
  const commands = new Redis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
  const subscriber = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  commands.on('error', () => {});
  subscriber.on('error', () => {});
  const calls = new StationCalls({
    nodeId: options.nodeId,
    registry: new RedisStationRegistry(commands, { prefix, ttlMs: options.registryTtlMs ?? 180_000 }),
    bus: new RedisCallBus(commands, subscriber, prefix),
    defaultTimeoutMs: options.defaultTimeoutMs,
    logger: options.logger,
  });
  const close = calls.close.bind(calls);
  calls.close = async () => {
    await close();
    await commands.quit().catch(() => commands.disconnect());
  };
  return calls;
}
