import { Badge, Group, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useLiveConnection } from '../../live/LiveEventsProvider.js';
import { type SystemHealth, uptime } from './system-api.js';

function Check({ name, ok }: { name: string; ok: boolean }) {
  const Icon = ok ? IconCircleCheck : IconCircleX;
  return (
    <List.Item
      data-testid={`health-check-${name}`}
      data-ok={ok}
      icon={<Icon size={18} aria-hidden color={`var(--mantine-color-${ok ? 'green' : 'red'}-filled)`} />}
    >
      {name}: {ok ? 'ok' : 'failing'}
    </List.Item>
  );
}

/** Readiness (as /health/ready), how the hub runs, and this browser's live-event connection. */
export function HealthPanel({ health }: { health: SystemHealth }) {
  const live = useLiveConnection();
  const ready = health.status === 'ready';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="health-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="health-heading">
          Health
        </Title>
        <Badge
          variant="outline"
          tt="none"
          color={ready ? 'green' : 'red'}
          styles={{ label: { color: 'var(--mantine-color-text)' } }}
          data-testid="system-health"
          data-status={health.status}
        >
          {ready ? 'Ready' : 'Unavailable'}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <List spacing={4} size="sm" aria-label="Readiness checks">
          {Object.entries(health.checks).map(([name, ok]) => (
            <Check key={name} name={name} ok={ok} />
          ))}
          <Check name="live events (this browser)" ok={live === 'open'} />
        </List>
        <dl style={{ margin: 0 }}>
          {[
            ['Mode', health.mode],
            ['Database', health.database],
            ['Job runner', health.jobs],
            ['Hub party', `${health.hub.country_code}*${health.hub.party_id}`],
            ['API uptime', uptime(health.uptime_s)],
          ].map(([term, value]) => (
            <Group key={term} gap="xs">
              <Text component="dt" size="sm" fw={500}>
                {term}:
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value}
              </Text>
            </Group>
          ))}
        </dl>
      </SimpleGrid>
    </Paper>
  );
}
