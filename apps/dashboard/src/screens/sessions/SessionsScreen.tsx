import { Alert, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { LiveEventMap } from '../../live/event-types.js';
import { useLiveEvent } from '../../live/LiveEventsProvider.js';
import { SessionFilters } from './SessionFilters.js';
import { SessionsTable } from './SessionsTable.js';
import type { SessionsSearch } from './search.js';
import { type ChargingSessionPage, fetchSessions, SESSIONS_PAGE_SIZE, sessionKeys } from './sessions-api.js';

const route = getRouteApi('/shell/sessions');

/** Applies a live transaction event to the cached rows at once (the refetch follows within a second). */
function patchPage(page: ChargingSessionPage | undefined, e: LiveEventMap['transaction']) {
  if (!page?.items.some((s) => s.id === e.id)) return page;
  return {
    ...page,
    items: page.items.map((s) =>
      s.id === e.id
        ? {
            ...s,
            status: e.status === 'completed' ? ('completed' as const) : ('active' as const),
            energy_kwh: e.energy_wh === null ? s.energy_kwh : Math.round(e.energy_wh * 10) / 10_000,
            power_kw:
              e.status === 'completed' ? null : e.power_w === null ? s.power_kw : Math.round(e.power_w / 100) / 10,
            soc: e.soc ?? s.soc,
            stopped_at: e.stopped_at ?? s.stopped_at,
          }
        : s,
    ),
  };
}

/**
 * Charging sessions, live and past: one row per transaction with energy, power, running cost by
 * the hub's tariff engine, its partner and CDR. Filters and page live in the URL; live
 * `transaction` events update rows in place and refresh the list.
 */
export function SessionsScreen() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const update = (patch: Partial<SessionsSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const list = useQuery({
    queryKey: sessionKeys.list(search),
    queryFn: () => fetchSessions(search),
    placeholderData: keepPreviousData,
    // Running costs move with every meter sample; live events refresh sooner.
    refetchInterval: search.status === 'completed' ? false : 30_000,
  });
  useLiveEvent('transaction', (e) => {
    queryClient.setQueriesData<ChargingSessionPage>({ queryKey: ['sessions', 'list'] }, (page) => patchPage(page, e));
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / SESSIONS_PAGE_SIZE)) : 1;
  const active = list.data?.items.filter((s) => s.status === 'active').length ?? 0;
  return (
    <Stack gap="md">
      <Title order={1}>Sessions</Title>
      <SessionFilters value={search} onChange={update} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {list.data
            ? `${list.data.total} session${list.data.total === 1 ? '' : 's'}${active > 0 ? `, ${active} active on this page` : ''}`
            : 'Loading sessions…'}
        </Text>
        {list.isFetching && <Loader size="xs" role="status" aria-label="Refreshing sessions" />}
      </Group>
      {list.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Sessions could not be loaded" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.data && list.data.items.length === 0 && <Text>No sessions match these filters.</Text>}
      {list.data && list.data.items.length > 0 && <SessionsTable rows={list.data.items} />}
      {pages > 1 && (
        <Pagination
          total={pages}
          value={search.page ?? 1}
          onChange={(page) => update({ page: page > 1 ? page : undefined })}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        />
      )}
    </Stack>
  );
}
