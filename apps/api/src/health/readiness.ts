import { sql } from 'kysely';
import type { ApiDeps } from '../deps.js';

/** Whether the hub can serve: the database answers, plus each extra check (Redis in server mode). */
export async function readiness(deps: ApiDeps): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
  const checks: Record<string, boolean> = {};
  checks.database = await sql`select 1`
    .execute(deps.store.db)
    .then(() => true)
    .catch(() => false);
  for (const [name, check] of Object.entries(deps.readinessChecks ?? {})) {
    checks[name] = await check().catch(() => false);
  }
  return { ready: Object.values(checks).every(Boolean), checks };
}
