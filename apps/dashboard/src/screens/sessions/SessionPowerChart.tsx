import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useTimeZoneMode } from '../../app/time-zone.js';
import { ChartPanel } from '../../components/ChartPanel.js';
import type { ChargingSessionDetail } from './sessions-api.js';

type Meter = ChargingSessionDetail['meter'];

/** Hour:minute (and seconds in the table) in the station's zone or UTC, naming the zone. */
function timeFormatter(zone: string, seconds: boolean) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit', timeZoneName: 'short' } : {}),
  });
  return (value: number | string) => f.format(new Date(value));
}

/**
 * The session's power (kW), energy (kWh since start) and state of charge over time, with the
 * values as a table one click away. `data-points` counts the samples drawn (tests wait on it).
 */
export function SessionPowerChart({ meter, timeZone }: { meter: Meter; timeZone: string | null }) {
  const { mode } = useTimeZoneMode();
  const zone = mode === 'utc' || !timeZone ? 'UTC' : timeZone;
  const hasSoc = meter.points.some((p) => p.soc !== null);
  const option = useMemo<EChartsOption>(() => {
    const axisTime = timeFormatter(zone, false);
    const fullTime = timeFormatter(zone, true);
    const pairs = (pick: (p: Meter['points'][number]) => number | null) =>
      meter.points.filter((p) => pick(p) !== null).map((p) => [p.at, pick(p)] as [string, number]);
    return {
      animation: false,
      grid: { left: 56, right: hasSoc ? 96 : 56, top: 36, bottom: 36 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { label: { formatter: (p) => fullTime(p.value as number) } },
      },
      xAxis: { type: 'time', axisLabel: { formatter: (v: number) => axisTime(v) } },
      yAxis: [
        { type: 'value', name: 'kW', position: 'left' },
        { type: 'value', name: 'kWh', position: 'right', splitLine: { show: false } },
        ...(hasSoc
          ? [
              {
                type: 'value' as const,
                name: 'SoC %',
                position: 'right' as const,
                offset: 48,
                min: 0,
                max: 100,
                splitLine: { show: false },
              },
            ]
          : []),
      ],
      series: [
        {
          name: meter.power_derived ? 'Power (kW, from energy)' : 'Power (kW)',
          type: 'line',
          step: 'end',
          showSymbol: false,
          yAxisIndex: 0,
          data: pairs((p) => p.power_kw),
        },
        { name: 'Energy (kWh)', type: 'line', showSymbol: false, yAxisIndex: 1, data: pairs((p) => p.energy_kwh) },
        ...(hasSoc
          ? [
              {
                name: 'SoC (%)',
                type: 'line' as const,
                // SoC is often reported rarely: show its points when there are few.
                showSymbol: pairs((p) => p.soc).length < 60,
                yAxisIndex: 2,
                data: pairs((p) => p.soc),
              },
            ]
          : []),
      ],
    };
  }, [meter, zone, hasSoc]);
  const fullTime = timeFormatter(zone, true);
  const table = {
    columns: ['Time', 'Energy (kWh)', 'Power (kW)', 'SoC (%)'],
    rows: meter.points.map((p) => [fullTime(p.at), p.energy_kwh, p.power_kw, p.soc]),
  };
  return (
    <div data-testid="power-chart" data-points={meter.points.length}>
      <ChartPanel title="Power, energy and state of charge" option={option} table={table} height={300} />
    </div>
  );
}
