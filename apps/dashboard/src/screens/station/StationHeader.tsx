import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconHourglass, IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import type { StationSummary } from './station-api.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Online or offline as icon and words (never colour alone). */
export function OnlineBadge({ online }: { online: boolean }) {
  return online ? (
    <Badge color="green" variant="light" leftSection={<IconPlugConnected size={14} aria-hidden />}>
      Online
    </Badge>
  ) : (
    <Badge color="gray" variant="light" leftSection={<IconPlugConnectedX size={14} aria-hidden />}>
      Offline
    </Badge>
  );
}

/** How the hub answers the station's boot, when not simply Accepted (icon and words). */
function RegistrationBadge({ status }: { status: string }) {
  if (status === 'Accepted') return null;
  const rejected = status === 'Rejected';
  return (
    <Badge
      color={rejected ? 'red' : 'orange'}
      variant="light"
      leftSection={rejected ? <IconBan size={14} aria-hidden /> : <IconHourglass size={14} aria-hidden />}
    >
      Registration {status}
    </Badge>
  );
}

/** The latest provisioning run, in one line. */
function provisioningText(p: NonNullable<StationSummary['provisioning']>, when: string): string {
  if (p.outcome === 'failed') return `failed ${when}: ${p.detail}`;
  return `${p.accepted ? 'accepted' : 'read, not accepted'} ${when} (${p.detail})`;
}

/** Identity, party, location, protocol, online / last seen, firmware, schema violations, EVSE statuses. */
export function StationHeader({ identity, summary }: { identity: string; summary: StationSummary | undefined }) {
  const formatTime = useFormatTime();
  const tz = summary?.time_zone ?? null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text size="sm">
              <Anchor component={Link} to="/stations" underline="always">
                Stations
              </Anchor>{' '}
              / station
            </Text>
            <Title order={1}>{identity}</Title>
          </Stack>
          {summary && (
            <Group gap="xs">
              <OnlineBadge online={summary.online} />
              <RegistrationBadge status={summary.registration_status} />
              <Badge variant="outline">OCPP {summary.protocol ?? 'unknown'}</Badge>
              {summary.schema_violations > 0 ? (
                <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
                  {summary.schema_violations} schema violation{summary.schema_violations === 1 ? '' : 's'}
                </Badge>
              ) : (
                <Badge color="gray" variant="outline">
                  No schema violations
                </Badge>
              )}
            </Group>
          )}
        </Group>
        {summary && (
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="dl" m={0}>
            <Fact label="Party">
              {summary.country_code}-{summary.party_id}
              {summary.party_name ? ` (${summary.party_name})` : ''}
            </Fact>
            <Fact label="Location">
              {summary.location_name ?? summary.location_id ?? '—'}
              {summary.time_zone ? ` · ${summary.time_zone}` : ''}
            </Fact>
            <Fact label={summary.online ? 'Online, last seen' : 'Offline, last seen'}>
              {summary.last_seen ? formatTime(summary.last_seen, tz) : 'never connected'}
            </Fact>
            <Fact label="Firmware">{summary.firmware ?? '—'}</Fact>
            <Fact label="Vendor / model">{[summary.vendor, summary.model].filter(Boolean).join(' / ') || '—'}</Fact>
            <Fact label="Last boot">{formatTime(summary.last_boot, tz)}</Fact>
            {summary.provisioning && (
              <Fact label="Provisioning">
                {provisioningText(summary.provisioning, formatTime(summary.provisioning.at, tz))}
              </Fact>
            )}
          </SimpleGrid>
        )}
        {summary && summary.evses.length > 0 && (
          <Group gap="xs" aria-label="EVSE statuses">
            {summary.evses.map((evse) => (
              <Group key={evse.uid} gap={4}>
                <Text size="sm">EVSE {evse.evse_id ?? evse.ocpp_evse_id}:</Text>
                <StatusBadge status={summary.online ? evse.status : 'OFFLINE'} />
              </Group>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
