import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconDownload } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useState } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { ExpandToggle, useExpandedRows } from '../../components/ExpandToggle.js';
import { OlderPages } from '../../components/OlderPages.js';
import { type FrameFilters, type FrameItem, fetchFrames, framesExportUrl, stationKeys } from './station-api.js';

/** Direction as an arrow and words: "in" = station → hub. */
function Direction({ direction }: { direction: 'in' | 'out' }) {
  return direction === 'in' ? (
    <Group gap={4} wrap="nowrap">
      <IconArrowRight size={14} aria-hidden />
      <Text size="sm">In (station → hub)</Text>
    </Group>
  ) : (
    <Group gap={4} wrap="nowrap">
      <IconArrowLeft size={14} aria-hidden />
      <Text size="sm">Out (hub → station)</Text>
    </Group>
  );
}

function ViolationBadge() {
  return (
    <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
      Violation
    </Badge>
  );
}

const pretty = (raw: string) => {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
};

function FrameDetails({ item, formatTime }: { item: FrameItem; formatTime: (iso: string) => string }) {
  const blocks = [
    {
      title: `${item.message_type_name ?? 'Frame'} · ${formatTime(item.at)}`,
      raw: item.raw,
      violation: item.violation,
    },
    ...(item.paired
      ? [
          {
            title: `${item.paired.message_type_name ?? 'Answer'} · ${formatTime(item.paired.at)} · ${item.paired.latency_ms} ms`,
            raw: item.paired.raw,
            violation: item.paired.violation,
          },
        ]
      : []),
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: blocks.length }}>
      {blocks.map((b) => (
        <Stack key={b.title} gap={4}>
          <Text size="sm" fw={600}>
            {b.title}
          </Text>
          {b.violation && (
            <Alert color="orange" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />} title="Schema violation">
              {b.violation}
            </Alert>
          )}
          <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
            {b.raw === '' ? '(no frame text: a violation note)' : pretty(b.raw)}
          </Code>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/**
 * The OCPP frame log: both directions, newest first, each request with its answer, violations
 * marked with an icon and words, filters in the URL, raw JSON on expand, NDJSON export.
 */
export function FramesTab({
  identity,
  filters,
  onFilters,
  timeZone,
}: {
  identity: string;
  filters: FrameFilters;
  onFilters: (patch: FrameFilters) => void;
  timeZone: string | null;
}) {
  const formatTime = useFormatTime();
  const fmt = (iso: string) => formatTime(iso, timeZone);
  const [action, setAction] = useState(filters.action ?? '');
  const [debounced] = useDebouncedValue(action, 400);
  useEffect(() => {
    if ((debounced || undefined) !== filters.action) onFilters({ action: debounced || undefined });
  }, [debounced, filters.action, onFilters]);
  const { isOpen, toggle } = useExpandedRows();

  const frames = useInfiniteQuery({
    queryKey: stationKeys.frames(identity, filters),
    queryFn: ({ pageParam }) => fetchFrames(identity, filters, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next_before_id,
  });
  const items = frames.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Action"
          placeholder="e.g. MeterValues"
          value={action}
          onChange={(e) => setAction(e.currentTarget.value.trim())}
        />
        <Select
          label="Direction"
          value={filters.direction ?? 'both'}
          onChange={(v) => onFilters({ direction: v === 'in' || v === 'out' ? v : undefined })}
          data={[
            { value: 'both', label: 'Both directions' },
            { value: 'in', label: 'In (station → hub)' },
            { value: 'out', label: 'Out (hub → station)' },
          ]}
          allowDeselect={false}
        />
        <Checkbox
          label="Only schema violations"
          checked={filters.violations ?? false}
          onChange={(e) => onFilters({ violations: e.currentTarget.checked || undefined })}
          mb={8}
        />
        <Button
          component="a"
          href={framesExportUrl(identity, filters)}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          Export NDJSON
        </Button>
      </Group>
      {frames.error && <Alert color="red">{frames.error.message}</Alert>}
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover aria-label="OCPP frame log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <VisuallyHidden>Details</VisuallyHidden>
              </Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>Direction</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Message id</Table.Th>
              <Table.Th>Answer</Table.Th>
              <Table.Th>Violation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const violation = item.violation ?? item.paired?.violation ?? null;
              const expanded = isOpen(item.id);
              return (
                <Fragment key={item.id}>
                  <Table.Tr
                    data-testid={`frame-row-${item.id}`}
                    data-violation={violation ? 'true' : 'false'}
                    bg={violation ? 'var(--mantine-color-orange-light)' : undefined}
                  >
                    <Table.Td>
                      <ExpandToggle
                        expanded={expanded}
                        onToggle={() => toggle(item.id)}
                        what={`raw JSON of frame ${item.id}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{fmt(item.at)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Direction direction={item.direction} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.message_type_name ?? (item.raw === '' ? 'note' : 'unreadable')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.action ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {item.message_id ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {item.paired
                          ? `${item.paired.message_type_name ?? '?'} after ${item.paired.latency_ms} ms`
                          : item.message_type === 2
                            ? 'no answer'
                            : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {violation ? (
                        <Stack gap={2}>
                          <ViolationBadge />
                          <Text size="xs" lineClamp={2}>
                            {violation}
                          </Text>
                        </Stack>
                      ) : (
                        <Text size="sm">—</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={8}>
                        <FrameDetails item={item} formatTime={fmt} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <OlderPages query={frames} shown={items.length} what="frames" empty="No frames match." />
    </Stack>
  );
}
