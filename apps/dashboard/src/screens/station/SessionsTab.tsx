import { Alert, Anchor, Badge, Loader, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useFormatTime } from '../../app/time-zone.js';
import { fetchStationSessions, stationKeys } from './station-api.js';

/** The station's transactions, newest first, each linking to its session detail (by transaction row id). */
export function SessionsTab({ identity, timeZone }: { identity: string; timeZone: string | null }) {
  const formatTime = useFormatTime();
  const sessions = useQuery({
    queryKey: stationKeys.sessions(identity),
    queryFn: () => fetchStationSessions(identity),
  });
  const items = sessions.data?.items ?? [];
  return (
    <Stack gap="sm">
      {sessions.isPending && <Loader size="sm" aria-label="Loading sessions" />}
      {sessions.error && <Alert color="red">{sessions.error.message}</Alert>}
      {sessions.data && (
        <Text size="sm" c="dimmed">
          {sessions.data.total} session{sessions.data.total === 1 ? '' : 's'}
          {sessions.data.total > items.length ? `, the newest ${items.length} shown` : ''}.
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label="Sessions of this station">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Transaction</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>EVSE / connector</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Started</Table.Th>
                <Table.Th>Stopped</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>kWh</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Cost incl. VAT</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id} data-testid={`station-session-${s.id}`}>
                  <Table.Td>
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/sessions/$sessionId" params={{ sessionId: String(s.id) }} />
                      )}
                    >
                      {s.transaction_id}
                    </Anchor>
                    {s.session_id && (
                      <Text size="xs" c="dimmed">
                        OCPI {s.session_id}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={s.status === 'active' ? 'blue' : 'gray'}>
                      {s.status === 'active' ? 'Active' : 'Completed'}
                    </Badge>
                    {s.stop_reason && (
                      <Text size="xs" c="dimmed">
                        {s.stop_reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {s.evse_id ?? '—'} / {s.connector_id ?? '—'}
                  </Table.Td>
                  <Table.Td>{s.id_token ?? '—'}</Table.Td>
                  <Table.Td>{formatTime(s.started_at, timeZone)}</Table.Td>
                  <Table.Td>{formatTime(s.stopped_at, timeZone)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{(s.energy_wh / 1000).toFixed(3)}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>
                    {s.total_cost_incl_vat ? `${s.total_cost_incl_vat} ${s.currency ?? ''}` : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {sessions.data && items.length === 0 && <Text c="dimmed">No sessions at this station yet.</Text>}
    </Stack>
  );
}
