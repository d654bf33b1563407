import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMe } from '../../app/use-me.js';
import { allows } from '../../auth/session.js';
import { PartnerCard } from './PartnerCard.js';
import { fetchPartnerStats, partnerKeys } from './partners-api.js';
import { RegisterPartner } from './RegisterPartner.js';

/**
 * OCPI partners: registration in either direction, and per partner its health and per-module push
 * statistics (success / failure counts, last success, latency, backlog, last error and the
 * partner's answer), with re-push, credentials rotation and unregistration. Live `partner` events
 * refresh it; a slow poll covers counts that change without a health change.
 */
export function PartnersScreen() {
  const me = useMe();
  const stats = useQuery({ queryKey: partnerKeys.stats, queryFn: fetchPartnerStats, refetchInterval: 15_000 });
  const failing = stats.data?.filter((p) => p.health === 'failing').length ?? 0;
  return (
    <Stack gap="md">
      <Title order={1}>Partners</Title>
      {allows(me.role, 'admin') && <RegisterPartner />}
      <Stack gap="sm" component="section" aria-labelledby="connections-heading">
        <Group justify="space-between">
          <Title order={2} id="connections-heading">
            Connections
          </Title>
          {stats.data && (
            <Text size="sm" role="status">
              {stats.data.length} partner{stats.data.length === 1 ? '' : 's'}
              {failing > 0 ? `, ${failing} failing` : ''}
            </Text>
          )}
        </Group>
        {stats.isPending && <Loader size="sm" aria-label="Loading partners" />}
        {stats.error && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Partners could not be loaded" role="alert">
            {stats.error.message}
          </Alert>
        )}
        {stats.data?.length === 0 && <Text>No partners yet. Invite one, or connect to one.</Text>}
        {stats.data?.map((partner) => (
          <PartnerCard key={partner.id} partner={partner} />
        ))}
      </Stack>
    </Stack>
  );
}
