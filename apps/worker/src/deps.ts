import type { Config } from '@chargebridge/config';
import type { JobRunner } from '@chargebridge/jobs';
import type { StationCalls } from '@chargebridge/routing';
import type { Store } from '@chargebridge/store';
import type { Logger } from 'pino';

/** What the worker needs from the process that hosts it. */
export interface WorkerDeps {
  config: Config;
  store: Store;
  runner: JobRunner;
  logger: Logger;
  /** Calls to stations on any gateway node (commands, charging profiles). */
  stationCalls?: StationCalls;
}
