import { CHANGE_SOURCES, type ChangeSource, type Database, repositories } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import { decodeCursor, encodeCursor, type FeedCursor, laterCursor } from './event-cursor.js';
import { loadPayloads, partnerEvents } from './event-payloads.js';
import { SourceFollower } from './source-follower.js';
import { type EventSink, sseMessage } from './sse-client.js';

export interface LiveFeedOptions {
  db: Kysely<Database>;
  logger: { warn(obj: object, msg: string): void };
  /** Poll period while someone listens (default 500 ms). */
  intervalMs?: number;
  /** Re-read window for late commits (default 3 s); also the replay's look-back before a cursor. */
  overlapMs?: number;
  /** Rows per query (default 500) and queries per source per tick (default 4). */
  batchSize?: number;
  maxPages?: number;
  /** Comment heartbeat period (default 15 s). */
  heartbeatMs?: number;
  /** How often the overview counters and partner health are recomputed (default 3 s). */
  snapshotMs?: number;
  /** Most rows per source replayed to a reconnecting client (the newest ones; default 2,000). */
  replayLimit?: number;
  now?: () => Date;
}

/** One coalesced event of a tick. */
interface FeedEvent {
  type: ChangeSource | 'overview' | 'partner';
  /** Subject: one per row (`connector:17`), or per partner; the newest state per subject wins. */
  key: string;
  /** Version of a row's state (its change µs); undefined for computed snapshots. */
  us?: number;
  data: unknown;
}

interface Subscriber {
  client: EventSink;
  /** Messages that arrived while the client was still being replayed to; null once live. */
  pending: Array<{ event: FeedEvent; text: string }> | null;
  /** Row versions sent by the replay: older or equal live copies are dropped, for a while. */
  guard: Map<string, number>;
}

/**
 * The live event feed of one API process (`GET /api/v1/events`): ONE poller, running only while
 * at least one client listens, reads what changed in the followed tables since its watermark
 * (see `SourceFollower`), plus the overview counters and partner health every few seconds, and
 * fans each tick's events out to every client, coalesced to the newest state per subject. It
 * only reads the database, so it works wherever the API runs (embedded or beside separate
 * gateways). Each message's `id:` is a cursor; a reconnecting client sends it back as
 * `Last-Event-ID` and gets the rows changed since then (state-based replay) before going live.
 */
export class LiveFeed {
  private readonly subscribers = new Set<Subscriber>();
  private readonly followers: Record<ChangeSource, SourceFollower>;
  private readonly repos;
  private readonly opts: Required<Omit<LiveFeedOptions, 'db' | 'logger'>>;
  private starting: Promise<void> | undefined;
  private tickTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private lastSnapshotAt = 0;
  private overview: unknown;
  /** Partner id → the JSON of the state sent last. */
  private readonly partners = new Map<string, string>();
  private overviewJson = '';

  constructor(private readonly options: LiveFeedOptions) {
    this.opts = {
      intervalMs: options.intervalMs ?? 500,
      overlapMs: options.overlapMs ?? 3000,
      batchSize: options.batchSize ?? 500,
      maxPages: options.maxPages ?? 4,
      heartbeatMs: options.heartbeatMs ?? 15_000,
      snapshotMs: options.snapshotMs ?? 3000,
      replayLimit: options.replayLimit ?? 2000,
      now: options.now ?? (() => new Date()),
    };
    this.repos = repositories(options.db);
    const followerOptions = {
      overlapUs: this.opts.overlapMs * 1000,
      batchSize: this.opts.batchSize,
      maxPages: this.opts.maxPages,
    };
    this.followers = Object.fromEntries(
      CHANGE_SOURCES.map((s) => [s, new SourceFollower(s, followerOptions)]),
    ) as Record<ChangeSource, SourceFollower>;
  }

  /** Clients connected now. */
  get clientCount(): number {
    return this.subscribers.size;
  }

  /** Whether the poller runs (only while someone listens). */
  get polling(): boolean {
    return this.tickTimer !== undefined || this.starting !== undefined;
  }

  /**
   * Serves one client until it disconnects: headers, the replay since `lastEventId` (if it is a
   * cursor), the current overview and partner health, then the live events.
   */
  async subscribe(client: EventSink, lastEventId?: string): Promise<void> {
    const sub: Subscriber = { client, pending: [], guard: new Map() };
    this.subscribers.add(sub);
    client.onClose(() => this.remove(sub));
    try {
      await this.start();
      if (client.isClosed) return;
      client.open();
      const current = this.cursor();
      const from = decodeCursor(lastEventId);
      if (from) await this.replay(sub, from);
      const id = encodeCursor(from ? laterCursor(from, current) : current);
      this.overview ??= await this.repos.overview.kpis(this.opts.now());
      client.write(sseMessage('overview', id, this.overview));
      for (const partner of await partnerEvents(this.repos, this.opts.now())) {
        client.write(sseMessage('partner', id, partner));
      }
      const pending = sub.pending ?? [];
      sub.pending = null;
      for (const message of pending) this.deliver(sub, message.event, message.text);
      // Live copies can only be older than the replay for about one poll; then the guard goes.
      setTimeout(() => sub.guard.clear(), this.opts.overlapMs + 2 * this.opts.intervalMs).unref?.();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'live events: could not start a stream');
      client.close();
    }
  }

  /** Ends every stream and stops polling (API shutdown). */
  close(): void {
    for (const sub of [...this.subscribers]) sub.client.close();
    this.stop();
  }

  private remove(sub: Subscriber): void {
    this.subscribers.delete(sub);
    if (this.subscribers.size === 0) this.stop();
  }

  private start(): Promise<void> {
    this.starting ??= (async () => {
      const generation = ++this.generation;
      const high = await this.repos.changeFeed.highWater();
      if (generation !== this.generation) return; // everyone left meanwhile
      for (const source of CHANGE_SOURCES) this.followers[source].reset(high[source]);
      this.overview = undefined;
      this.overviewJson = '';
      this.partners.clear();
      this.lastSnapshotAt = 0;
      this.heartbeatTimer = setInterval(() => {
        for (const sub of this.subscribers) sub.client.heartbeat();
      }, this.opts.heartbeatMs);
      this.heartbeatTimer.unref?.();
      this.schedule(generation);
    })().catch((error) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private stop(): void {
    this.generation++;
    this.starting = undefined;
    if (this.tickTimer) clearTimeout(this.tickTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.tickTimer = undefined;
    this.heartbeatTimer = undefined;
  }

  /** Fixed rate: the next poll starts `intervalMs` after this one started (or at once if it took longer). */
  private schedule(generation: number, delayMs = this.opts.intervalMs): void {
    this.tickTimer = setTimeout(async () => {
      const started = Date.now();
      try {
        await this.tick(generation);
      } catch (error) {
        this.options.logger.warn({ err: error }, 'live events: poll failed; will retry');
      }
      if (generation === this.generation) {
        this.schedule(generation, Math.max(0, this.opts.intervalMs - (Date.now() - started)));
      }
    }, delayMs);
    this.tickTimer.unref?.();
  }

  private cursor(): FeedCursor {
    return Object.fromEntries(CHANGE_SOURCES.map((s) => [s, this.followers[s].position])) as FeedCursor;
  }

  /** One poll: every source's changes, fanned out at once; then the snapshots when due. */
  private async tick(generation: number): Promise<void> {
    const before = encodeCursor(this.cursor());
    const events = new Map<string, FeedEvent>();
    for (const source of CHANGE_SOURCES) {
      const keys = await this.followers[source].poll(this.repos.changeFeed);
      if (keys.length === 0) continue;
      const payloads = await loadPayloads(this.repos, source, [...new Set(keys.map((k) => k.id))]);
      for (const key of keys) {
        const data = payloads.get(key.id);
        const subject = `${source}:${key.id}`;
        // Coalesced: a subject seen twice in one poll keeps its newest state, in the later place.
        events.delete(subject);
        if (data !== undefined) events.set(subject, { type: source, key: subject, us: key.us, data });
      }
    }
    if (generation !== this.generation) return;
    this.broadcast([...events.values()], before);
    const now = this.opts.now();
    if (now.getTime() - this.lastSnapshotAt >= this.opts.snapshotMs) {
      this.lastSnapshotAt = now.getTime();
      const snapshots = await this.snapshots(now);
      if (generation === this.generation) this.broadcast(snapshots, encodeCursor(this.cursor()));
    }
  }

  /**
   * Sends one batch to every client. Every message but the last carries the cursor from before
   * the batch (`before`): a client cut off mid-batch resumes from there and gets the rest again.
   */
  private broadcast(list: readonly FeedEvent[], before: string): void {
    if (list.length === 0) return;
    const after = encodeCursor(this.cursor());
    list.forEach((event, i) => {
      const text = sseMessage(event.type, i === list.length - 1 ? after : before, event.data);
      for (const sub of this.subscribers) this.deliver(sub, event, text);
    });
  }

  /** The overview counters and partner health, as events when they changed. */
  private async snapshots(now: Date): Promise<FeedEvent[]> {
    const out: FeedEvent[] = [];
    const overview = await this.repos.overview.kpis(now);
    const json = JSON.stringify(overview);
    this.overview = overview;
    if (json !== this.overviewJson) {
      this.overviewJson = json;
      out.push({ type: 'overview', key: 'overview', data: overview });
    }
    for (const partner of await partnerEvents(this.repos, now)) {
      const state = JSON.stringify(partner);
      if (this.partners.get(partner.id) === state) continue;
      this.partners.set(partner.id, state);
      out.push({ type: 'partner', key: `partner:${partner.id}`, data: partner });
    }
    return out;
  }

  private deliver(sub: Subscriber, event: FeedEvent, text: string): void {
    if (sub.pending) {
      sub.pending.push({ event, text });
      return;
    }
    const replayed = sub.guard.get(event.key);
    if (replayed !== undefined && event.us !== undefined && event.us <= replayed) return;
    sub.client.write(text);
  }

  /** Sends the rows changed since `from` (minus the overlap), at most `replayLimit` per source. */
  private async replay(sub: Subscriber, from: FeedCursor): Promise<void> {
    const id = encodeCursor(from);
    const overlapUs = this.opts.overlapMs * 1000;
    for (const source of CHANGE_SOURCES) {
      const keys = (
        await this.repos.changeFeed.changedSince(
          source,
          { us: from[source] - overlapUs, id: null },
          this.opts.replayLimit,
          'newest',
        )
      ).reverse();
      if (keys.length === 0) continue;
      const payloads = await loadPayloads(
        this.repos,
        source,
        keys.map((k) => k.id),
      );
      for (const key of keys) {
        const data = payloads.get(key.id);
        if (data === undefined) continue;
        sub.guard.set(`${source}:${key.id}`, key.us);
        sub.client.write(sseMessage(source, id, data));
      }
    }
  }
}
