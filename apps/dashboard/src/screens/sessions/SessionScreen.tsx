import { Alert, Anchor, Grid, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { CostBreakdownView } from '../../components/CostBreakdownView.js';
import { PushTrailTables } from './PushTrailTables.js';
import { SessionCdr } from './SessionCdr.js';
import { SessionPowerChart } from './SessionPowerChart.js';
import { SessionStatusBadge } from './SessionStatusBadge.js';
import { SessionTimeline } from './SessionTimeline.js';
import { duration, fetchSession, money, sessionKeys } from './sessions-api.js';

const route = getRouteApi('/shell/sessions/$sessionId');

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * One charging session (`/sessions/{transaction row id}`): what, where and who; the kWh / kW /
 * SoC chart; the event timeline; the running cost explained by the tariff engine; its CDR; and
 * its OCPI push trail. Live `transaction` events refresh it (the ['session'] prefix).
 */
export function SessionScreen() {
  const { sessionId } = route.useParams();
  const id = Number(sessionId);
  const format = useFormatTime();
  const detail = useQuery({
    queryKey: sessionKeys.detail(id),
    queryFn: () => fetchSession(id),
    enabled: Number.isSafeInteger(id) && id > 0,
    refetchInterval: (query) => (query.state.data?.session.status === 'active' ? 15_000 : false),
  });
  if (!Number.isSafeInteger(id) || id <= 0) {
    return (
      <Stack>
        <Title order={1}>Session</Title>
        <Alert color="red" role="alert" title="Not a session id">
          “{sessionId}” is not a session id.
        </Alert>
      </Stack>
    );
  }
  const data = detail.data;
  const s = data?.session;
  const zoned = (iso: string | null) => format(iso, s?.time_zone);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{s ? `Session ${s.transaction_id} at ${s.identity}` : 'Session'}</Title>
        {s && (
          <SessionStatusBadge status={s.status} chargingState={s.charging_state} sessionStatus={s.session_status} />
        )}
      </Group>
      {detail.isPending && <Loader size="sm" role="status" aria-label="Loading the session" />}
      {detail.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="The session could not be loaded" role="alert">
          {detail.error.message}
        </Alert>
      )}
      {data && s && (
        <>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
              <Fact label="Station">
                <Anchor
                  underline="always"
                  renderRoot={(props) => <Link {...props} to="/stations/$identity" params={{ identity: s.identity }} />}
                >
                  {s.identity}
                </Anchor>{' '}
                ({s.party})
              </Fact>
              <Fact label="EVSE / connector">
                {s.evse_id ?? s.evse_uid ?? '—'} · {s.connector_id ?? s.ocpp_connector_id ?? '—'}
              </Fact>
              <Fact label="Token">
                {s.token ? `${s.token.uid}${s.token.owner ? ` (${s.token.owner})` : ''}` : '—'}
                {data.token_detail?.contract_id ? ` · ${data.token_detail.contract_id}` : ''}
              </Fact>
              <Fact label="Partner">{s.partner_id ?? 'none (local)'}</Fact>
              <Fact label="Started">{zoned(s.started_at)}</Fact>
              <Fact label={s.stopped_at ? 'Stopped' : 'Running for'}>
                {s.stopped_at ? zoned(s.stopped_at) : duration(s.started_at, null)}
                {s.stop_reason ? ` (${s.stop_reason})` : ''}
              </Fact>
              <Fact label="Energy">{s.energy_kwh} kWh</Fact>
              <Fact label="Power now">{s.power_kw === null ? '—' : `${s.power_kw} kW`}</Fact>
              <Fact label="State of charge">{s.soc === null ? '—' : `${s.soc} %`}</Fact>
              <Fact label={s.cost_source === 'estimate' ? 'Cost so far, incl. VAT' : 'Cost, incl. VAT'}>
                <span data-testid="session-cost">
                  {money(s.cost_so_far?.incl_vat ?? s.cost_so_far?.excl_vat, s.currency)}
                </span>
              </Fact>
              <Fact label="OCPI session">
                {s.session_id ?? '—'}
                {s.session_status ? ` · ${s.session_status}` : ''}
              </Fact>
              <Fact label="Auth">{data.token_detail?.auth_method ?? '—'}</Fact>
            </SimpleGrid>
          </Paper>
          <SessionPowerChart meter={data.meter} timeZone={s.time_zone} />
          <Grid>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Section id="timeline-heading" title="Event timeline">
                <SessionTimeline entries={data.timeline} format={(iso) => zoned(iso)} />
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Section id="cost-heading" title={s.status === 'active' ? 'Running cost' : 'Cost'}>
                <CostBreakdownView breakdown={data.cost} headingLevel={3} formatTime={(iso) => zoned(iso)} />
              </Section>
            </Grid.Col>
          </Grid>
          <Section id="cdr-heading" title="CDR">
            {data.cdr ? (
              <SessionCdr cdr={data.cdr} credits={data.credits} format={zoned} />
            ) : (
              <Text c="dimmed">
                {s.status === 'active'
                  ? 'The CDR is issued when the session ends.'
                  : 'No CDR (yet): it is being built, or the session was invalid.'}
              </Text>
            )}
          </Section>
          <Section id="push-heading" title="OCPI push trail">
            <PushTrailTables trail={data.push_trail} format={zoned} />
          </Section>
        </>
      )}
    </Stack>
  );
}
