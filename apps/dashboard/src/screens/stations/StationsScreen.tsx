import { Stack, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { StationFilterFields, type StationFilterValues } from '../../components/StationFilterFields.js';
import { StationsTable } from './StationsTable.js';

const route = getRouteApi('/shell/stations');

/** Every station, filtered and sorted on the server, live: filters and order live in the URL. */
export function StationsScreen() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { sort = 'identity', ...filters } = search;
  const update = (patch: Partial<typeof search>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  return (
    <Stack gap="sm">
      <Title order={1}>Stations</Title>
      <StationFilterFields
        fields={['q', 'party', 'location', 'protocol', 'status', 'online']}
        value={filters}
        onChange={(patch: Partial<StationFilterValues>) => update(patch)}
      />
      <StationsTable filters={filters} sort={sort} onSort={(next) => update({ sort: next })} />
    </Stack>
  );
}
