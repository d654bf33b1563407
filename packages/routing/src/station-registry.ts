/**
 * Which gateway node holds each station's socket. In embedded mode a map in memory; in server
 * mode Redis keys with a TTL, refreshed by the owner's keepalive sweep, so a crashed node's
 * stations fall out of the registry on their own.
 */
export interface StationRegistry {
  /** Makes `nodeId` the owner; resolves with the previous owner when it was another node. */
  claim(identity: string, nodeId: string): Promise<string | undefined>;
  /** Drops the entry if `nodeId` still owns it (a newer connection elsewhere keeps its claim). */
  release(identity: string, nodeId: string): Promise<void>;
  /** The owning node, or `undefined` when no node holds the station. */
  owner(identity: string): Promise<string | undefined>;
  /** Extends the TTL of entries `nodeId` still owns (called from the keepalive sweep). */
  refresh(identities: readonly string[], nodeId: string): Promise<void>;
}

/** The embedded-mode registry: one process, one map. */
export class MemoryStationRegistry implements StationRegistry {
  private readonly owners = new Map<string, string>();

  async claim(identity: string, nodeId: string): Promise<string | undefined> {
    const previous = this.owners.get(identity);
    this.owners.set(identity, nodeId);
    return previous !== undefined && previous !== nodeId ? previous : undefined;
  }

  async release(identity: string, nodeId: string): Promise<void> {
    if (this.owners.get(identity) === nodeId) this.owners.delete(identity);
  }

  async owner(identity: string): Promise<string | undefined> {
    return this.owners.get(identity);
  }

  async refresh(): Promise<void> {}
}
