import { Redis } from 'ioredis';
import { MemoryNodeRegistry, type NodeRegistry } from './node-registry.js';
import { RedisNodeRegistry } from './redis-node-registry.js';

/** Options of {@link createNodeRegistry}. */
export interface CreateNodeRegistryOptions {
  /** Server mode: the registry lives in Redis. Embedded mode without it. */
  redisUrl?: string;
  /** Key prefix, as the station registry's (default `cb:`). */
  prefix?: string;
  /** How long an entry outlives its last heartbeat (about three heartbeat intervals). */
  ttlMs: number;
}

/** The node registry of one process: memory in embedded mode, Redis in server mode. */
export function createNodeRegistry(options: CreateNodeRegistryOptions): NodeRegistry {
  if (!options.redisUrl) return new MemoryNodeRegistry({ ttlMs: options.ttlMs });
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', () => {});
  return new RedisNodeRegistry(redis, { prefix: options.prefix ?? 'cb:', ttlMs: options.ttlMs });
}
