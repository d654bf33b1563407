import { type ChargingSessionRow, type Repositories, repositories } from '@chargebridge/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../../auth/principal.js';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { breakdownView, cdrBreakdown, emptyBreakdown, type PriceView, priceOf } from '../finance/cost-breakdown.js';
import { priceTransaction, tariffOf } from './charging-session.pricing.js';
import { type CostSource, chargingSessionView, meterSeries, timeline } from './charging-session.view.js';
import {
  ChargingSessionDetail,
  ChargingSessionPage,
  ChargingSessionsQuery,
  IdParams,
} from './charging-sessions.schemas.js';
import { type PartyTuple, parseParty } from './party-param.js';
import { pushTrail } from './push-trail.js';

/** Viewers see token uids masked; operators and admins need them to explain a bill. */
function masksTokens(request: FastifyRequest): boolean {
  const principal = (request as FastifyRequest & { principal?: Principal | null }).principal;
  return principal?.role === 'viewer';
}

type Priced = { price: PriceView; source: CostSource; currency: string } | null;

/**
 * The engine's price of every row without a CDR (running cost while active, final price once
 * completed), with one query for their samples and one for the tariffs of rows without a session yet.
 */
async function priceRows(repos: Repositories, rows: readonly ChargingSessionRow[]): Promise<Map<number, Priced>> {
  const open = rows.filter((r) => r.cdr_row_id === null);
  const parties = new Map<string, PartyTuple>();
  for (const r of open) {
    if (r.session_row_id === null) {
      parties.set(`${r.country_code}-${r.party_id}`, { country_code: r.country_code, party_id: r.party_id });
    }
  }
  const [samples, tariffs] = await Promise.all([
    repos.chargingSessions.samples(open.map((r) => r.id)),
    repos.chargingSessions.tariffsOf([...parties.values()]),
  ]);
  const out = new Map<number, Priced>();
  for (const row of open) {
    const own = samples.filter((s) => s.transaction_id === row.id);
    const { result } = priceTransaction(row, own, tariffOf(row, tariffs));
    const price = result ? priceOf(result.cdr.total_cost) : null;
    out.set(
      row.id,
      result && price
        ? { price, source: row.status === 'active' ? 'estimate' : 'final', currency: result.currency }
        : null,
    );
  }
  return out;
}

/**
 * The dashboard's sessions: `GET /api/v1/charging-sessions` lists OCPP transactions live and
 * past (one row each, with energy, power, running cost by the tariff engine, OCPI session and
 * CDR ids), `GET /api/v1/charging-sessions/{id}` adds the meter series, event timeline, cost
 * breakdown, CDR and OCPI push trail. `{id}` is the transaction row id. `GET /sessions` and
 * `GET /transactions` keep their own contracts.
 */
export async function chargingSessionsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.get<{ Querystring: ChargingSessionsQuery }>(
    '/charging-sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Charging sessions (transactions), live and past, with running cost',
        querystring: ChargingSessionsQuery,
        response: { 200: ChargingSessionPage },
      },
    },
    async (request) => {
      const q = request.query;
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 50;
      const party = q.party === undefined ? undefined : parseParty(q.party);
      const { rows, total } = await repos.chargingSessions.list({
        status: q.status,
        station: q.station,
        party,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        offset,
        limit,
      });
      const prices = await priceRows(repos, rows);
      const mask = masksTokens(request);
      return {
        total,
        offset,
        limit,
        items: rows.map((row) => chargingSessionView(row, prices.get(row.id) ?? null, mask)),
      };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/charging-sessions/:id',
    {
      schema: {
        tags: ['sessions'],
        summary: 'One charging session: meter series, timeline, cost breakdown, CDR and push trail',
        params: IdParams,
        response: { 200: ChargingSessionDetail },
      },
    },
    async (request) => {
      const row = await repos.chargingSessions.find(request.params.id);
      if (!row) throw new AdminError(404, 'not_found', `no charging session ${request.params.id}`);
      const tariffs =
        row.session_row_id === null
          ? await repos.chargingSessions.tariffsOf([{ country_code: row.country_code, party_id: row.party_id }])
          : [];
      const samples = await repos.chargingSessions.samples([row.id], true);
      const tariff = tariffOf(row, tariffs);
      const pricing = priceTransaction(
        row,
        samples.filter((s) => s.measurand !== 'SoC'),
        tariff,
      );
      const cdr = row.cdr_row_id !== null ? await repos.finance.findCdr(String(row.cdr_row_id)) : undefined;
      const zone = row.time_zone ?? 'UTC';
      const source: CostSource = row.status === 'active' ? 'estimate' : 'final';
      const cost = cdr
        ? cdrBreakdown(cdr.data, cdr.time_zone)
        : pricing.result
          ? breakdownView(pricing.result, source, pricing.span.end.toISOString())
          : emptyBreakdown(source, zone, row.session_currency, pricing.error ?? (tariff ? null : 'no tariff applies'));
      const enginePrice = pricing.result ? priceOf(pricing.result.cdr.total_cost) : null;
      const view = chargingSessionView(
        row,
        enginePrice && pricing.result ? { price: enginePrice, source, currency: pricing.result.currency } : null,
        masksTokens(request),
      );

      const start = row.started_at ?? row.created_at;
      const from = new Date(start.getTime() - 10 * 60_000);
      const to = new Date((row.stopped_at ?? new Date()).getTime() + 5 * 60_000);
      const [events, authorizations, statuses, commands, session, credits] = await Promise.all([
        repos.chargingSessions.events(row.id),
        row.id_token ? repos.chargingSessions.authorizations(row.station_id, row.id_token, from, to) : [],
        row.ocpp_evse_id !== null
          ? repos.chargingSessions.statusChanges(row.station_id, row.ocpp_evse_id, row.ocpp_connector_id ?? 1, from, to)
          : [],
        repos.chargingSessions.commands(row.station_id, from, to),
        row.session_row_id !== null ? repos.sessions.findById(row.session_row_id) : undefined,
        cdr ? repos.chargingSessions.credits(cdr.country_code, cdr.party_id, cdr.cdr_id) : [],
      ]);
      const objects = [
        ...(session
          ? [{ module: 'sessions', objectKey: `${session.country_code}/${session.party_id}/${session.session_id}` }]
          : []),
        ...(cdr ? [{ module: 'cdrs', objectKey: `${cdr.country_code}/${cdr.party_id}/${cdr.cdr_id}` }] : []),
        ...credits.map((c) => ({ module: 'cdrs', objectKey: `${row.country_code}/${row.party_id}/${c.cdr_id}` })),
      ];

      return {
        session: view,
        token_detail: row.id_token
          ? {
              contract_id: masksTokens(request) ? null : row.token_contract_id,
              auth_method: row.auth_method,
              authorization_reference: row.authorization_reference,
            }
          : null,
        meter: meterSeries(samples, row.meter_start_wh),
        timeline: timeline({
          events,
          authorizations,
          statuses,
          commands,
          cdr: cdr ? { cdr_id: cdr.cdr_id, last_updated: cdr.last_updated } : null,
          start: { at: row.started_at, stopAt: row.stopped_at, stopReason: row.stop_reason },
        }),
        cost,
        charging_periods:
          (cdr?.data.charging_periods as Array<Record<string, unknown>> | undefined) ??
          (session?.data.charging_periods as Array<Record<string, unknown>> | undefined) ??
          pricing.periods.map((p) => ({ ...p })),
        ocpi_session: session ? { ...session.data, last_updated: session.last_updated.toISOString() } : null,
        cdr: cdr ? { ...cdr.data, last_updated: cdr.last_updated.toISOString() } : null,
        credits: credits.map((c) => ({
          id: Number(c.id),
          cdr_id: c.cdr_id,
          total_cost: {
            excl_vat: Number(c.total_cost_excl_vat),
            incl_vat: c.total_cost_incl_vat === null ? null : Number(c.total_cost_incl_vat),
          },
          last_updated: c.last_updated.toISOString(),
        })),
        push_trail: await pushTrail(repos, objects),
      };
    },
  );
}
