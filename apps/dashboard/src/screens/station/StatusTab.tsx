import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { ChartPanel } from '../../components/ChartPanel.js';
import { RangePicker } from './RangePicker.js';
import type { StationRange } from './search.js';
import { fetchStatusHistory, stationKeys } from './station-api.js';
import { buildTimeline, type TimelineSegment } from './status-timeline.js';

const ROW_HEIGHT = 34;

/** Draws one bar, clipped to the plot, with its glyph and status name when there is room. */
function renderBar(segments: TimelineSegment[]): CustomSeriesRenderItem {
  return (params, api) => {
    const segment = segments[params.dataIndex];
    if (!segment) return null;
    const start = api.coord([segment.start, segment.row]);
    const end = api.coord([segment.end, segment.row]);
    const band = api.size?.([0, 1]);
    const height = (Array.isArray(band) ? (band[1] ?? 20) : 20) * 0.6;
    const box = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
    const x0 = Math.max(start[0]!, box.x);
    const x1 = Math.min(end[0]!, box.x + box.width);
    if (x1 <= x0) return null;
    const width = x1 - x0;
    return {
      type: 'group',
      children: [
        { type: 'rect', shape: { x: x0, y: start[1]! - height / 2, width, height }, style: { fill: segment.color } },
        ...(width > 48
          ? [
              {
                type: 'text' as const,
                style: {
                  x: x0 + 4,
                  y: start[1]!,
                  text: `${segment.glyph} ${segment.label}`,
                  verticalAlign: 'middle' as const,
                  fill: '#fff',
                  fontSize: 11,
                  width: width - 8,
                  overflow: 'truncate' as const,
                },
              },
            ]
          : []),
      ],
    };
  };
}

/** The connector status timeline with the station's offline gaps, as a chart or a table. */
export function StatusTab({
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
  const history = useQuery({
    queryKey: stationKeys.statusHistory(identity, range),
    queryFn: () => fetchStatusHistory(identity, range),
  });
  const timeline = useMemo(() => (history.data ? buildTimeline(history.data) : undefined), [history.data]);

  const option = useMemo<EChartsOption>(() => {
    if (!timeline) return {};
    const fmt = (ms: number) => formatTime(new Date(ms).toISOString(), timeZone, range === '7d');
    return {
      animation: false,
      grid: { left: 170, right: 20, top: 10, bottom: 30 },
      tooltip: {
        formatter: (p) => {
          const s = timeline.segments[(p as { dataIndex: number }).dataIndex];
          return s ? `${timeline.rows[s.row]}<br/>${s.glyph} ${s.label}<br/>${fmt(s.start)} – ${fmt(s.end)}` : '';
        },
      },
      xAxis: { type: 'time', min: timeline.from, max: timeline.to, axisLabel: { formatter: (v: number) => fmt(v) } },
      yAxis: { type: 'category', data: timeline.rows, inverse: true },
      series: [
        {
          type: 'custom',
          renderItem: renderBar(timeline.segments),
          encode: { x: [1, 2], y: 0 },
          data: timeline.segments.map((s) => [s.row, s.start, s.end]),
        },
      ],
    };
  }, [timeline, formatTime, timeZone, range]);

  const table = useMemo(
    () => ({
      columns: ['Row', 'Status', 'From', 'To'],
      rows: (timeline?.segments ?? [])
        .slice()
        .sort((a, b) => a.row - b.row || a.start - b.start)
        .map((s) => [
          timeline!.rows[s.row] ?? '',
          `${s.glyph} ${s.label}`,
          formatTime(new Date(s.start).toISOString(), timeZone),
          formatTime(new Date(s.end).toISOString(), timeZone),
        ]),
    }),
    [timeline, formatTime, timeZone],
  );

  return (
    <Stack gap="sm">
      {history.isPending && <Loader size="sm" aria-label="Loading status history" />}
      {history.error && <Alert color="red">{history.error.message}</Alert>}
      {history.data && timeline && (
        <>
          <Text size="sm" c="dimmed">
            {history.data.offline.length === 0
              ? 'No offline periods in this window.'
              : `${history.data.offline.length} offline period${history.data.offline.length === 1 ? '' : 's'} in this window`}
            {history.data.connectivity_source === 'last_seen'
              ? ' (from the last-seen time; no connection events recorded).'
              : '.'}
          </Text>
          <ChartPanel
            title="Connector status timeline"
            option={option}
            table={table}
            height={Math.max(140, timeline.rows.length * ROW_HEIGHT + 50)}
            actions={<RangePicker value={range} onChange={onRange} label="Status timeline window" />}
          />
        </>
      )}
    </Stack>
  );
}
