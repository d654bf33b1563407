import { Alert, Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { useMe } from '../../app/use-me.js';
import { allows } from '../../auth/session.js';
import { fetchConfiguration, sendCommand, stationKeys } from './station-api.js';

/** The request that reads the whole configuration: 1.6 GetConfiguration, 2.x a full base report. */
function readCommand(protocol: string | null) {
  return protocol === '1.6'
    ? { action: 'GetConfiguration', payload: {} }
    : {
        action: 'GetBaseReport',
        payload: { requestId: Math.floor(Date.now() / 1000) % 1_000_000, reportBase: 'FullInventory' },
      };
}

/** The station's 1.6 configuration keys or 2.x device-model variables, filterable, re-readable. */
export function ConfigurationTab({ identity, timeZone }: { identity: string; timeZone: string | null }) {
  const me = useMe();
  const formatTime = useFormatTime();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState('');
  const config = useQuery({
    queryKey: stationKeys.configuration(identity),
    queryFn: () => fetchConfiguration(identity),
  });
  const read = useMutation({
    mutationFn: () => sendCommand(identity, readCommand(config.data?.protocol ?? null)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: stationKeys.commands(identity) });
      // The answer (or the NotifyReport messages) lands a moment later.
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: stationKeys.configuration(identity) }), 3000);
    },
  });
  const rows = useMemo(() => {
    const needle = filter.toLowerCase();
    return (config.data?.variables ?? []).filter(
      (v) => !needle || `${v.component} ${v.variable} ${v.value ?? ''}`.toLowerCase().includes(needle),
    );
  }, [config.data, filter]);
  const is16 = config.data?.protocol === '1.6';

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <TextInput
          label="Filter"
          placeholder="component, variable or value"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
        {allows(me.role, 'operator') && (
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => read.mutate()}
            loading={read.isPending}
          >
            Read from station
          </Button>
        )}
      </Group>
      {read.error && <Alert color="red">{read.error.message}</Alert>}
      {read.data && (
        <Text size="sm" role="status">
          Asked the station for its configuration (command {read.data.id}); see the Commands tab for the answer.
        </Text>
      )}
      {config.isPending && <Loader size="sm" aria-label="Loading configuration" />}
      {config.error && <Alert color="red">{config.error.message}</Alert>}
      {config.data && rows.length === 0 && (
        <Text c="dimmed">
          {config.data.variables.length === 0
            ? 'Nothing known yet: the station has not reported its configuration. Use "Read from station".'
            : 'No variable matches the filter.'}
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped stickyHeader aria-label={is16 ? 'Configuration keys' : 'Device model variables'}>
            <Table.Thead>
              <Table.Tr>
                {!is16 && <Table.Th>Component</Table.Th>}
                <Table.Th>{is16 ? 'Key' : 'Variable'}</Table.Th>
                {!is16 && <Table.Th>Attribute</Table.Th>}
                <Table.Th>Value</Table.Th>
                <Table.Th>Read-only</Table.Th>
                <Table.Th>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((v) => {
                const where = [
                  v.component_instance && `instance ${v.component_instance}`,
                  v.evse_id ? `EVSE ${v.evse_id}` : '',
                  v.connector_id ? `connector ${v.connector_id}` : '',
                ]
                  .filter(Boolean)
                  .join(', ');
                return (
                  <Table.Tr
                    key={`${v.component}/${v.component_instance}/${v.evse_id}/${v.connector_id}/${v.variable}/${v.variable_instance}/${v.attribute_type}`}
                  >
                    {!is16 && (
                      <Table.Td>
                        {v.component}
                        {where ? ` (${where})` : ''}
                      </Table.Td>
                    )}
                    <Table.Td>
                      {v.variable}
                      {v.variable_instance ? ` [${v.variable_instance}]` : ''}
                    </Table.Td>
                    {!is16 && <Table.Td>{v.attribute_type}</Table.Td>}
                    <Table.Td style={{ wordBreak: 'break-all' }}>{v.value ?? '—'}</Table.Td>
                    <Table.Td>{v.readonly === null ? 'unknown' : v.readonly ? 'yes' : 'no'}</Table.Td>
                    <Table.Td>{formatTime(v.updated_at, timeZone)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
