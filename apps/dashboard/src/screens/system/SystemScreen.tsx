import { Alert, Badge, Grid, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useFormatTime } from '../../app/time-zone.js';
import { HealthPanel } from './HealthPanel.js';
import { fetchHealth, fetchNodes, fetchQueues, type GatewayNodes, type JobQueues, systemKeys } from './system-api.js';

const hidden = { position: 'absolute', left: -9999 } as const;

/** Gateway nodes with their station connections, job queue depths and health, polled every 5 s. */
export function SystemScreen() {
  const health = useQuery({ queryKey: systemKeys.health, queryFn: fetchHealth, refetchInterval: 5000 });
  const nodes = useQuery({ queryKey: systemKeys.nodes, queryFn: fetchNodes, refetchInterval: 5000 });
  const queues = useQuery({ queryKey: systemKeys.queues, queryFn: fetchQueues, refetchInterval: 5000 });
  const error = health.error ?? nodes.error ?? queues.error;
  return (
    <Stack gap="md">
      <Title order={1}>System</Title>
      {error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="System state could not be loaded" role="alert">
          {error.message}
        </Alert>
      )}
      {health.data ? <HealthPanel health={health.data} /> : <Loader size="sm" aria-label="Loading health" />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          {nodes.data ? <NodesPanel nodes={nodes.data} /> : <Loader size="sm" aria-label="Loading gateway nodes" />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          {queues.data ? <QueuesPanel queues={queues.data} /> : <Loader size="sm" aria-label="Loading job queues" />}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function NodesPanel({ nodes }: { nodes: GatewayNodes }) {
  const format = useFormatTime();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="nodes-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="nodes-heading">
          Gateway nodes
        </Title>
        <Text size="sm" data-testid="system-connections">
          {nodes.total_connections} station connection{nodes.total_connections === 1 ? '' : 's'}
        </Text>
      </Group>
      {nodes.nodes.length === 0 ? (
        <Text>No station is connected to any gateway node.</Text>
      ) : (
        <Table>
          <caption style={hidden}>Gateway nodes and their station connections</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Node</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Connections</Table.Th>
              <Table.Th>Latest station activity</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nodes.nodes.map((n) => (
              <Table.Tr key={n.node} data-testid={`system-node-${n.node}`} data-connections={n.connections}>
                <Table.Td>
                  <Group gap="xs">
                    <Text ff="monospace" size="sm">
                      {n.node}
                    </Text>
                    {n.node === nodes.this_node && (
                      <Badge
                        size="xs"
                        variant="outline"
                        tt="none"
                        styles={{ label: { color: 'var(--mantine-color-text)' } }}
                      >
                        this process
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{n.connections}</Table.Td>
                <Table.Td>{format(n.last_seen)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" mt="xs">
        Answered by node {nodes.this_node ?? 'unknown'}.
      </Text>
    </Paper>
  );
}

function QueuesPanel({ queues }: { queues: JobQueues }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="queues-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="queues-heading">
          Job queues
        </Title>
        <Text size="sm">runner: {queues.runner}</Text>
      </Group>
      <Table>
        <caption style={hidden}>Job queue depths</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Queue</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Waiting</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Active</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Delayed</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Failed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queues.queues.map((q) => (
            <Table.Tr key={q.name} data-testid={`system-queue-${q.name}`}>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {q.name}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{q.waiting}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{q.active}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{q.delayed}</Table.Td>
              <Table.Td style={{ textAlign: 'right', fontWeight: q.failed > 0 ? 700 : undefined }}>{q.failed}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
