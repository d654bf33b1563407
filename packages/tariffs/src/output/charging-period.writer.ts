/**
 * Writes the re-priced `charging_periods` (mod_cdrs "ChargingPeriod class"): one period per
 * slice, with `tariff_id` set and the input dimensions scaled to the slice. Volumes are rounded
 * for output; current/power/SoC readings are copied unchanged from the input period.
 */
import { formatDateTime } from '../datetime/date-time.parser.js';
import { type Dec, decimalFromNumber, MS_PER_HOUR, toOutputNumber } from '../rounding.js';
import type { SubPeriod } from '../split/sub-period.types.js';
import type { OcpiCdrDimension, OcpiChargingPeriod } from '../types/ocpi-cdr.types.js';

/** Re-priced charging periods for the given slices. */
export function writeChargingPeriods(subs: readonly SubPeriod[], tariffId: string): OcpiChargingPeriod[] {
  return subs.map((sub) => {
    const whole = sub.startMs === sub.period.startMs && sub.endMs === sub.period.endMs;
    const dimensions: OcpiCdrDimension[] = (sub.period.source.dimensions ?? []).map((d) => {
      if (whole) return { type: d.type, volume: d.volume };
      const scaled = scaledVolume(sub, d.type, d.volume);
      return { type: d.type, volume: scaled === undefined ? d.volume : toOutputNumber(scaled) };
    });
    return { start_date_time: formatDateTime(sub.startMs), dimensions, tariff_id: tariffId };
  });
}

function scaledVolume(sub: SubPeriod, type: string, volume: number): Dec | undefined {
  switch (type) {
    case 'ENERGY':
      return sub.energy;
    case 'TIME':
      return sub.timeMs.div(MS_PER_HOUR);
    case 'PARKING_TIME':
      return sub.parkingMs.div(MS_PER_HOUR);
    case 'RESERVATION_TIME':
      return sub.reservationMs.div(MS_PER_HOUR);
    case 'ENERGY_IMPORT':
    case 'ENERGY_EXPORT': {
      // Same share as the slice's ENERGY, or its share of wall-clock time when nothing was charged.
      if (sub.period.energy.gt(0)) return decimalFromNumber(volume).times(sub.energy).div(sub.period.energy);
      const span = sub.period.endMs - sub.period.startMs;
      return span === 0
        ? undefined
        : decimalFromNumber(volume)
            .times(sub.endMs - sub.startMs)
            .div(span);
    }
    default:
      return undefined;
  }
}
