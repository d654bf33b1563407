import { Group, Paper, SegmentedControl, Table, Text, Title, useComputedColorScheme } from '@mantine/core';
import type { EChartsOption } from 'echarts';
import { type ReactNode, useEffect, useRef, useState } from 'react';

export interface ChartTable {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

/**
 * An ECharts chart with its data as a table one click away (WCAG: charts with a table
 * fallback). ECharts (only the parts used, see echarts-runtime.ts) loads lazily, so it only costs
 * bytes on screens that draw charts.
 */
export function ChartPanel({
  title,
  option,
  table,
  height = 260,
  actions,
}: {
  title: string;
  option: EChartsOption;
  table: ChartTable;
  height?: number;
  actions?: ReactNode;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Group gap="xs">
          {actions}
          <SegmentedControl
            size="xs"
            aria-label={`${title}: show as`}
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            data={[
              { label: 'Chart', value: 'chart' },
              { label: 'Table', value: 'table' },
            ]}
          />
        </Group>
      </Group>
      {view === 'chart' ? (
        <EChart option={option} height={height} label={title} />
      ) : (
        <DataFallback table={table} caption={title} />
      )}
    </Paper>
  );
}

function DataFallback({ table, caption }: { table: ChartTable; caption: string }) {
  if (table.rows.length === 0) return <Text c="dimmed">No data yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={300} mah={320}>
      <Table striped stickyHeader>
        <caption style={{ position: 'absolute', left: -9999 }}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, i) => (
            <Table.Tr key={i}>
              {row.map((cell, j) => (
                <Table.Td key={j}>{cell ?? '—'}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A bare ECharts canvas, themed with the colour scheme, resized with its box. */
export function EChart({ option, height, label }: { option: EChartsOption; height: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<import('echarts').ECharts | null>(null);
  const scheme = useComputedColorScheme('light');
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('./echarts-runtime.js').then(({ echarts }) => {
      if (disposed || !box.current) return;
      chart.current = echarts.init(box.current, scheme === 'dark' ? 'dark' : undefined, { renderer: 'canvas' });
      chart.current.setOption({ backgroundColor: 'transparent', ...option });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // Re-created only when the theme changes; option updates go through setOption below.
  }, [scheme]);
  useEffect(() => {
    chart.current?.setOption({ backgroundColor: 'transparent', ...option }, { notMerge: true });
  }, [option]);
  return (
    <div
      ref={box}
      style={{ height, width: '100%' }}
      role="img"
      aria-label={`${label} chart; switch to Table for the values`}
    />
  );
}
