import { Type } from 'typebox';
import { Nullable } from '../shared/nullable.js';

/** An OCPI Price (`incl_vat` null when unknown). */
export const PriceSchema = Type.Object({ excl_vat: Type.Number(), incl_vat: Nullable(Type.Number()) });

const DecimalText = (description: string) => Type.String({ description: `${description} (exact decimal text)` });

/** One priced line of the tariff engine. */
export const BreakdownLineSchema = Type.Object({
  type: Type.String({ description: 'FLAT, ENERGY, TIME, PARKING_TIME, MIN_PRICE or MAX_PRICE' }),
  cost_field: Type.String({ description: 'The CDR field the line counts towards' }),
  reservation: Type.Boolean(),
  period_index: Nullable(Type.Integer()),
  source_period_index: Nullable(Type.Integer()),
  element_index: Nullable(Type.Integer({ description: 'Index of the tariff element that priced the line' })),
  component_index: Nullable(Type.Integer()),
  unit: Nullable(Type.String({ description: 'kWh, s or session' })),
  volume: Nullable(DecimalText('Measured volume')),
  billed_volume: Nullable(DecimalText('Volume billed after step_size')),
  price: Nullable(DecimalText('Price excl. VAT per kWh, per hour or per session')),
  vat: Nullable(DecimalText('VAT %; null = no VAT applicable')),
  excl_vat: DecimalText('Amount excl. VAT'),
  incl_vat: DecimalText('Amount incl. VAT'),
  step_size: Nullable(
    Type.Object({
      step_size: Type.Number(),
      unit: Type.String(),
      total_before: Type.String(),
      total_after: Type.String(),
    }),
  ),
});

/** How a session or CDR was priced: periods with their lines, sums per dimension and cost field. */
export const CostBreakdownSchema = Type.Object({
  source: Type.Union([Type.Literal('estimate'), Type.Literal('final'), Type.Literal('cdr')]),
  tariff_id: Nullable(Type.String()),
  currency: Nullable(Type.String()),
  time_zone: Type.String(),
  totals: Nullable(
    Type.Object({
      total_cost: PriceSchema,
      total_fixed_cost: PriceSchema,
      total_energy_cost: PriceSchema,
      total_time_cost: PriceSchema,
      total_parking_cost: PriceSchema,
      total_reservation_cost: PriceSchema,
      total_energy: Type.Number(),
      total_time: Type.Number(),
      total_parking_time: Type.Number(),
    }),
  ),
  periods: Type.Array(
    Type.Object({
      index: Type.Integer(),
      start_date_time: Type.String(),
      end_date_time: Type.String(),
      tariff_id: Nullable(Type.String()),
      dimensions: Type.Array(Type.Object({ type: Type.String(), volume: Type.Number() })),
      excl_vat: Type.String(),
      incl_vat: Type.String(),
      lines: Type.Array(BreakdownLineSchema),
    }),
  ),
  adjustments: Type.Array(BreakdownLineSchema),
  by_dimension: Type.Array(
    Type.Object({
      type: Type.String(),
      unit: Nullable(Type.String()),
      volume: Nullable(Type.String()),
      excl_vat: Type.String(),
      incl_vat: Type.String(),
    }),
  ),
  by_cost_field: Type.Array(
    Type.Object({
      field: Type.String(),
      excl_vat: Type.Number(),
      incl_vat: Type.Number(),
      cdr: Nullable(PriceSchema),
    }),
  ),
  matches_cdr: Nullable(Type.Boolean()),
  warnings: Type.Array(Type.String()),
  error: Nullable(Type.String()),
});
