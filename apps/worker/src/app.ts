import { OutboxRelay } from '@chargebridge/jobs';
import { AlertEngine } from './alerts/alert-engine.js';
import type { WorkerDeps } from './deps.js';
import { registerProcessors } from './processors.js';
import { RetentionSweeper } from './retention/retention-sweeper.js';

/** The worker role: job processors plus the outbox relay that feeds them. */
export interface WorkerApp {
  start(): Promise<void>;
  close(): Promise<void>;
  /** Relay outbox rows now (after a commit in the same process). */
  nudge(): void;
}

/** Builds the worker without starting it. */
export async function build(deps: WorkerDeps): Promise<WorkerApp> {
  const log = deps.logger.child({ component: 'worker' });
  const relay = new OutboxRelay({
    db: deps.store.db,
    runner: deps.runner,
    onError: (error) => log.warn({ err: error }, 'outbox relay failed; will retry'),
  });
  // Alert rules, evaluated by one worker at a time (advisory lock; apps/worker/src/alerts).
  const alerts = new AlertEngine({ store: deps.store, thresholds: deps.config.alerts, logger: deps.logger });
  const retention = new RetentionSweeper(deps.store, deps.config.retention, log);
  deps.runner.onFinalFailure((name, payload, error) => {
    log.error({ job: name, payload, err: error }, 'job failed after its last attempt');
  });
  return {
    start: async () => {
      registerProcessors(deps);
      relay.start();
      alerts.start();
      retention.start();
      await relay.relayNow().catch((error) => log.warn({ err: error }, 'initial outbox relay failed'));
    },
    close: async () => {
      await alerts.stop();
      await retention.stop();
      await relay.stop();
    },
    nudge: () => relay.nudge(),
  };
}
