import type { Config } from '@chargebridge/config';
import type { JobRunner } from '@chargebridge/jobs';
import type { Store } from '@chargebridge/store';
import type { Logger } from 'pino';

/** What the OCPP gateway needs from the process that hosts it. */
export interface GatewayDeps {
  config: Config;
  store: Store;
  runner: JobRunner;
  logger: Logger;
  /** This process's node id (station registry, command routing). */
  nodeId: string;
}
