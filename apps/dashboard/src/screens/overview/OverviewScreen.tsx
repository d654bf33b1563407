import { Alert, Grid, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatTime } from '../../app/time-zone.js';
import { useLiveEvent } from '../../live/LiveEventsProvider.js';
import { AlertFeed } from './AlertFeed.js';
import { EvseStatusPanel } from './EvseStatusPanel.js';
import { KpiCards } from './KpiCards.js';
import { fetchOverview, fetchPower, fetchSessionsPerHour, type Overview, overviewKeys } from './overview-api.js';
import { PowerChart } from './PowerChart.js';
import { SessionsPerHourChart } from './SessionsPerHourChart.js';

const HOURS = 24;

/**
 * The network at a glance: KPI cards and EVSEs by status (refreshed by the live `overview`
 * events the server sends when the counters change), power per CPO and sessions per hour over
 * the last 24 h (refetched every minute), and the live alert feed.
 */
export function OverviewScreen() {
  const queryClient = useQueryClient();
  const format = useFormatTime();
  const kpis = useQuery({ queryKey: overviewKeys.kpis, queryFn: fetchOverview, refetchInterval: 30_000 });
  const power = useQuery({
    queryKey: overviewKeys.power(HOURS),
    queryFn: () => fetchPower(HOURS),
    refetchInterval: 60_000,
  });
  const perHour = useQuery({
    queryKey: overviewKeys.sessionsPerHour(HOURS),
    queryFn: () => fetchSessionsPerHour(HOURS),
    refetchInterval: 60_000,
  });
  // The server sends the counters whenever they change (every few seconds at most).
  useLiveEvent('overview', (e) =>
    queryClient.setQueryData<Overview>(overviewKeys.kpis, {
      ...(e as unknown as Omit<Overview, 'generated_at'>),
      generated_at: new Date().toISOString(),
    }),
  );

  return (
    <Stack gap="md">
      <Title order={1}>Overview</Title>
      {kpis.isPending && <Loader size="sm" aria-label="Loading the overview" />}
      {kpis.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="The overview could not be loaded" role="alert">
          {kpis.error.message}
        </Alert>
      )}
      {kpis.data && (
        <section aria-labelledby="kpi-heading">
          <Title order={2} size="h4" id="kpi-heading" mb="xs">
            Now
          </Title>
          <KpiCards overview={kpis.data} />
          <Text size="xs" mt={4}>
            As of {format(kpis.data.generated_at)}
          </Text>
        </section>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            {power.data ? <PowerChart data={power.data} /> : <ChartState label="power chart" error={power.error} />}
            {perHour.data ? (
              <SessionsPerHourChart data={perHour.data} />
            ) : (
              <ChartState label="sessions per hour" error={perHour.error} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {kpis.data && <EvseStatusPanel evses={kpis.data.evses} />}
            <AlertFeed />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ChartState({ label, error }: { label: string; error: Error | null }) {
  if (error) {
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={`The ${label} could not be loaded`} role="alert">
        {error.message}
      </Alert>
    );
  }
  return <Loader size="sm" aria-label={`Loading the ${label}`} />;
}
