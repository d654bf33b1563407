import { Type } from 'typebox';
import { Nullable } from '../shared/nullable.js';

/** The station's latest provisioning run (a station registered Pending is provisioned at boot). */
export const Provisioning = Nullable(
  Type.Object({
    at: Type.String({ format: 'date-time' }),
    outcome: Type.Union([Type.Literal('provisioned'), Type.Literal('failed')]),
    accepted: Type.Boolean({ description: 'Whether the run accepted the station' }),
    detail: Type.String({ description: 'What was read and written, or why the station could not be provisioned' }),
  }),
);

type Json = Record<string, unknown>;

/** One `Provisioned` / `ProvisioningFailed` station event as the station header shows it. */
export function provisioningView(event: { kind: string; payload: unknown; occurred_at: Date } | undefined) {
  if (event === undefined) return null;
  const p = (event.payload ?? {}) as Json;
  const at = event.occurred_at.toISOString();
  if (event.kind === 'ProvisioningFailed') {
    return { at, outcome: 'failed' as const, accepted: false, detail: String(p.reason ?? 'unknown') };
  }
  const settings = Array.isArray(p.settings) ? (p.settings as Json[]) : [];
  const written = settings.filter((s) => s.status === 'Accepted' || s.status === 'RebootRequired').length;
  const parts = [
    typeof p.configuration_refused === 'string'
      ? p.configuration_refused
      : `${Number(p.configuration ?? 0)} values read`,
    `${written} of ${settings.length} settings written`,
  ];
  if (p.accepted !== true && typeof p.boot_trigger === 'string') parts.push(p.boot_trigger);
  return { at, outcome: 'provisioned' as const, accepted: p.accepted === true, detail: parts.join('; ') };
}
