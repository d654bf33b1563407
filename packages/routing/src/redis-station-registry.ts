import type { Redis } from 'ioredis';
import type { StationRegistry } from './station-registry.js';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const REFRESH = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** Server-mode registry: `{prefix}station:{identity}` → node id, with a TTL. */
export class RedisStationRegistry implements StationRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; ttlMs: number },
  ) {}

  private key(identity: string): string {
    return `${this.options.prefix}station:${identity}`;
  }

  async claim(identity: string, nodeId: string): Promise<string | undefined> {
    // SET … GET (Redis ≥ 6.2): one round trip that also tells us whom we replaced.
    const previous = (await this.redis.call('set', this.key(identity), nodeId, 'PX', this.options.ttlMs, 'GET')) as
      | string
      | null;
    return previous !== null && previous !== nodeId ? previous : undefined;
  }

  async release(identity: string, nodeId: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(identity), nodeId);
  }

  async owner(identity: string): Promise<string | undefined> {
    return (await this.redis.get(this.key(identity))) ?? undefined;
  }

  async refresh(identities: readonly string[], nodeId: string): Promise<void> {
    for (let i = 0; i < identities.length; i += 1000) {
      const pipeline = this.redis.pipeline();
      for (const identity of identities.slice(i, i + 1000)) {
        pipeline.eval(REFRESH, 1, this.key(identity), nodeId, this.options.ttlMs);
      }
      await pipeline.exec();
    }
  }
}
