import { Alert, Badge, Code, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { ExpandToggle, useExpandedRows } from '../../components/ExpandToggle.js';
import { OlderPages } from '../../components/OlderPages.js';
import { fetchStationEvents, stationKeys } from './station-api.js';

/** Kinds that tell of trouble: marked with a word as well as a colour. */
const WARNING_KINDS = new Set([
  'SecurityEventNotification',
  'ProvisioningFailed',
  'CertificateSigningFailed',
  'Unhandled',
]);

/**
 * What the station reported besides transactions and statuses (firmware, diagnostics and log
 * uploads, security events, NotifyEvent, data transfers, reports) and what the hub did about it
 * (connections, provisioning, certificates): newest first, filtered by kind (in the URL), each
 * with a one-line summary and its payload on expand.
 */
export function EventsTab({
  identity,
  kind,
  onKind,
  timeZone,
}: {
  identity: string;
  kind: string | undefined;
  onKind: (kind: string | undefined) => void;
  timeZone: string | null;
}) {
  const formatTime = useFormatTime();
  const { isOpen, toggle } = useExpandedRows();
  const events = useInfiniteQuery({
    queryKey: stationKeys.events(identity, kind),
    queryFn: ({ pageParam }) => fetchStationEvents(identity, kind, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next_before_id,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const kinds = events.data?.pages[0]?.kinds ?? [];

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label="Kind"
          value={kind ?? 'all'}
          onChange={(v) => onKind(v === 'all' || v === null ? undefined : v)}
          data={[
            { value: 'all', label: 'All kinds' },
            ...kinds.map((k) => ({ value: k.kind, label: `${k.kind} (${k.count})` })),
            ...(kind && !kinds.some((k) => k.kind === kind) ? [{ value: kind, label: `${kind} (0)` }] : []),
          ]}
          allowDeselect={false}
          searchable
          w={320}
        />
      </Group>
      {events.error && <Alert color="red">{events.error.message}</Alert>}
      <Table.ScrollContainer minWidth={800}>
        <Table striped highlightOnHover aria-label="Station events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <VisuallyHidden>Details</VisuallyHidden>
              </Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Summary</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const expanded = isOpen(item.id);
              const warning = WARNING_KINDS.has(item.kind);
              return (
                <Fragment key={item.id}>
                  <Table.Tr data-testid={`station-event-${item.id}`} data-kind={item.kind}>
                    <Table.Td>
                      <ExpandToggle
                        expanded={expanded}
                        onToggle={() => toggle(item.id)}
                        what={`the payload of event ${item.id}`}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatTime(item.at, timeZone)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={warning ? 'orange' : 'gray'}>
                        {warning ? `Warning: ${item.kind}` : item.kind}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.summary || '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={4}>
                        <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
                          {JSON.stringify(item.payload, null, 2)}
                        </Code>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <OlderPages
        query={events}
        shown={items.length}
        what="events"
        empty={`No events${kind ? ` of kind ${kind}` : ''}.`}
      />
    </Stack>
  );
}
