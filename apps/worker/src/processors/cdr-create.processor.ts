import { runCdrCreate } from '@chargebridge/bridge';
import { type JobHandler, UnrecoverableJobError } from '@chargebridge/jobs';
import { TariffInputError } from '@chargebridge/tariffs';
import type { WorkerDeps } from '../deps.js';

/** `cdr.create`: the CDR of an ended transaction plus its `cdr.push` outbox row (bridge). */
export function cdrCreateProcessor(deps: WorkerDeps): JobHandler<'cdr.create'> {
  const log = deps.logger.child({ component: 'cdr-create' });
  return async ({ transactionId }) => {
    try {
      const result = await runCdrCreate(deps.store.db, transactionId);
      log.debug({ transactionId, result }, 'cdr.create');
    } catch (error) {
      // A tariff snapshot that cannot price the session will not price it on a retry either.
      if (error instanceof TariffInputError) {
        log.error({ transactionId, err: error }, 'CDR cannot be priced with the tariff snapshot');
        throw new UnrecoverableJobError(error.message, { cause: error });
      }
      throw error;
    }
  };
}
