import { CdrExportInputError, parseCdrExportQuery } from '@chargebridge/domain';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { currencyTotals, dailyFinanceRows, daysBetween, type FinanceGroup } from './finance-daily.js';

const DAY_MS = 86_400_000;
/** Longest range one request may ask for. */
export const MAX_FINANCE_DAYS = 400;

const DailyQuery = Type.Object({
  from: Type.Optional(Type.String({ description: 'First UTC day (YYYY-MM-DD or ISO 8601); default 30 days ago' })),
  to: Type.Optional(Type.String({ description: 'End, exclusive (YYYY-MM-DD or ISO 8601); default tomorrow' })),
  group: Type.Optional(
    Type.Union([Type.Literal('partner'), Type.Literal('party')], { description: 'Split by partner (default) or CPO' }),
  ),
});
type DailyQuery = { from?: string; to?: string; group?: FinanceGroup };

const Money = (what: string) => Type.String({ description: `${what} (exact decimal text)` });

const DailyRow = Type.Object({
  day: Type.String({ description: 'UTC day of the CDRs’ end_date_time, YYYY-MM-DD' }),
  key: Type.String({ description: 'Partner id (group=partner) or CPO CC-PID (group=party)' }),
  label: Type.String(),
  currency: Type.String(),
  cdrs: Type.Integer(),
  credits: Type.Integer({ description: 'Credit CDRs among them (their negative totals net out)' }),
  kwh: Money('kWh billed: debit CDRs minus the energy credit CDRs reverse'),
  revenue_excl_vat: Money('Σ total_cost excl. VAT'),
  revenue_incl_vat: Money('Σ total_cost incl. VAT'),
});

const DailyResponse = Type.Object({
  from: Type.String(),
  to: Type.String(),
  group: Type.String(),
  days: Type.Array(Type.String()),
  groups: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
  currencies: Type.Array(Type.String()),
  rows: Type.Array(DailyRow),
  totals: Type.Array(
    Type.Object({
      currency: Type.String(),
      cdrs: Type.Integer(),
      credits: Type.Integer(),
      kwh: Type.String(),
      revenue_excl_vat: Type.String(),
      revenue_incl_vat: Type.String(),
    }),
  ),
});

/** The range of a daily query: whole UTC days, 30 by default, at most {@link MAX_FINANCE_DAYS}. */
function dailyRange(q: DailyQuery, now: Date): { from: Date; to: Date } {
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS;
  let from: Date;
  let to: Date;
  try {
    ({ from, to } = parseCdrExportQuery({
      from: q.from ?? new Date((q.to ? Date.parse(q.to) : tomorrow) - 30 * DAY_MS).toISOString(),
      to: q.to ?? new Date(tomorrow).toISOString(),
    }));
  } catch (error) {
    if (error instanceof CdrExportInputError) throw new AdminError(400, 'invalid_request', error.message);
    throw error;
  }
  if (to.getTime() - from.getTime() > MAX_FINANCE_DAYS * DAY_MS) {
    throw new AdminError(400, 'invalid_request', `at most ${MAX_FINANCE_DAYS} days per request`);
  }
  return { from, to };
}

/**
 * `GET /api/v1/finance/daily?from=&to=&group=partner|party`: per UTC day of the CDRs'
 * `end_date_time` and per partner (the token owner's) or per issuing CPO — CDR count, kWh and
 * revenue excl./incl. VAT, per currency, summed exactly from the stored decimals.
 */
export async function financeRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repo = repositories(deps.store.db).finance;
  app.get<{ Querystring: DailyQuery }>(
    '/finance/daily',
    {
      schema: {
        tags: ['cdrs'],
        summary: 'kWh and revenue per day per partner or party, from CDRs',
        querystring: DailyQuery,
        response: { 200: DailyResponse },
      },
    },
    async (request) => {
      const group: FinanceGroup = request.query.group ?? 'partner';
      const { from, to } = dailyRange(request.query, new Date());
      const [totals, partners] = await Promise.all([
        repo.daily(from, to),
        group === 'partner' ? repo.partnerParties() : [],
      ]);
      const rows = dailyFinanceRows(totals, group, partners);
      const groups = new Map<string, string>();
      for (const r of rows) groups.set(r.key, r.label);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        group,
        days: daysBetween(from, to),
        groups: [...groups.entries()].map(([key, label]) => ({ key, label })),
        currencies: [...new Set(rows.map((r) => r.currency))].sort(),
        rows,
        totals: currencyTotals(rows),
      };
    },
  );
}
