import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconHeartbeat, IconHeartOff } from '@tabler/icons-react';
import { useFormatTime } from '../../app/time-zone.js';
import type { GatewayNodes } from './system-api.js';

type GatewayNode = GatewayNodes['nodes'][number];

const hidden = { position: 'absolute', left: -9999 } as const;
const textLabel = { label: { color: 'var(--mantine-color-text)' } };

/** Alive (heartbeating) or stale (stations still marked online, no heartbeat): icon and word with the colour. */
function NodeState({ node }: { node: GatewayNode }) {
  const Icon = node.alive ? IconHeartbeat : IconHeartOff;
  return (
    <Badge
      variant="outline"
      tt="none"
      color={node.alive ? 'green' : 'red'}
      styles={textLabel}
      leftSection={<Icon size={14} aria-hidden />}
      data-testid={`system-node-state-${node.node}`}
      data-alive={node.alive}
    >
      {node.alive ? 'Alive' : 'Stale'}
    </Badge>
  );
}

/**
 * Gateway nodes: every node that heartbeats (also with no station), and nodes that stopped
 * heartbeating while stations are still marked online on them (stale: the operator must look).
 */
export function NodesPanel({ nodes }: { nodes: GatewayNodes }) {
  const format = useFormatTime();
  const stale = nodes.nodes.filter((n) => !n.alive).length;
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
      {stale > 0 && (
        <Text size="sm" mb="xs" fw={500} data-testid="system-stale-nodes">
          {stale} stale node{stale === 1 ? '' : 's'}: no heartbeat, but stations are still marked online on{' '}
          {stale === 1 ? 'it' : 'them'}.
        </Text>
      )}
      {nodes.nodes.length === 0 ? (
        <Text>No gateway node is heartbeating and no station is connected.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <caption style={hidden}>Gateway nodes, their heartbeats and station connections</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Node</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Connections</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Sockets</Table.Th>
                <Table.Th>Last heartbeat</Table.Th>
                <Table.Th>Latest station activity</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {nodes.nodes.map((n) => (
                <Table.Tr
                  key={n.node}
                  data-testid={`system-node-${n.node}`}
                  data-connections={n.connections}
                  data-alive={n.alive}
                >
                  <Table.Td>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text ff="monospace" size="sm">
                          {n.node}
                        </Text>
                        {n.node === nodes.this_node && (
                          <Badge size="xs" variant="outline" tt="none" styles={textLabel}>
                            this process
                          </Badge>
                        )}
                      </Group>
                      {n.alive && (
                        <Text size="xs">
                          {n.roles.join(', ')}
                          {n.version ? ` · v${n.version}` : ''} · up since {format(n.started_at)}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <NodeState node={n} />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{n.connections}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{n.live_connections ?? '—'}</Table.Td>
                  <Table.Td>{n.alive ? format(n.last_heartbeat) : 'none (stopped heartbeating)'}</Table.Td>
                  <Table.Td>{format(n.last_seen)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" mt="xs">
        Connections: stations marked online on the node. Sockets: what the node reported in its last heartbeat. Answered
        by node {nodes.this_node ?? 'unknown'}.
      </Text>
    </Paper>
  );
}
