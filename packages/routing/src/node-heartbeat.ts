import type { NodeRegistry } from './node-registry.js';

/** Options of {@link startNodeHeartbeat}. */
export interface NodeHeartbeatOptions {
  registry: NodeRegistry;
  nodeId: string;
  roles: readonly string[];
  intervalMs: number;
  /** The node's live station sockets, read at every beat. */
  connections: () => number;
  version?: string;
  logger?: { warn(obj: object, msg: string): void };
}

/** A running heartbeat; `stop()` ends it and removes the node's entry. */
export interface NodeHeartbeatPublisher {
  stop(): Promise<void>;
}

/**
 * Publishes the node's heartbeat now and every `intervalMs`. A failed beat is logged and the
 * next one retries; `stop()` waits for a beat in flight so it cannot re-create the entry.
 */
export async function startNodeHeartbeat(options: NodeHeartbeatOptions): Promise<NodeHeartbeatPublisher> {
  const { registry, nodeId } = options;
  const startedAt = new Date().toISOString();
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  const beat = () => {
    if (stopped) return inFlight;
    inFlight = registry
      .beat({
        node_id: nodeId,
        roles: [...options.roles],
        started_at: startedAt,
        last_heartbeat: new Date().toISOString(),
        connections: options.connections(),
        version: options.version ?? null,
      })
      .catch((err) => options.logger?.warn({ err, nodeId }, 'node heartbeat failed'));
    return inFlight;
  };
  await beat();
  const timer = setInterval(beat, options.intervalMs).unref();
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await inFlight;
      await registry.remove(nodeId).catch((err) => options.logger?.warn({ err, nodeId }, 'node removal failed'));
    },
  };
}
