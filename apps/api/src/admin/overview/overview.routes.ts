import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { PowerBucketCache } from './power-buckets.cache.js';

const HOUR_MS = 3_600_000;
const POWER_BUCKET_MINUTES = 15;

const Overview = Type.Object({
  stations: Type.Object({ total: Type.Integer(), online: Type.Integer(), offline: Type.Integer() }),
  evses: Type.Object({
    total: Type.Integer(),
    on_offline_stations: Type.Integer({ description: 'EVSEs of offline stations (published as UNKNOWN)' }),
    by_status: Type.Record(Type.String(), Type.Integer(), {
      description: 'EVSEs per published OCPI status (publishedEvseStatus)',
    }),
  }),
  sessions_active: Type.Integer(),
  power_kw_now: Type.Number({ description: 'Σ latest Power.Active.Import of each active transaction, kW' }),
  energy_kwh_today: Type.Number({ description: 'Energy of transactions running or stopped today (UTC), kWh' }),
  revenue_today: Type.Array(
    Type.Object({
      currency: Type.String(),
      cdrs: Type.Integer(),
      total_excl_vat: Type.String({ description: 'Exact decimal text' }),
      total_incl_vat: Type.String({ description: 'Exact decimal text' }),
    }),
    { description: 'CDRs that ended today (UTC), per currency' },
  ),
  alerts_open: Type.Integer(),
  alerts_acknowledged: Type.Integer(),
  push_backlog: Type.Integer({ description: 'Push deliveries not delivered yet' }),
  generated_at: Type.String({ format: 'date-time' }),
});

const HoursQuery = Type.Object({
  hours: Type.Optional(Type.Integer({ minimum: 1, maximum: 168, default: 24 })),
});

const PowerResponse = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  bucket_minutes: Type.Integer(),
  buckets: Type.Array(Type.String({ format: 'date-time' }), { description: 'Every bucket start, oldest first' }),
  parties: Type.Array(
    Type.Object({
      country_code: Type.String(),
      party_id: Type.String(),
      name: Type.Union([Type.String(), Type.Null()]),
      kw: Type.Array(Type.Number(), { description: 'kW per bucket, aligned with buckets (0 without data)' }),
    }),
  ),
});

const SessionsPerHourResponse = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  hours: Type.Array(
    Type.Object({ hour: Type.String({ format: 'date-time' }), started: Type.Integer(), energy_kwh: Type.Number() }),
    { description: 'Every hour, oldest first (0 when none started)' },
  ),
});

/** The window [from, to) of the last `hours`, aligned to whole `stepMs` so buckets line up. */
function windowOf(hours: number, stepMs: number, now: Date) {
  const to = new Date(Math.ceil(now.getTime() / stepMs) * stepMs);
  return { from: new Date(to.getTime() - hours * HOUR_MS), to };
}

function steps(from: Date, to: Date, stepMs: number): string[] {
  const out: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += stepMs) out.push(new Date(t).toISOString());
  return out;
}

/** `/overview`: the KPI counters, power per hosted CPO and sessions per hour (aggregate SQL). */
export async function overviewRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const { overview } = repositories(deps.store.db);
  const stepMs = POWER_BUCKET_MINUTES * 60_000;
  const power = new PowerBucketCache(stepMs, (from, to) => overview.powerByParty(from, to, POWER_BUCKET_MINUTES));

  app.get(
    '/overview',
    {
      schema: {
        tags: ['overview'],
        summary:
          'The network at a glance: stations, EVSEs by status, sessions, kW now, kWh and revenue today, alerts, backlog',
        response: { 200: Overview },
      },
    },
    async () => {
      const now = new Date();
      return { ...(await overview.kpis(now)), generated_at: now.toISOString() };
    },
  );

  app.get(
    '/overview/power',
    {
      schema: {
        tags: ['overview'],
        summary: 'Power per hosted CPO party in 15-minute buckets over the last hours',
        description:
          'Per transaction and bucket the mean of its Power.Active.Import samples, else the power its energy register implies; summed per CPO. Closed buckets are computed once per API process and kept; the last 30 minutes are recomputed (at most every 20 s).',
        querystring: HoursQuery,
        response: { 200: PowerResponse },
      },
    },
    async (request) => {
      const hours = (request.query as { hours?: number }).hours ?? 24;
      const { from, to } = windowOf(hours, stepMs, new Date());
      const buckets = steps(from, to, stepMs);
      const window = await power.window(from, to);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        bucket_minutes: POWER_BUCKET_MINUTES,
        buckets,
        parties: [...window.parties]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, party]) => ({
            ...party,
            kw: buckets.map((b) => window.buckets.get(Date.parse(b))?.get(key) ?? 0),
          })),
      };
    },
  );

  app.get(
    '/overview/sessions-per-hour',
    {
      schema: {
        tags: ['overview'],
        summary: 'Charging sessions started per hour over the last hours',
        querystring: HoursQuery,
        response: { 200: SessionsPerHourResponse },
      },
    },
    async (request) => {
      const hours = (request.query as { hours?: number }).hours ?? 24;
      const { from, to } = windowOf(hours, HOUR_MS, new Date());
      const rows = new Map((await overview.sessionsPerHour(from, to)).map((r) => [r.hour, r]));
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        hours: steps(from, to, HOUR_MS).map((hour) => ({
          hour,
          started: rows.get(hour)?.started ?? 0,
          energy_kwh: rows.get(hour)?.energy_kwh ?? 0,
        })),
      };
    },
  );
}
