import type { Config } from '@chargebridge/config';
import type { JobRunner } from '@chargebridge/jobs';
import type { NodeRegistry, StationCalls } from '@chargebridge/routing';
import type { Store } from '@chargebridge/store';
import type { Logger } from 'pino';

/** What the API needs from the process that hosts it. Tests and the all-in-one hub build this. */
export interface ApiDeps {
  config: Config;
  store: Store;
  runner: JobRunner;
  logger: Logger;
  /** Bearer token of `/api/v1`. */
  adminToken: string;
  /** Extra readiness checks (Redis in server mode); each resolves true when healthy. */
  readinessChecks?: Record<string, () => Promise<boolean>>;
  /** Sends OCPP CALLs to stations on any gateway node (`POST /stations/{identity}/calls`). */
  stationCalls?: StationCalls;
  /** The gateway nodes' heartbeats (`GET /system/nodes`); without it no node counts as alive. */
  nodeRegistry?: NodeRegistry;
}
