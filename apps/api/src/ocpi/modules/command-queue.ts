import { randomUUID } from 'node:crypto';
import { repositories, type Store } from '@chargebridge/store';

/** Seconds the partner is told to wait for the asynchronous result (commands §CommandResponse). */
export const COMMAND_TIMEOUT_S = 60;

/**
 * Stores an OCPI command (or charging-profile request) for the bridge: a `commands` row with
 * origin `ocpi` and the partner's `response_url`, plus an outbox row for `command.execute`, in
 * one transaction — the job runner carries it to the station after commit.
 */
export async function queueOcpiCommand(
  store: Store,
  input: {
    stationId: number | null;
    action: string;
    ocpiCommand: string;
    payload: unknown;
    partnerId: string;
    responseUrl: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await store.db.transaction().execute(async (trx) => {
    const repos = repositories(trx);
    await repos.ocpiCommands.insert({
      id,
      station_id: input.stationId,
      action: input.action,
      payload: JSON.stringify(input.payload),
      origin: 'ocpi',
      partner_id: input.partnerId,
      ocpi_command: input.ocpiCommand,
      response_url: input.responseUrl,
      deadline_at: new Date(Date.now() + COMMAND_TIMEOUT_S * 1000),
    });
    await repos.outbox.add({ topic: 'command.execute', jobKey: `command.execute:${id}`, payload: { commandId: id } });
  });
  return id;
}
