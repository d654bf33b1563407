import { Alert, Badge, CloseButton, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { apiJson } from '../../api/client.js';
import { useFormatTime } from '../../app/time-zone.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import classes from './map.module.css';
import type { MapPoint } from './map-points.js';

/** The fields of `GET /api/v1/stations/{identity}` the panel shows. */
interface StationView {
  identity: string;
  country_code: string;
  party_id: string;
  location_id: string | null;
  protocol: string | null;
  online: boolean;
  last_seen: string | null;
  evses: Array<{
    uid: string;
    evse_id: string | null;
    ocpp_evse_id: number;
    status: string;
    connectors: Array<{ connector_id: string; ocpp_status: string | null; error_code: string | null }>;
  }>;
}

/**
 * The side panel of the map: the clicked station (identity, online state, status of every
 * connector, link to its page), or a choice when a click hit several stations at one spot.
 */
export function StationPanel({
  identity,
  point,
  candidates,
  onSelect,
  onClose,
}: {
  identity?: string;
  point?: MapPoint;
  candidates: string[];
  onSelect: (identity: string) => void;
  onClose: () => void;
}) {
  if (!identity && candidates.length === 0) {
    return (
      <Paper withBorder p="sm">
        <Text size="sm">Select a station on the map or in the list to see its connectors.</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm" aria-live="polite">
      {identity ? (
        <StationDetails identity={identity} point={point} onClose={onClose} />
      ) : (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {candidates.length} stations here
            </Title>
            <CloseButton aria-label="Close station panel" onClick={onClose} />
          </Group>
          <ul className={classes.list}>
            {candidates.map((c) => (
              <li key={c} className={classes.listItem}>
                <button type="button" className={classes.listButton} onClick={() => onSelect(c)}>
                  {c}
                </button>
              </li>
            ))}
          </ul>
        </Stack>
      )}
    </Paper>
  );
}

function StationDetails({ identity, point, onClose }: { identity: string; point?: MapPoint; onClose: () => void }) {
  const formatTime = useFormatTime();
  const station = useQuery({
    queryKey: ['station', identity, 'summary'],
    queryFn: () => apiJson<StationView>(`/stations/${encodeURIComponent(identity)}`),
  });
  const s = station.data;
  return (
    <Stack gap="xs" data-testid="map-station-panel">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {identity}
        </Title>
        <CloseButton aria-label="Close station panel" onClick={onClose} />
      </Group>
      {point && (
        <Group gap="xs">
          <Text size="sm">Worst status:</Text>
          <StatusBadge status={point.worst_status} />
        </Group>
      )}
      {station.isPending && <Loader size="sm" aria-label="Loading station" />}
      {station.error && (
        <Alert color="red" title="Could not load the station">
          {station.error.message}
        </Alert>
      )}
      {s && (
        <>
          <Group gap="xs">
            <Badge variant="dot" color={s.online ? 'green' : 'gray'}>
              {s.online ? 'Online' : 'Offline'}
            </Badge>
            <Text size="sm">{s.protocol ? `OCPP ${s.protocol}` : 'Never connected'}</Text>
          </Group>
          <Text size="sm">
            {s.country_code}-{s.party_id}
            {s.location_id ? ` · location ${s.location_id}` : ''} · last seen {formatTime(s.last_seen)}
          </Text>
          <Table withTableBorder striped fz="sm" aria-label={`Connectors of ${identity}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">EVSE</Table.Th>
                <Table.Th scope="col">Connector</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.evses.flatMap((e) =>
                e.connectors.map((c) => (
                  <Table.Tr key={`${e.uid}/${c.connector_id}`}>
                    <Table.Td title={e.evse_id ?? e.uid}>{e.ocpp_evse_id}</Table.Td>
                    <Table.Td>{c.connector_id}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={c.ocpp_status} />
                      {c.error_code && c.error_code !== 'NoError' ? ` ${c.error_code}` : ''}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
          {s.evses.length === 0 && <Text size="sm">No EVSEs provisioned.</Text>}
        </>
      )}
      <Link to="/stations/$identity" params={{ identity }} className={classes.link}>
        Open station page
      </Link>
    </Stack>
  );
}
