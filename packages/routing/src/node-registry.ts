/** What a gateway node publishes about itself on every heartbeat. */
export interface NodeHeartbeat {
  node_id: string;
  /** The roles the node's process runs (`gateway`, `api`, `worker`). */
  roles: string[];
  /** When the node started publishing (ISO 8601). */
  started_at: string;
  /** When this heartbeat was written (ISO 8601). */
  last_heartbeat: string;
  /** Station sockets the node holds at the heartbeat. */
  connections: number;
  /** The hub's package version, when known. */
  version: string | null;
}

/**
 * The gateway nodes that are alive now: each node rewrites its entry every heartbeat and the
 * entry expires after the registry's TTL, so a node that stops heartbeating (crash, network
 * split) disappears on its own; a clean shutdown removes it at once. Memory in embedded mode,
 * Redis keys with a TTL in server mode.
 */
export interface NodeRegistry {
  /** Writes the node's entry and restarts its TTL. */
  beat(heartbeat: NodeHeartbeat): Promise<void>;
  /** Removes the node's entry (clean shutdown). */
  remove(nodeId: string): Promise<void>;
  /** Every unexpired entry, ordered by node id. */
  list(): Promise<NodeHeartbeat[]>;
  /** Releases the registry's connection, if it has one. */
  close(): Promise<void>;
}

/** The embedded-mode node registry: one process, one map, the same TTL rule as Redis. */
export class MemoryNodeRegistry implements NodeRegistry {
  private readonly entries = new Map<string, { heartbeat: NodeHeartbeat; expiresAt: number }>();

  constructor(private readonly options: { ttlMs: number }) {}

  async beat(heartbeat: NodeHeartbeat): Promise<void> {
    this.entries.set(heartbeat.node_id, { heartbeat: { ...heartbeat }, expiresAt: Date.now() + this.options.ttlMs });
  }

  async remove(nodeId: string): Promise<void> {
    this.entries.delete(nodeId);
  }

  async list(): Promise<NodeHeartbeat[]> {
    const now = Date.now();
    const alive: NodeHeartbeat[] = [];
    for (const [nodeId, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(nodeId);
      else alive.push({ ...entry.heartbeat });
    }
    return alive.sort(byNodeId);
  }

  async close(): Promise<void> {}
}

/** Orders heartbeats by node id. */
export function byNodeId(a: NodeHeartbeat, b: NodeHeartbeat): number {
  return a.node_id < b.node_id ? -1 : a.node_id > b.node_id ? 1 : 0;
}
