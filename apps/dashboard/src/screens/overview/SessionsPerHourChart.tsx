import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { ChartPanel } from '../../components/ChartPanel.js';
import { useChartTime } from './chart-time.js';
import type { SessionsPerHour } from './overview-api.js';

/** Charging sessions started per hour over the last 24 h, with their energy so far. */
export function SessionsPerHourChart({ data }: { data: SessionsPerHour }) {
  const time = useChartTime();
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      grid: { left: 48, right: 56, top: 40, bottom: 36 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.hours.map((h) => time.axis(h.hour)) },
      yAxis: [
        { type: 'value', name: 'Sessions', minInterval: 1 },
        { type: 'value', name: 'kWh', splitLine: { show: false } },
      ],
      series: [
        { name: 'Sessions started', type: 'bar', data: data.hours.map((h) => h.started) },
        {
          name: 'Their energy (kWh)',
          type: 'line',
          yAxisIndex: 1,
          showSymbol: false,
          data: data.hours.map((h) => h.energy_kwh),
        },
      ],
    }),
    [data, time],
  );
  const table = {
    columns: ['Hour from', 'Sessions started', 'Their energy (kWh)'],
    rows: data.hours.filter((h) => h.started > 0).map((h) => [time.full(h.hour), h.started, h.energy_kwh]),
  };
  return <ChartPanel title="Sessions per hour, last 24 h" option={option} table={table} height={240} />;
}
