import { Group, Paper, Progress, Table, Text, Title } from '@mantine/core';
import { StatusBadge } from '../../components/StatusBadge.js';
import { STATUS_HEX, statusLook } from '../../components/status.js';
import { formatNumber, type Overview } from './overview-api.js';

/**
 * EVSEs by the status they publish (offline stations' EVSEs are UNKNOWN), worst first: a bar of
 * proportions plus a table with badges and counts, so no status is told by colour alone.
 */
export function EvseStatusPanel({ evses }: { evses: Overview['evses'] }) {
  const rows = Object.entries(evses.by_status).sort(
    ([a, n], [b, m]) => statusLook(a).rank - statusLook(b).rank || m - n,
  );
  const percent = (n: number) => (evses.total === 0 ? 0 : (n / evses.total) * 100);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="evse-status-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="evse-status-heading">
          EVSEs by status
        </Title>
        <Text size="sm">{formatNumber(evses.total)} EVSEs</Text>
      </Group>
      {evses.total > 0 && (
        <Progress.Root size="lg" mb="sm" aria-hidden>
          {rows.map(([status, n]) => (
            <Progress.Section key={status} value={percent(n)} color={STATUS_HEX[statusLook(status).color]} />
          ))}
        </Progress.Root>
      )}
      <Table>
        <caption style={{ position: 'absolute', left: -9999 }}>EVSEs by published status</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Status</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>EVSEs</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Share</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([status, n]) => (
            <Table.Tr key={status} data-testid={`evse-status-${status}`}>
              <Table.Td>
                <StatusBadge status={status} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatNumber(n)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{percent(n).toFixed(1)} %</Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3}>No EVSEs yet.</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {evses.on_offline_stations > 0 && (
        <Text size="xs" mt="xs">
          {formatNumber(evses.on_offline_stations)} of the UNKNOWN belong to offline stations.
        </Text>
      )}
    </Paper>
  );
}
