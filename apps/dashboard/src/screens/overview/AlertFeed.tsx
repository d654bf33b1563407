import { Anchor, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useFormatTime } from '../../app/time-zone.js';
import { AlertStatusBadge, SeverityBadge } from '../../components/AlertBadges.js';
import type { LiveEventMap } from '../../live/event-types.js';
import { useLiveConnection, useLiveEvent } from '../../live/LiveEventsProvider.js';
import { type AlertItem, fetchAlertFeed, overviewKeys } from './overview-api.js';

const FEED_LENGTH = 15;

/** Merges a live `alert` event into the feed: updated in place, or new on top. */
function merge(items: AlertItem[] | undefined, e: LiveEventMap['alert']): AlertItem[] | undefined {
  if (!items || e.status === 'pending') return items;
  const known = items.find((a) => a.id === e.id);
  const next: AlertItem = {
    ...(known ?? {
      details: {},
      first_seen_at: e.opened_at ?? e.updated_at,
      acknowledged_at: null,
      acknowledged_by: null,
      resolved_at: null,
    }),
    id: e.id,
    rule: e.rule,
    subject: e.subject,
    severity: e.severity,
    status: e.status as AlertItem['status'],
    message: e.message,
    opened_at: e.opened_at,
    updated_at: e.updated_at,
  };
  return known ? items.map((a) => (a.id === e.id ? next : a)) : [next, ...items].slice(0, FEED_LENGTH);
}

/** The newest alerts, kept current by the live `alert` events (no reload, no polling). */
export function AlertFeed() {
  const queryClient = useQueryClient();
  const format = useFormatTime();
  const connection = useLiveConnection();
  const feed = useQuery({ queryKey: overviewKeys.alertFeed, queryFn: fetchAlertFeed });
  useLiveEvent('alert', (e) =>
    queryClient.setQueryData<AlertItem[]>(overviewKeys.alertFeed, (items) => merge(items, e)),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="alert-feed-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="alert-feed-heading">
          Live alerts
        </Title>
        <Group gap="xs">
          <Text size="xs" role="status">
            {connection === 'open' ? 'Live' : connection === 'connecting' ? 'Connecting…' : 'Disconnected'}
          </Text>
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/alerts" />}>
            All alerts
          </Anchor>
        </Group>
      </Group>
      {feed.isPending && <Loader size="sm" aria-label="Loading alerts" />}
      {feed.error && <Text role="alert">Alerts could not be loaded: {feed.error.message}</Text>}
      {feed.data?.length === 0 && <Text>No alerts. All quiet.</Text>}
      <Stack gap="xs" component="ol" aria-label="Newest alerts" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {feed.data?.map((a) => (
          <li
            key={a.id}
            data-testid={`alert-feed-${a.id}`}
            data-rule={a.rule}
            data-subject={a.subject}
            data-status={a.status}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <AlertStatusBadge status={a.status} />
              <SeverityBadge severity={a.severity} />
              <div style={{ minWidth: 0 }}>
                <Text size="sm">{a.message}</Text>
                <Text size="xs">
                  {a.rule} · {a.subject} · {format(a.opened_at ?? a.updated_at)}
                </Text>
              </div>
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
