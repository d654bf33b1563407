import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { EChartsOption, LineSeriesOption } from 'echarts';
import { useMemo } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { ChartPanel } from '../../components/ChartPanel.js';
import { useLiveEvent } from '../../live/LiveEventsProvider.js';
import { RangePicker } from './RangePicker.js';
import type { StationRange } from './search.js';
import { fetchTelemetry, stationKeys, type TelemetrySample } from './station-api.js';

type Measure = { key: 'power_kw' | 'current_a' | 'soc'; name: string; unit: string; axis: 0 | 1; dashed?: boolean };
const MEASURES: Measure[] = [
  { key: 'power_kw', name: 'power', unit: 'kW', axis: 0 },
  { key: 'current_a', name: 'current', unit: 'A', axis: 1 },
  { key: 'soc', name: 'SoC', unit: '%', axis: 1, dashed: true },
];

/** One line per EVSE and measure that has any value. */
function lines(samples: TelemetrySample[]): LineSeriesOption[] {
  const evses = [...new Set(samples.map((s) => s.evse_id))].sort((a, b) => a - b);
  const out: LineSeriesOption[] = [];
  for (const evse of evses) {
    for (const m of MEASURES) {
      const points = samples.filter((s) => s.evse_id === evse && s[m.key] !== null).map((s) => [s.at, s[m.key]]);
      if (points.length === 0) continue;
      out.push({
        type: 'line',
        name: `EVSE ${evse} ${m.name} (${m.unit})`,
        yAxisIndex: m.axis,
        showSymbol: points.length < 60,
        lineStyle: m.dashed ? { type: 'dashed' } : undefined,
        data: points as [string, number][],
      });
    }
  }
  return out;
}

/** Live power, current and state of charge of the station's EVSEs (`data-points` = samples drawn). */
export function PowerTab({
  identity,
  range,
  onRange,
  timeZone,
}: {
  identity: string;
  range: StationRange;
  onRange: (range: StationRange) => void;
  timeZone: string | null;
}) {
  const formatTime = useFormatTime();
  const telemetry = useQuery({
    queryKey: stationKeys.telemetry(identity, range),
    queryFn: () => fetchTelemetry(identity, range),
    // Meter values arrive between transaction events too; poll gently as well.
    refetchInterval: 5_000,
  });
  useLiveEvent('transaction', (event) => {
    if (event.identity === identity) void telemetry.refetch();
  });
  const samples = telemetry.data?.samples ?? [];

  const option = useMemo<EChartsOption>(() => {
    const fmt = (v: number) => formatTime(new Date(v).toISOString(), timeZone, range === '7d');
    return {
      animation: false,
      grid: { left: 50, right: 50, top: 40, bottom: 30 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time', axisLabel: { formatter: (v: number) => fmt(v) } },
      yAxis: [
        { type: 'value', name: 'kW', min: 0 },
        { type: 'value', name: 'A / %', min: 0 },
      ],
      series: lines(samples),
    };
  }, [samples, formatTime, timeZone, range]);

  const table = useMemo(
    () => ({
      columns: ['Time', 'EVSE', 'Power (kW)', 'Current (A)', 'SoC (%)'],
      rows: samples.map((s) => [formatTime(s.at, timeZone), s.evse_id, s.power_kw, s.current_a, s.soc]),
    }),
    [samples, formatTime, timeZone],
  );
  const latest = samples.at(-1);

  return (
    <Stack gap="sm">
      {telemetry.isPending && <Loader size="sm" aria-label="Loading telemetry" />}
      {telemetry.error && <Alert color="red">{telemetry.error.message}</Alert>}
      <Group gap="lg" aria-live="polite">
        <Text size="sm">
          {samples.length} sample{samples.length === 1 ? '' : 's'} in the window
          {telemetry.data?.truncated ? ' (more exist; choose a shorter window)' : ''}
        </Text>
        {latest && (
          <Text size="sm">
            Latest ({formatTime(latest.at, timeZone)}): EVSE {latest.evse_id} · {latest.power_kw ?? '—'} kW ·{' '}
            {latest.current_a ?? '—'} A · SoC {latest.soc ?? '—'} %
          </Text>
        )}
      </Group>
      <div data-testid="power-chart" data-points={samples.length}>
        <ChartPanel
          title="Power, current and state of charge"
          option={option}
          table={table}
          height={320}
          actions={<RangePicker value={range} onChange={onRange} label="Power chart window" />}
        />
      </div>
    </Stack>
  );
}
