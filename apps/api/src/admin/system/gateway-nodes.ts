import type { NodeHeartbeat } from '@chargebridge/routing';

/** A node as the database sees it: stations marked online whose socket it holds. */
export interface DatabaseNode {
  node: string;
  connections: number;
  last_seen: string | null;
}

/** One row of `GET /system/nodes`. */
export interface GatewayNodeView extends DatabaseNode {
  /** The node heartbeats now; false: only stale station rows still name it. */
  alive: boolean;
  roles: string[];
  started_at: string | null;
  last_heartbeat: string | null;
  live_connections: number | null;
  version: string | null;
}

/**
 * The union of the heartbeating nodes (alive, with zero stations too) and the nodes only the
 * database still names (alive: false — stations marked online on a node that stopped beating),
 * ordered by node id.
 */
export function mergeGatewayNodes(
  heartbeats: readonly NodeHeartbeat[],
  inDatabase: readonly DatabaseNode[],
): GatewayNodeView[] {
  const stored = new Map(inDatabase.map((n) => [n.node, n]));
  const views = new Map<string, GatewayNodeView>();
  for (const beat of heartbeats) {
    const row = stored.get(beat.node_id);
    views.set(beat.node_id, {
      node: beat.node_id,
      connections: row?.connections ?? 0,
      last_seen: row?.last_seen ?? null,
      alive: true,
      roles: beat.roles,
      started_at: beat.started_at,
      last_heartbeat: beat.last_heartbeat,
      live_connections: beat.connections,
      version: beat.version,
    });
  }
  for (const row of inDatabase) {
    if (views.has(row.node)) continue;
    views.set(row.node, {
      ...row,
      alive: false,
      roles: [],
      started_at: null,
      last_heartbeat: null,
      live_connections: null,
      version: null,
    });
  }
  return [...views.values()].sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
}
