import { PARTNER_HEALTH_WINDOW_MS, type PartnerHealth, partnerHealth } from '@chargebridge/domain';
import type { ChangeSource, Repositories } from '@chargebridge/store';

/** The `partner` event (apps/dashboard/src/live/event-types.ts). */
export interface PartnerEvent {
  id: string;
  name: string;
  health: PartnerHealth;
  last_error: string | null;
}

/**
 * The event payloads of changed rows of one source, by row id, in the shapes of
 * apps/dashboard/src/live/event-types.ts.
 */
export async function loadPayloads(
  repos: Repositories,
  source: ChangeSource,
  ids: ReadonlyArray<number | string>,
): Promise<Map<number | string, unknown>> {
  const feed = repos.changeFeed;
  switch (source) {
    case 'station':
      return new Map(
        (await feed.stations(ids as number[])).map(({ station_id, ...event }) => [station_id, event] as const),
      );
    case 'connector':
      return new Map(
        (await feed.connectors(ids as number[])).map(
          ({ connector_row_id, ...event }) => [connector_row_id, event] as const,
        ),
      );
    case 'transaction':
      return new Map((await feed.transactions(ids as number[])).map((event) => [event.id, event] as const));
    case 'command':
      return new Map((await feed.commands(ids as string[])).map((event) => [event.id, event] as const));
    case 'alert':
      return new Map((await feed.alerts(ids as number[])).map((event) => [event.id, event] as const));
  }
}

/** Every partner's health (`partnerHealth()` over the last 15 minutes) and newest push error. */
export async function partnerEvents(repos: Repositories, now: Date): Promise<PartnerEvent[]> {
  const [partners, summaries] = await Promise.all([
    repos.partners.list(),
    repos.pushAttempts.summaries(new Date(now.getTime() - PARTNER_HEALTH_WINDOW_MS)),
  ]);
  return partners.map((p) => {
    const health = partnerHealth(summaries.get(p.id) ?? { attempts: 0, failures: 0, lastOk: null });
    const stored = p.last_push_error as { error?: unknown } | null;
    const lastError = health === 'failing' || health === 'degraded' ? stored?.error : undefined;
    return { id: p.id, name: p.name, health, last_error: typeof lastError === 'string' ? lastError : null };
  });
}
