import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { ChartPanel, type ChartTable } from '../../components/ChartPanel.js';
import type { FinanceDaily } from './cdrs-api.js';

type Metric = 'revenue_incl_vat' | 'revenue_excl_vat' | 'kwh';

/** Per day and group, the metric summed (0 where a group had no CDR that day). */
function matrix(daily: FinanceDaily, currency: string | null, metric: Metric): Map<string, number[]> {
  const index = new Map(daily.days.map((d, i) => [d, i]));
  const out = new Map<string, number[]>();
  for (const g of daily.groups)
    out.set(
      g.key,
      daily.days.map(() => 0),
    );
  for (const r of daily.rows) {
    // kWh is summed over every currency; money only within the chosen one.
    if (metric !== 'kwh' && r.currency !== currency) continue;
    const row = out.get(r.key);
    const i = index.get(r.day);
    if (row && i !== undefined) row[i] = Math.round(((row[i] ?? 0) + Number(r[metric])) * 10_000) / 10_000;
  }
  return out;
}

function stackedBars(daily: FinanceDaily, values: Map<string, number[]>, unit: string): EChartsOption {
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 48, bottom: 40 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: daily.days, axisLabel: { formatter: (d: string) => d.slice(5) } },
    yAxis: { type: 'value', name: unit },
    series: daily.groups.map((g) => ({
      name: g.label,
      type: 'bar' as const,
      stack: 'total',
      emphasis: { focus: 'series' as const },
      data: values.get(g.key) ?? [],
    })),
  };
}

function tableOf(daily: FinanceDaily, values: Map<string, number[]>): ChartTable {
  return {
    columns: ['Day (UTC)', ...daily.groups.map((g) => g.label), 'Total'],
    rows: daily.days
      .map((day, i) => {
        const cells = daily.groups.map((g) => values.get(g.key)?.[i] ?? 0);
        const total = Math.round(cells.reduce((s, v) => s + v, 0) * 10_000) / 10_000;
        return [day, ...cells, total];
      })
      .filter((row) => row[row.length - 1] !== 0),
  };
}

/**
 * Revenue (incl. VAT, in one currency) and kWh per UTC day, stacked by partner or party, each
 * with its table; the totals per currency underneath.
 */
export function FinanceCharts({ daily, currency }: { daily: FinanceDaily; currency: string | null }) {
  const revenue = useMemo(() => matrix(daily, currency, 'revenue_incl_vat'), [daily, currency]);
  const kwh = useMemo(() => matrix(daily, currency, 'kwh'), [daily, currency]);
  const revenueOption = useMemo(() => stackedBars(daily, revenue, currency ?? ''), [daily, revenue, currency]);
  const kwhOption = useMemo(() => stackedBars(daily, kwh, 'kWh'), [daily, kwh]);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <div data-testid="revenue-chart" data-days={daily.days.length} data-groups={daily.groups.length}>
          <ChartPanel
            title={`Revenue per day, incl. VAT${currency ? ` (${currency})` : ''}`}
            option={revenueOption}
            table={tableOf(daily, revenue)}
          />
        </div>
        <div data-testid="energy-chart" data-days={daily.days.length}>
          <ChartPanel title="Energy per day (kWh)" option={kwhOption} table={tableOf(daily, kwh)} />
        </div>
      </SimpleGrid>
      <Group gap="xl" role="status" aria-label="Totals of the range">
        {daily.totals.length === 0 && <Text c="dimmed">No CDRs in this range.</Text>}
        {daily.totals.map((t) => (
          <Text key={t.currency} size="sm">
            <strong>{t.currency}</strong>: {t.cdrs} CDR{t.cdrs === 1 ? '' : 's'}
            {t.credits > 0 ? ` (${t.credits} credit)` : ''} · {t.kwh} kWh · {t.revenue_excl_vat} excl. /{' '}
            {t.revenue_incl_vat} incl. VAT
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
