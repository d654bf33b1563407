import { Stack, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback } from 'react';
import { StationFilterFields } from '../../components/StationFilterFields.js';
import { StationsTable } from './StationsTable.js';

const route = getRouteApi('/shell/stations');

/** Every station, filtered and sorted on the server, live: filters and order live in the URL. */
export function StationsScreen() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { sort = 'identity', ...filters } = search;
  const update = useCallback(
    (patch: Partial<typeof search>) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  return (
    <Stack gap="sm">
      <Title order={1}>Stations</Title>
      <StationFilterFields
        fields={['q', 'party', 'location', 'protocol', 'status', 'online']}
        value={filters}
        onChange={update}
      />
      <StationsTable filters={filters} sort={sort} onSort={(next) => update({ sort: next })} />
    </Stack>
  );
}
