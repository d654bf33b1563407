import type { Redis } from 'ioredis';
import { byNodeId, type NodeHeartbeat, type NodeRegistry } from './node-registry.js';

/** Escapes the glob characters of a SCAN pattern. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * Server-mode node registry: `{prefix}node:{node_id}` → the heartbeat as JSON, with a TTL.
 * Listing walks the keys with SCAN (never KEYS, which blocks Redis). Owns its connection.
 */
export class RedisNodeRegistry implements NodeRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; ttlMs: number },
  ) {}

  private key(nodeId: string): string {
    return `${this.options.prefix}node:${nodeId}`;
  }

  async beat(heartbeat: NodeHeartbeat): Promise<void> {
    await this.redis.set(this.key(heartbeat.node_id), JSON.stringify(heartbeat), 'PX', this.options.ttlMs);
  }

  async remove(nodeId: string): Promise<void> {
    await this.redis.del(this.key(nodeId));
  }

  async list(): Promise<NodeHeartbeat[]> {
    const pattern = `${globEscape(this.options.prefix)}node:*`;
    const keys = new Set<string>();
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 200);
      for (const key of batch) keys.add(key);
      cursor = next;
    } while (cursor !== '0');
    if (keys.size === 0) return [];
    // An entry may expire between SCAN and MGET: its value is then null and it is skipped.
    const values = await this.redis.mget(...keys);
    const heartbeats: NodeHeartbeat[] = [];
    for (const value of values) {
      if (value === null) continue;
      try {
        heartbeats.push(JSON.parse(value) as NodeHeartbeat);
      } catch {
        // Not ours (or corrupt): the key expires with its TTL.
      }
    }
    return heartbeats.sort(byNodeId);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
