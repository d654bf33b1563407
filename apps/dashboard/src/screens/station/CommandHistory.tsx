import { Alert, Badge, Code, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconClockHour4,
  IconLoader2,
  IconPlugConnectedX,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { useLiveEvent } from '../../live/LiveEventsProvider.js';
import { type Command, fetchCommands, stationKeys } from './station-api.js';

const STATE_LOOK: Record<string, { color: string; icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }> }> = {
  QUEUED: { color: 'blue', icon: IconLoader2 },
  SENT: { color: 'blue', icon: IconSend },
  ACCEPTED: { color: 'green', icon: IconCheck },
  REJECTED: { color: 'red', icon: IconX },
  TIMEOUT: { color: 'orange', icon: IconClockHour4 },
  OFFLINE: { color: 'gray', icon: IconPlugConnectedX },
  FAILED: { color: 'red', icon: IconAlertTriangle },
};

/** A command state as icon and upper-case words. */
export function CommandState({ state }: { state: string }) {
  const upper = state.toUpperCase();
  const look = STATE_LOOK[upper] ?? { color: 'gray', icon: IconAlertTriangle };
  const Icon = look.icon;
  return (
    <Badge color={look.color} variant="light" leftSection={<Icon size={12} aria-hidden />}>
      {upper}
    </Badge>
  );
}

const open = (c: Command) => c.state === 'queued' || c.state === 'sent';

/** The station's commands (any origin), newest first, with state, reason and raw answer; live. */
export function CommandHistory({ identity, timeZone }: { identity: string; timeZone: string | null }) {
  const formatTime = useFormatTime();
  const commands = useQuery({
    queryKey: stationKeys.commands(identity),
    queryFn: () => fetchCommands(identity),
    // While a command is still on its way, look again every second (live events do it too).
    refetchInterval: (query) => (query.state.data?.items.some(open) ? 1000 : false),
  });
  useLiveEvent('command', (event) => {
    if (event.identity === identity) void commands.refetch();
  });
  const items = commands.data?.items ?? [];

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Command history
        </Title>
        {commands.isPending && <Loader size="sm" aria-label="Loading commands" />}
        {commands.error && <Alert color="red">{commands.error.message}</Alert>}
        {!commands.isPending && items.length === 0 && <Text c="dimmed">No commands yet.</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label="Command history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Sent</Table.Th>
                  <Table.Th>Command</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>Answer</Table.Th>
                  <Table.Th>Origin</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody aria-live="polite">
                {items.map((c) => (
                  <Table.Tr key={c.id} data-testid={`command-row-${c.id}`} data-state={c.state.toUpperCase()}>
                    <Table.Td>
                      <Text size="sm">{formatTime(c.created_at, timeZone)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {c.action}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <CommandState state={c.state} />
                    </Table.Td>
                    <Table.Td maw={320}>
                      <Text size="sm">{c.error ?? (open(c) ? 'waiting for the station' : '—')}</Text>
                    </Table.Td>
                    <Table.Td maw={360}>
                      {c.response === null || c.response === undefined ? (
                        <Text size="sm">—</Text>
                      ) : (
                        <Code block style={{ maxHeight: 140, overflow: 'auto', whiteSpace: 'pre-wrap' }}>
                          {JSON.stringify(c.response)}
                        </Code>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.origin}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
