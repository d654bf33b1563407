import { explainAuthorization } from '@chargebridge/bridge';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { Nullable } from '../shared/nullable.js';
import { Paged } from '../shared/paged.js';

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Substring of uid, contract id or visual number' })),
  party: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{3}$', description: 'Owner CC-PID' })),
  source: Type.Optional(Type.Union([Type.Literal('local'), Type.Literal('roaming')])),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
type ListQuery = { q?: string; party?: string; source?: 'local' | 'roaming'; offset?: number; limit?: number };

const TokenItem = Type.Object({
  id: Type.Integer(),
  country_code: Type.String(),
  party_id: Type.String(),
  uid: Type.String(),
  type: Type.String(),
  contract_id: Type.String(),
  visual_number: Nullable(Type.String()),
  issuer: Nullable(Type.String()),
  source: Type.String({ description: 'local (a hosted CPO card) or roaming (pushed by an eMSP)' }),
  partner_id: Nullable(Type.String()),
  partner_name: Nullable(Type.String()),
  whitelist: Type.String(),
  valid: Type.Boolean(),
  last_updated: Type.String({ format: 'date-time' }),
  last_authorization: Nullable(Type.Object({ result: Type.String(), at: Type.String({ format: 'date-time' }) })),
});

const AuthQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) });
const UidParams = Type.Object({ uid: Type.String({ minLength: 1, maxLength: 255 }) });

const AuthorizationItem = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  id_token: Type.String(),
  token_type: Type.String({ description: 'as the station presented it (OCPP IdToken type)' }),
  result: Type.String({ description: 'hub verdict: accepted, blocked, expired, invalid, unknown, …' }),
  accepted: Type.Boolean(),
  allowed: Nullable(Type.String({ description: 'OCPI AllowedType' })),
  source: Type.String({ description: 'local, whitelist, realtime, cache, offline-fallback, command, unknown, error' }),
  source_label: Type.String(),
  trigger: Nullable(Type.String({ description: 'OCPP message that carried the token' })),
  reason: Nullable(Type.String({ description: 'as recorded, without the trigger' })),
  why: Type.String({ description: 'why it was accepted or refused' }),
  authorization_reference: Nullable(Type.String()),
  expires_at: Nullable(Type.String({ format: 'date-time' })),
  station_id: Nullable(Type.Integer()),
  station_identity: Nullable(Type.String()),
  location_id: Nullable(Type.String({ description: 'OCPI location id' })),
  token_country_code: Nullable(Type.String()),
  token_party_id: Nullable(Type.String()),
  partner_id: Nullable(Type.String({ description: 'the eMSP partner owning the token that decided' })),
  partner_name: Nullable(Type.String()),
});

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const iso = (v: unknown) => (v == null ? null : (v instanceof Date ? v : new Date(String(v))).toISOString());

/**
 * Tokens for the dashboard: `GET /api/v1/tokens` (search, paged, with each token's latest
 * authorization) and `GET /api/v1/tokens/{uid}/authorizations` (recent decisions for that uid,
 * each with why it was accepted or refused). Writing tokens stays `PUT /tokens/{cc}/{pid}/{uid}`.
 */
export async function tokenListRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const db = deps.store.db;

  app.get<{ Querystring: ListQuery }>(
    '/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Tokens (local cards and eMSP tokens), searchable and paged',
        querystring: ListQuery,
        response: {
          200: Paged(TokenItem),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 100;
      let query = db.selectFrom('tokens as t');
      if (q.party) {
        const [cc, pid] = q.party.toUpperCase().split('-');
        query = query.where('t.country_code', '=', cc).where('t.party_id', '=', pid);
      }
      if (q.source) query = query.where('t.source', '=', q.source);
      if (q.q) {
        const pattern = like(q.q);
        query = query.where((eb) =>
          eb.or([
            eb('t.uid', 'ilike', pattern),
            eb('t.contract_id', 'ilike', pattern),
            eb(sql<string>`t.data ->> 'visual_number'`, 'ilike', pattern),
          ]),
        );
      }
      const [rows, count] = await Promise.all([
        query
          .leftJoin('partners as p', 'p.id', 't.partner_id')
          .selectAll('t')
          .select('p.name as partner_name')
          .select([
            sql<string | null>`(select a.result from authorizations a where a.id_token = t.uid
                                order by a.created_at desc, a.id desc limit 1)`.as('last_result'),
            sql<Date | null>`(select a.created_at from authorizations a where a.id_token = t.uid
                              order by a.created_at desc, a.id desc limit 1)`.as('last_at'),
          ])
          .orderBy('t.last_updated', 'desc')
          .orderBy('t.id', 'desc')
          .offset(offset)
          .limit(limit)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.n),
        offset,
        limit,
        items: rows.map((r) => ({
          id: Number(r.id),
          country_code: r.country_code,
          party_id: r.party_id,
          uid: r.uid,
          type: r.type,
          contract_id: r.contract_id,
          visual_number: typeof r.data.visual_number === 'string' ? r.data.visual_number : null,
          issuer: typeof r.data.issuer === 'string' ? r.data.issuer : null,
          source: r.source,
          partner_id: r.partner_id,
          partner_name: r.partner_name ?? null,
          whitelist: r.whitelist,
          valid: r.valid,
          last_updated: r.last_updated.toISOString(),
          last_authorization:
            r.last_result && r.last_at ? { result: r.last_result, at: iso(r.last_at) as string } : null,
        })),
      };
    },
  );

  app.get<{ Params: { uid: string }; Querystring: { limit?: number } }>(
    '/tokens/:uid/authorizations',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Recent authorizations of a token uid, with why each was accepted or refused',
        params: UidParams,
        querystring: AuthQuery,
        response: { 200: Type.Object({ uid: Type.String(), items: Type.Array(AuthorizationItem) }) },
      },
    },
    async (request) => {
      const uid = request.params.uid;
      const rows = await db
        .selectFrom('authorizations as a')
        .leftJoin('stations as s', 's.id', 'a.station_id')
        .leftJoin('locations as l', 'l.id', 'a.location_id')
        .leftJoin('tokens as t', 't.id', 'a.token_id')
        .leftJoin('partners as p', 'p.id', 't.partner_id')
        .selectAll('a')
        .select([
          's.identity as station_identity',
          'l.location_id as ocpi_location_id',
          't.country_code as token_country_code',
          't.party_id as token_party_id',
          't.partner_id as partner_id',
          'p.name as partner_name',
        ])
        .where('a.id_token', '=', uid)
        .orderBy('a.created_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(request.query.limit ?? 50)
        .execute();
      return {
        uid,
        items: rows.map((r) => {
          const why = explainAuthorization(r);
          return {
            id: Number(r.id),
            at: r.created_at.toISOString(),
            id_token: r.id_token,
            token_type: r.token_type,
            result: r.result,
            accepted: why.accepted,
            allowed: r.allowed,
            source: r.source,
            source_label: why.source_label,
            trigger: why.trigger,
            reason: why.detail,
            why: why.why,
            authorization_reference: r.authorization_reference,
            expires_at: r.expires_at ? r.expires_at.toISOString() : null,
            station_id: r.station_id === null ? null : Number(r.station_id),
            station_identity: r.station_identity ?? null,
            location_id: r.ocpi_location_id ?? null,
            token_country_code: r.token_country_code ?? null,
            token_party_id: r.token_party_id ?? null,
            partner_id: r.partner_id ?? null,
            partner_name: r.partner_name ?? null,
          };
        }),
      };
    },
  );
}
