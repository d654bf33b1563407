import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { ApiError } from '../../api/client.js';
import { ChartPanel, type ChartTable } from '../../components/ChartPanel.js';
import { fetchHeatmap, type HeatmapResult } from './tariffs-api.js';

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The 7 × 24 grid as ECharts heatmap data and as a table (the chart's accessible fallback). */
export function heatmapViews(map: HeatmapResult): { option: EChartsOption; table: ChartTable } {
  const data: Array<[number, number, number | '-']> = [];
  map.incl_vat.forEach((row, d) => {
    row.forEach((value, h) => {
      data.push([h, d, value ?? '-']);
    });
  });
  const option: EChartsOption = {
    tooltip: {
      position: 'top',
      formatter: (p: unknown) => {
        const [h, d, v] = (p as { value: [number, number, number | '-'] }).value;
        return `${SHORT_DAYS[d]} ${hourLabel(h)}: ${v === '-' ? 'no valid tariff' : `${v.toFixed(2)} ${map.currency}`}`;
      },
    },
    grid: { left: 48, right: 16, top: 8, bottom: 72 },
    xAxis: { type: 'category', data: map.hours.map(hourLabel), name: 'Start', splitArea: { show: true } },
    yAxis: { type: 'category', data: SHORT_DAYS, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: map.min ?? 0,
      max: map.max ?? 1,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: [`${(map.max ?? 0).toFixed(2)} ${map.currency}`, `${(map.min ?? 0).toFixed(2)}`],
      inRange: { color: ['#2f9e44', '#fab005', '#e03131'] },
    },
    series: [
      {
        type: 'heatmap',
        name: 'Price incl. VAT',
        data,
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
  const table: ChartTable = {
    columns: ['Day', ...map.hours.map(hourLabel)],
    rows: map.incl_vat.map((row, d) => [
      SHORT_DAYS[d] as string,
      ...row.map((v) => (v === null ? null : v.toFixed(2))),
    ]),
  };
  return { option, table };
}

/**
 * What a 1-hour session costs (incl. VAT) starting at each hour of the week, priced by the hub's
 * engine for the draft tariff: Monday to Sunday × 00:00 to 23:00 in the chosen zone.
 */
export function PriceHeatmap({
  tariff,
  energyKwh,
  powerKw,
  timeZone,
}: {
  tariff: unknown;
  energyKwh: number;
  powerKw: number | undefined;
  timeZone: string;
}) {
  const input = {
    ...(energyKwh > 0 ? { energy_kwh: energyKwh } : {}),
    ...(powerKw ? { power_kw: powerKw } : {}),
    time_zone: timeZone,
  };
  const heatmap = useQuery({
    queryKey: ['tariffs', 'heatmap', tariff, input],
    queryFn: () => fetchHeatmap(tariff, input),
    retry: false,
    placeholderData: (previous) => previous,
  });
  const views = useMemo(() => (heatmap.data ? heatmapViews(heatmap.data) : null), [heatmap.data]);
  if (heatmap.error) {
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="No heatmap for this tariff" role="alert">
        {heatmap.error instanceof ApiError ? heatmap.error.message : 'The hub cannot be reached'}
      </Alert>
    );
  }
  if (!heatmap.data || !views) return <Loader size="sm" aria-label="Pricing the week" />;
  const m = heatmap.data;
  return (
    <Stack gap={4} data-testid="tariff-heatmap" data-cells={m.incl_vat.flat().length}>
      <ChartPanel
        title="Price of a 1-hour session by start hour"
        option={views.option}
        table={views.table}
        height={320}
      />
      <Text size="xs">
        Week of {m.week_start} in {m.time_zone}; {m.energy_kwh} kWh at up to {m.power_kw} kW; incl. VAT, {m.currency}.
        Cheapest {m.min?.toFixed(2) ?? '—'}, dearest {m.max?.toFixed(2) ?? '—'}.
      </Text>
    </Stack>
  );
}
