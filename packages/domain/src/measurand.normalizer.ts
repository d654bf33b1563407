/** Units the store keeps meter samples in (docs/conventions.md: energy in Wh internally). */
export type NormalizedUnit = 'Wh' | 'varh' | 'W' | 'var' | 'VA' | 'A' | 'V' | 'Hz' | 'Percent' | 'Celsius' | string;

/** One normalized meter sample, whatever version produced it. */
export interface NormalizedSample {
  sampledAt: Date;
  measurand: string;
  phase: string | null;
  context: string | null;
  location: string | null;
  unit: NormalizedUnit;
  value: number;
}

/** OCPP 1.6 §7.31 / 2.0.1 SampledValueType: the default measurand is the import energy register. */
export const DEFAULT_MEASURAND = 'Energy.Active.Import.Register';

/** Default unit per measurand family when the station omits it (1.6 §7.45 default "Wh"). */
function defaultUnit(measurand: string): string {
  if (measurand.startsWith('Energy.Reactive')) return 'varh';
  if (measurand.startsWith('Energy')) return 'Wh';
  if (measurand.startsWith('Power.Reactive')) return 'var';
  if (measurand.startsWith('Power.Factor')) return '';
  if (measurand.startsWith('Power')) return 'W';
  if (measurand.startsWith('Current')) return 'A';
  if (measurand === 'Voltage') return 'V';
  if (measurand === 'Frequency') return 'Hz';
  if (measurand === 'SoC') return 'Percent';
  if (measurand === 'Temperature') return 'Celsius';
  return 'Wh';
}

/** Kilo-prefixed units → base unit and factor; both versions spell them the same way. */
const SCALED: Readonly<Record<string, { unit: string; factor: number }>> = {
  kWh: { unit: 'Wh', factor: 1000 },
  kW: { unit: 'W', factor: 1000 },
  kvarh: { unit: 'varh', factor: 1000 },
  kvar: { unit: 'var', factor: 1000 },
  kVA: { unit: 'VA', factor: 1000 },
};

/**
 * Normalizes a value and unit: k-units to base units, Fahrenheit and Kelvin to Celsius,
 * `Percent` kept. `multiplier` is 2.x UnitOfMeasureType.multiplier (power of ten).
 */
export function normalizeUnit(
  value: number,
  unit: string | undefined,
  measurand: string,
  multiplier = 0,
): { unit: NormalizedUnit; value: number } {
  const scaled = multiplier === 0 ? value : value * 10 ** multiplier;
  const given = unit === undefined || unit === '' ? defaultUnit(measurand) : unit;
  const k = SCALED[given];
  if (k) return { unit: k.unit, value: scaled * k.factor };
  if (given === 'Fahrenheit') return { unit: 'Celsius', value: ((scaled - 32) * 5) / 9 };
  if (given === 'K') return { unit: 'Celsius', value: scaled - 273.15 };
  return { unit: given, value: scaled };
}

/** 1.6 MeterValue (§7.32) → samples. Signed or unparsable values are skipped (their frame is logged). */
export function normalizeMeterValues16(
  meterValues: ReadonlyArray<{ timestamp: string; sampledValue: ReadonlyArray<Record<string, unknown>> }>,
): NormalizedSample[] {
  const out: NormalizedSample[] = [];
  for (const mv of meterValues) {
    const sampledAt = new Date(mv.timestamp);
    if (Number.isNaN(sampledAt.getTime())) continue;
    for (const sv of mv.sampledValue ?? []) {
      if (sv.format === 'SignedData') continue;
      const raw = Number(sv.value);
      if (!Number.isFinite(raw)) continue;
      const measurand = typeof sv.measurand === 'string' ? sv.measurand : DEFAULT_MEASURAND;
      const { unit, value } = normalizeUnit(raw, sv.unit as string | undefined, measurand);
      out.push({
        sampledAt,
        measurand,
        phase: (sv.phase as string | undefined) ?? null,
        context: (sv.context as string | undefined) ?? null,
        location: (sv.location as string | undefined) ?? null,
        unit,
        value,
      });
    }
  }
  return out;
}

/** 2.0.1 / 2.1 MeterValueType → samples (value is a number; unitOfMeasure carries a multiplier). */
export function normalizeMeterValues2(
  meterValues: ReadonlyArray<{ timestamp: string; sampledValue: ReadonlyArray<Record<string, unknown>> }>,
): NormalizedSample[] {
  const out: NormalizedSample[] = [];
  for (const mv of meterValues) {
    const sampledAt = new Date(mv.timestamp);
    if (Number.isNaN(sampledAt.getTime())) continue;
    for (const sv of mv.sampledValue ?? []) {
      const raw = typeof sv.value === 'number' ? sv.value : Number(sv.value);
      if (!Number.isFinite(raw)) continue;
      const measurand = typeof sv.measurand === 'string' ? sv.measurand : DEFAULT_MEASURAND;
      const uom = (sv.unitOfMeasure ?? {}) as { unit?: string; multiplier?: number };
      const { unit, value } = normalizeUnit(raw, uom.unit, measurand, uom.multiplier ?? 0);
      out.push({
        sampledAt,
        measurand,
        phase: (sv.phase as string | undefined) ?? null,
        context: (sv.context as string | undefined) ?? null,
        location: (sv.location as string | undefined) ?? null,
        unit,
        value,
      });
    }
  }
  return out;
}

/**
 * The energy register readings (Wh, whole-meter: no phase, outlet or unspecified location) of a
 * list of samples — what transaction energy is computed from.
 */
export function energyRegisterReadings(samples: readonly NormalizedSample[]): NormalizedSample[] {
  return samples.filter(
    (s) =>
      s.measurand === DEFAULT_MEASURAND &&
      s.unit === 'Wh' &&
      s.phase === null &&
      (s.location === null || s.location === 'Outlet'),
  );
}
