import type { Config } from '@chargebridge/config';
import { repositories, type Store } from '@chargebridge/store';
import type { Logger } from 'pino';

const DAY_MS = 86_400_000;
const EVERY_MS = 3_600_000;
const FIRST_AFTER_MS = 30_000;

export interface SweepResult {
  frames: number;
  pushAttempts: number;
  userSessions: number;
}

/**
 * Keeps the append-only tables bounded: the raw OCPP frame log, partner push attempts and
 * expired browser sessions. Runs shortly after start and then hourly; deleting is idempotent,
 * so several workers may sweep at once.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly store: Store,
    private readonly retention: Config['retention'],
    private readonly logger: Logger,
  ) {}

  start(): void {
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        this.running = this.sweep()
          .catch((error) => this.logger.warn({ err: error }, 'retention sweep failed; will retry'))
          .finally(() => schedule(EVERY_MS));
      }, delay);
      this.timer.unref();
    };
    schedule(FIRST_AFTER_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Deletes what is older than the configured retention; returns how many rows went. */
  async sweep(now = new Date()): Promise<SweepResult> {
    const repos = repositories(this.store.db);
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const result: SweepResult = {
      frames: this.retention.frameLogDays > 0 ? await repos.frames.pruneBefore(before(this.retention.frameLogDays)) : 0,
      pushAttempts:
        this.retention.pushAttemptDays > 0 ? await repos.pushAttempts.prune(before(this.retention.pushAttemptDays)) : 0,
      userSessions: await repos.userSessions.pruneExpired(now),
    };
    if (result.frames + result.pushAttempts + result.userSessions > 0) this.logger.info(result, 'retention sweep');
    return result;
  }
}
