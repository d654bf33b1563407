import { repositories } from '@chargebridge/store';
import { TariffInputError } from '@chargebridge/tariffs';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';
import { weekHeatmap } from './tariff-heatmap.js';
import { previewPrice } from './tariff-preview.js';

/** A tariff given inline (the editor's draft) or by reference to a stored one. */
const TariffChoice = {
  tariff: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'A full OCPI Tariff' })),
  country_code: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
  party_id: Type.Optional(Type.String({ minLength: 3, maxLength: 3 })),
  tariff_id: Type.Optional(Type.String({ minLength: 1, maxLength: 36 })),
  time_zone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone, default UTC' })),
};
type TariffChoice = {
  tariff?: Record<string, unknown>;
  country_code?: string;
  party_id?: string;
  tariff_id?: string;
  time_zone?: string;
};

const PreviewBody = Type.Object({
  ...TariffChoice,
  start_date_time: Type.String({ minLength: 1, description: 'RFC 3339 session start' }),
  duration_minutes: Type.Number({ exclusiveMinimum: 0, maximum: 10_080 }),
  energy_kwh: Type.Number({ minimum: 0, maximum: 10_000 }),
  max_power_kw: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 5_000 })),
});
type PreviewBody = TariffChoice & {
  start_date_time: string;
  duration_minutes: number;
  energy_kwh: number;
  max_power_kw?: number;
};

const HeatmapBody = Type.Object({
  ...TariffChoice,
  energy_kwh: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
  power_kw: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 5_000 })),
  week_of: Type.Optional(Type.String({ minLength: 1, description: 'Any instant of the week to show; default now' })),
});
type HeatmapBody = TariffChoice & { energy_kwh?: number; power_kw?: number; week_of?: string };

const Price = Type.Object({ excl_vat: Type.Number(), incl_vat: Type.Optional(Type.Number()) });
const Dimension = Type.Object({ type: Type.String(), volume: Type.Number() });
const Period = Type.Object({
  start_date_time: Type.String(),
  dimensions: Type.Array(Dimension),
  tariff_id: Type.Optional(Type.String()),
});
const Line = Type.Object({
  type: Type.String(),
  cost_field: Type.String(),
  period_index: Nullable(Type.Integer()),
  element_index: Nullable(Type.Integer()),
  component_index: Nullable(Type.Integer()),
  unit: Nullable(Type.String()),
  volume: Nullable(Type.String()),
  billed_volume: Nullable(Type.String()),
  price: Nullable(Type.String()),
  vat: Nullable(Type.String()),
  excl_vat: Type.String(),
  incl_vat: Type.String(),
});
const Share = Type.Object({
  element_index: Nullable(Type.Integer()),
  component_index: Nullable(Type.Integer()),
  type: Type.String(),
  restrictions: Nullable(Type.Object({}, { additionalProperties: true })),
  price: Nullable(Type.String()),
  step_size: Nullable(Type.Number()),
  vat: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  volume: Nullable(Type.String()),
  excl_vat: Type.String({ description: 'exact sum' }),
  incl_vat: Type.String({ description: 'exact sum' }),
});

const PreviewResult = Type.Object({
  tariff_id: Type.String(),
  currency: Type.String(),
  time_zone: Type.String(),
  session: Type.Object({
    start_date_time: Type.String(),
    end_date_time: Type.String(),
    charging_periods: Type.Array(Period),
    summary: Type.Object({
      power_kw: Type.Number(),
      energy_kwh: Type.Number({ description: 'energy delivered (capped by power × duration)' }),
      charging_minutes: Type.Number(),
      parking_minutes: Type.Number(),
    }),
  }),
  cdr: Type.Object({
    total_cost: Price,
    total_fixed_cost: Price,
    total_energy: Type.Number(),
    total_energy_cost: Price,
    total_time: Type.Number(),
    total_time_cost: Price,
    total_parking_time: Type.Number(),
    total_parking_cost: Price,
    total_reservation_cost: Price,
  }),
  priced_periods: Type.Array(Period),
  breakdown: Type.Array(Line),
  by_element: Type.Array(Share),
  warnings: Type.Array(Type.String()),
});

const Grid = Type.Array(Type.Array(Nullable(Type.Number())));
const HeatmapResult = Type.Object({
  tariff_id: Type.String(),
  currency: Type.String(),
  time_zone: Type.String(),
  week_start: Type.String({ description: 'local date of the Monday' }),
  energy_kwh: Type.Number(),
  power_kw: Type.Number(),
  days: Type.Array(Type.String()),
  hours: Type.Array(Type.Integer()),
  incl_vat: Grid,
  excl_vat: Grid,
  min: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
});

const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() });

function parseInstant(text: string, field: string): Date {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new AdminError(400, 'invalid_request', `${field}: not a date-time`);
  return new Date(ms);
}

function checkZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new AdminError(400, 'invalid_request', `time_zone: unknown IANA zone ${zone}`);
  }
}

/** Engine refusals become 422 naming the JSON path. */
function engine<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof TariffInputError) throw new AdminError(422, 'invalid_tariff', error.message);
    throw error;
  }
}

/**
 * `POST /api/v1/tariffs/preview` and `/tariffs/heatmap`: the hub's own tariff engine pricing a
 * synthetic constant-power session, with which element priced what, and the price of a 1-hour
 * session at every hour of the week. Read-only (viewer), though POST (they take a tariff body).
 */
export async function tariffPreviewRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  async function chosenTariff(body: TariffChoice): Promise<Record<string, unknown>> {
    if (body.tariff) return body.tariff;
    if (!body.country_code || !body.party_id || !body.tariff_id) {
      throw new AdminError(400, 'invalid_request', 'give a tariff, or country_code, party_id and tariff_id');
    }
    const row = await repos.tariffs.find(body.country_code.toUpperCase(), body.party_id.toUpperCase(), body.tariff_id);
    if (!row) {
      throw new AdminError(404, 'not_found', `no tariff ${body.country_code}/${body.party_id}/${body.tariff_id}`);
    }
    return row.data;
  }

  app.post<{ Body: PreviewBody }>(
    '/tariffs/preview',
    {
      config: { minRole: 'viewer', audit: false },
      schema: {
        tags: ['tariffs'],
        summary: 'Price a synthetic session with the tariff engine, element by element',
        body: PreviewBody,
        response: { 200: PreviewResult, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const body = request.body;
      const tariff = await chosenTariff(body);
      const input = {
        start: parseInstant(body.start_date_time, 'start_date_time'),
        durationMinutes: body.duration_minutes,
        energyKwh: body.energy_kwh,
        ...(body.max_power_kw !== undefined ? { maxPowerKw: body.max_power_kw } : {}),
        timeZone: checkZone(body.time_zone ?? 'UTC'),
      };
      return engine(() => previewPrice(tariff, tariff, input));
    },
  );

  app.post<{ Body: HeatmapBody }>(
    '/tariffs/heatmap',
    {
      config: { minRole: 'viewer', audit: false },
      schema: {
        tags: ['tariffs'],
        summary: 'Price of a 1-hour session starting at each hour of the week (7 × 24)',
        body: HeatmapBody,
        response: { 200: HeatmapResult, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const body = request.body;
      const tariff = await chosenTariff(body);
      return engine(() =>
        weekHeatmap(tariff, {
          timeZone: checkZone(body.time_zone ?? 'UTC'),
          ...(body.energy_kwh !== undefined ? { energyKwh: body.energy_kwh } : {}),
          ...(body.power_kw !== undefined ? { powerKw: body.power_kw } : {}),
          ...(body.week_of !== undefined ? { now: parseInstant(body.week_of, 'week_of') } : {}),
        }),
      );
    },
  );
}
