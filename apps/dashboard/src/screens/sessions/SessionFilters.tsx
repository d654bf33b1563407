import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { SessionsSearch } from './search.js';

type Patch = Partial<SessionsSearch>;

/** A text filter that commits to the URL a moment after typing stops. */
function DebouncedText({
  label,
  value,
  placeholder,
  onCommit,
}: {
  label: string;
  value: string | undefined;
  placeholder?: string;
  onCommit: (value: string | undefined) => void;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const commit = useDebouncedCallback((v: string) => onCommit(v.trim() || undefined), 300);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      w={170}
    />
  );
}

/** The sessions list's filters; every change goes to the URL (and back to page 1). */
export function SessionFilters({ value, onChange }: { value: SessionsSearch; onChange: (patch: Patch) => void }) {
  const change = (patch: Patch) => onChange({ ...patch, page: undefined });
  return (
    <Group align="end" gap="sm" wrap="wrap">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="session-status-label">
          Status
        </Text>
        <SegmentedControl
          aria-labelledby="session-status-label"
          value={value.status ?? 'all'}
          onChange={(v) => change({ status: v === 'all' ? undefined : (v as 'active' | 'completed') })}
          data={[
            { label: 'All', value: 'all' },
            { label: 'Active', value: 'active' },
            { label: 'Completed', value: 'completed' },
          ]}
        />
      </Stack>
      <DebouncedText
        label="Station"
        placeholder="identity"
        value={value.station}
        onCommit={(station) => change({ station })}
      />
      <DebouncedText label="Party" placeholder="CC-PID" value={value.party} onCommit={(party) => change({ party })} />
      <TextInput
        type="date"
        label="Started from (UTC)"
        value={value.from ?? ''}
        onChange={(e) => change({ from: e.currentTarget.value || undefined })}
      />
      <TextInput
        type="date"
        label="Started until (UTC)"
        value={value.to ?? ''}
        onChange={(e) => change({ to: e.currentTarget.value || undefined })}
      />
    </Group>
  );
}
