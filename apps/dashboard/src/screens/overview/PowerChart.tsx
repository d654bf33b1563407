import { Text } from '@mantine/core';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { ChartPanel } from '../../components/ChartPanel.js';
import { useChartTime } from './chart-time.js';
import type { PowerSeries } from './overview-api.js';

const partyName = (p: PowerSeries['parties'][number]) =>
  `${p.name ?? `${p.country_code}*${p.party_id}`} (${p.country_code}*${p.party_id})`;

/** Power per hosted CPO, stacked, in 15-minute buckets; the values as a table one click away. */
export function PowerChart({ data }: { data: PowerSeries }) {
  const time = useChartTime();
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      grid: { left: 56, right: 24, top: 40, bottom: 36 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', axisPointer: { label: { formatter: (p) => time.full(p.value as number) } } },
      xAxis: { type: 'time', axisLabel: { formatter: (v: number) => time.axis(v) } },
      yAxis: { type: 'value', name: 'kW' },
      series: data.parties.map((p) => ({
        name: partyName(p),
        type: 'line',
        stack: 'power',
        areaStyle: {},
        step: 'end',
        showSymbol: false,
        data: data.buckets.map((at, i) => [at, p.kw[i] ?? 0]),
      })),
    }),
    [data, time],
  );
  const table = {
    columns: ['Time (15 min from)', ...data.parties.map(partyName)],
    rows: data.buckets
      .map((at, i) => [time.full(at), ...data.parties.map((p) => p.kw[i] ?? 0)])
      .filter((row) => row.slice(1).some((kw) => kw !== 0)),
  };
  return (
    <div data-testid="overview-power" data-parties={data.parties.length}>
      <ChartPanel
        title="Power per CPO, last 24 h (kW)"
        option={option}
        table={table}
        height={280}
        actions={data.parties.length === 0 ? <Text size="sm">No meter values in the last 24 h</Text> : undefined}
      />
    </div>
  );
}
