import { Alert, Grid, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { HealthPanel } from './HealthPanel.js';
import { NodesPanel } from './NodesPanel.js';
import { fetchHealth, fetchNodes, fetchQueues, type JobQueues, systemKeys } from './system-api.js';

const hidden = { position: 'absolute', left: -9999 } as const;

/** Gateway nodes (heartbeats, station connections), job queue depths and health, polled every 5 s. */
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
        <Grid.Col span={12}>
          {nodes.data ? <NodesPanel nodes={nodes.data} /> : <Loader size="sm" aria-label="Loading gateway nodes" />}
        </Grid.Col>
        <Grid.Col span={12}>
          {queues.data ? <QueuesPanel queues={queues.data} /> : <Loader size="sm" aria-label="Loading job queues" />}
        </Grid.Col>
      </Grid>
    </Stack>
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
