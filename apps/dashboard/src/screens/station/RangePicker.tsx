import { SegmentedControl } from '@mantine/core';
import { STATION_RANGES, type StationRange } from './search.js';

/** The time window (ending now) of a chart, kept in the URL. */
export function RangePicker({
  value,
  onChange,
  label,
}: {
  value: StationRange;
  onChange: (range: StationRange) => void;
  label: string;
}) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v as StationRange)}
      data={STATION_RANGES.map((r) => ({ value: r, label: `Last ${r}` }))}
    />
  );
}
