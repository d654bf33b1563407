import { Accordion, Alert, Button, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useMe } from '../../app/use-me.js';
import { allows } from '../../auth/session.js';
import { useLiveEvent } from '../../live/LiveEventsProvider.js';
import { AlertRulesTable } from './AlertRulesTable.js';
import { AlertsTable } from './AlertsTable.js';
import {
  type AlertPage,
  alertKeys,
  applyAlertEvent,
  fetchAlertPage,
  fetchAlertRules,
  PAGE_SIZE,
  useAcknowledge,
} from './alerts-api.js';
import type { AlertsSearch } from './search.js';

const route = getRouteApi('/shell/alerts');

const STATUS_TABS = [
  { label: 'All', value: 'all' },
  { label: 'Open', value: 'open' },
  { label: 'Acknowledged', value: 'acknowledged' },
  { label: 'Resolved', value: 'resolved' },
];

/**
 * Alerts: open, acknowledged and resolved, and their history, filtered by status and rule (in
 * the URL). Live `alert` events update the rows in place within a second; operators acknowledge.
 */
export function AlertsScreen() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: alertKeys.rules, queryFn: fetchAlertRules, staleTime: 300_000 });
  const list = useInfiniteQuery({
    queryKey: alertKeys.list(search),
    queryFn: ({ pageParam }) => fetchAlertPage(search, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: AlertPage) => last.next_before_id ?? undefined,
  });
  const acknowledge = useAcknowledge();
  useLiveEvent('alert', (e) =>
    queryClient.setQueryData(alertKeys.list(search), (data: Parameters<typeof applyAlertEvent>[0]) =>
      applyAlertEvent(data, e, search),
    ),
  );
  const setSearch = (next: Partial<AlertsSearch>) => void navigate({ search: (prev) => ({ ...prev, ...next }) });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Title order={1}>Alerts</Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="alert-status-label">
            Status
          </Text>
          <SegmentedControl
            aria-labelledby="alert-status-label"
            data={STATUS_TABS}
            value={search.status ?? 'all'}
            onChange={(value) => setSearch({ status: value === 'all' ? undefined : (value as AlertsSearch['status']) })}
          />
        </Stack>
        <Select
          label="Rule"
          placeholder="All rules"
          clearable
          w={260}
          data={(rules.data ?? []).map((r) => ({ value: r.rule, label: r.title }))}
          value={search.rule ?? null}
          onChange={(value) => setSearch({ rule: value ?? undefined })}
        />
      </Group>

      {acknowledge.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Could not acknowledge" role="alert">
          {acknowledge.error.message}
        </Alert>
      )}
      {list.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Alerts could not be loaded" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending && <Loader size="sm" aria-label="Loading alerts" />}
      {list.data && (
        <section aria-labelledby="alert-list-heading">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="alert-list-heading">
              {search.status ? `${search.status[0]?.toUpperCase()}${search.status.slice(1)} alerts` : 'All alerts'}
            </Title>
            <Text size="sm" role="status">
              {items.length}
              {list.hasNextPage ? '+' : ''} shown
            </Text>
          </Group>
          {items.length === 0 ? (
            <Text>No alerts match.</Text>
          ) : (
            <AlertsTable
              items={items}
              rules={rules.data ?? []}
              canAcknowledge={allows(me.role, 'operator')}
              acknowledging={acknowledge.isPending ? (acknowledge.variables ?? null) : null}
              onAcknowledge={(id) => acknowledge.mutate(id)}
            />
          )}
          {list.hasNextPage && (
            <Button mt="sm" variant="default" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              Show {PAGE_SIZE} older alerts
            </Button>
          )}
        </section>
      )}

      <Accordion variant="separated">
        <Accordion.Item value="rules">
          <Accordion.Control>Rules and thresholds</Accordion.Control>
          <Accordion.Panel>
            {rules.data ? <AlertRulesTable rules={rules.data} /> : <Loader size="sm" aria-label="Loading rules" />}
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
