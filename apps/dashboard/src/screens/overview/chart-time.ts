import { useMemo } from 'react';
import { useTimeZoneMode } from '../../app/time-zone.js';

/**
 * Fleet-wide charts span many stations' zones: they show UTC, or the browser's own zone when
 * the header's switch says local time, always naming the zone. Stable while the mode is.
 */
export function useChartTime() {
  const { mode } = useTimeZoneMode();
  return useMemo(() => {
    const timeZone = mode === 'utc' ? 'UTC' : undefined;
    const short = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
    const full = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    return {
      /** Hour:minute for axis labels. */
      axis: (at: string | number) => short.format(new Date(at)),
      /** Date, time and zone for tooltips and tables. */
      full: (at: string | number) => full.format(new Date(at)),
    };
  }, [mode]);
}
