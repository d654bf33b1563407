import { Alert, Loader, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { CommandsTab } from './CommandsTab.js';
import { ConfigurationTab } from './ConfigurationTab.js';
import { EventsTab } from './EventsTab.js';
import { FramesTab } from './FramesTab.js';
import { PowerTab } from './PowerTab.js';
import { SessionsTab } from './SessionsTab.js';
import { StationHeader } from './StationHeader.js';
import { StatusTab } from './StatusTab.js';
import { STATION_TABS, type StationSearch, type StationTab } from './search.js';
import { fetchSummary, stationKeys } from './station-api.js';

const route = getRouteApi('/shell/stations/$identity');

const TAB_LABELS: Record<StationTab, string> = {
  status: 'Status',
  power: 'Power',
  frames: 'Frames',
  events: 'Events',
  commands: 'Commands',
  configuration: 'Configuration',
  sessions: 'Sessions',
};

/**
 * One station: its header, then tabs (kept in the URL) for the connector status timeline, live
 * power, the OCPP frame log, its event log, commands, configuration and its sessions.
 */
export function StationScreen() {
  const { identity } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const tab = search.tab ?? 'status';
  const update = (patch: Partial<StationSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const summary = useQuery({ queryKey: stationKeys.summary(identity), queryFn: () => fetchSummary(identity) });
  const timeZone = summary.data?.time_zone ?? null;

  return (
    <Stack gap="md">
      <StationHeader identity={identity} summary={summary.data} />
      {summary.isPending && <Loader size="sm" aria-label="Loading station" />}
      {summary.error && (
        <Alert color="red" title="Could not load the station">
          {summary.error.message}
        </Alert>
      )}
      {summary.data && (
        <Tabs
          value={tab}
          onChange={(value) => update({ tab: (value as StationTab | null) ?? undefined })}
          keepMounted={false}
        >
          <Tabs.List aria-label="Station views">
            {STATION_TABS.map((t) => (
              <Tabs.Tab key={t} value={t}>
                {TAB_LABELS[t]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="status" pt="md">
            <StatusTab
              identity={identity}
              range={search.range ?? '24h'}
              onRange={(range) => update({ range })}
              timeZone={timeZone}
            />
          </Tabs.Panel>
          <Tabs.Panel value="power" pt="md">
            <PowerTab
              identity={identity}
              range={search.range ?? '6h'}
              onRange={(range) => update({ range })}
              timeZone={timeZone}
            />
          </Tabs.Panel>
          <Tabs.Panel value="frames" pt="md">
            <FramesTab
              identity={identity}
              filters={{ action: search.action, direction: search.direction, violations: search.violations }}
              onFilters={(f) => update(f)}
              timeZone={timeZone}
            />
          </Tabs.Panel>
          <Tabs.Panel value="events" pt="md">
            <EventsTab identity={identity} kind={search.kind} onKind={(kind) => update({ kind })} timeZone={timeZone} />
          </Tabs.Panel>
          <Tabs.Panel value="commands" pt="md">
            <CommandsTab identity={identity} protocol={summary.data.protocol} timeZone={timeZone} />
          </Tabs.Panel>
          <Tabs.Panel value="configuration" pt="md">
            <ConfigurationTab identity={identity} timeZone={timeZone} />
          </Tabs.Panel>
          <Tabs.Panel value="sessions" pt="md">
            <SessionsTab identity={identity} timeZone={timeZone} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
