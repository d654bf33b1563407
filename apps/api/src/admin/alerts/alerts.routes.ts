import { alertRuleCatalogue } from '@chargebridge/domain';
import { type AlertRow, repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Time = () => Nullable(Type.String({ format: 'date-time' }));

const Alert = Type.Object({
  id: Type.Integer(),
  rule: Type.String(),
  subject: Type.String({ description: 'What the alert is about; format per rule, see GET /alerts/rules' }),
  severity: Type.String(),
  status: Type.Union([
    Type.Literal('open'),
    Type.Literal('acknowledged'),
    Type.Literal('resolved'),
    Type.Literal('pending'),
  ]),
  message: Type.String(),
  details: Type.Object({}, { additionalProperties: true }),
  first_seen_at: Type.String({ format: 'date-time', description: 'When the condition began' }),
  opened_at: Time(),
  acknowledged_at: Time(),
  acknowledged_by: Nullable(Type.String()),
  resolved_at: Time(),
  updated_at: Type.String({ format: 'date-time' }),
});

const AlertList = Type.Object({
  items: Type.Array(Alert),
  next_before_id: Type.Union([Type.Integer(), Type.Null()], { description: 'Pass as before_id for the next page' }),
});

const ListQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('resolved'), Type.Literal('active')], {
      description: 'active = open or acknowledged; default: all but pending',
    }),
  ),
  rule: Type.Optional(Type.String({ maxLength: 100 })),
  subject: Type.Optional(Type.String({ maxLength: 300 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  before_id: Type.Optional(Type.Integer({ minimum: 1 })),
});
type ListQuery = {
  status?: 'open' | 'acknowledged' | 'resolved' | 'active';
  rule?: string;
  subject?: string;
  limit?: number;
  before_id?: number;
};

const Rule = Type.Object({
  rule: Type.String(),
  title: Type.String(),
  description: Type.String(),
  severity: Type.String(),
  threshold: Type.Object({ value: Type.Number(), unit: Type.String(), variable: Type.String() }),
  debounce_ms: Type.Number({ description: 'How long the condition must hold before the alert opens' }),
});

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function alertView(a: AlertRow) {
  return {
    id: Number(a.id),
    rule: a.rule,
    subject: a.subject,
    severity: a.severity,
    status: a.status,
    message: a.message,
    details: a.details ?? {},
    first_seen_at: a.first_seen_at.toISOString(),
    opened_at: iso(a.opened_at),
    acknowledged_at: iso(a.acknowledged_at),
    acknowledged_by: a.acknowledged_by,
    resolved_at: iso(a.resolved_at),
    updated_at: a.updated_at.toISOString(),
  };
}

/** `/alerts`: the alert history, the rules with their thresholds, and acknowledging (operator). */
export async function alertsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.get(
    '/alerts',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Alerts, newest first (keyset-paged with before_id)',
        querystring: ListQuery,
        response: { 200: AlertList },
      },
    },
    async (request) => {
      const q = request.query as ListQuery;
      const limit = q.limit ?? 100;
      const rows = await repos.alerts.list({
        status: q.status,
        rule: q.rule,
        subject: q.subject,
        limit,
        beforeId: q.before_id,
      });
      const last = rows.at(-1);
      return { items: rows.map(alertView), next_before_id: rows.length === limit && last ? Number(last.id) : null };
    },
  );

  app.get(
    '/alerts/rules',
    {
      schema: {
        tags: ['alerts'],
        summary: 'The alert rules and their configured thresholds (ALERT_* variables)',
        response: { 200: Type.Object({ rules: Type.Array(Rule) }) },
      },
    },
    async () => ({
      rules: alertRuleCatalogue(deps.config.alerts).map(({ debounceMs, ...rule }) => ({
        ...rule,
        debounce_ms: debounceMs,
      })),
    }),
  );

  app.get(
    '/alerts/:id',
    { schema: { tags: ['alerts'], summary: 'One alert', params: IdParams, response: { 200: Alert } } },
    async (request) => {
      const { id } = request.params as { id: number };
      const alert = await repos.alerts.get(id);
      if (!alert) throw new AdminError(404, 'not_found', `no alert ${id}`);
      return alertView(alert);
    },
  );

  app.post(
    '/alerts/:id/acknowledge',
    {
      config: { minRole: 'operator' },
      schema: {
        tags: ['alerts'],
        summary: 'Acknowledge an open alert (operator); it still resolves by itself when the condition clears',
        params: IdParams,
        response: { 200: Alert },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const by = request.principal?.actor ?? 'admin-token';
      const alert = await repos.alerts.acknowledge(id, by, new Date());
      if (!alert) throw new AdminError(404, 'not_found', `no alert ${id}`);
      if (alert.status === 'resolved') throw new AdminError(409, 'alert_resolved', `alert ${id} is already resolved`);
      if (alert.status === 'pending') throw new AdminError(409, 'alert_pending', `alert ${id} is not open yet`);
      return alertView(alert);
    },
  );
}
