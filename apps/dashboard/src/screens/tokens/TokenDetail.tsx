import { Alert, CloseButton, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useFormatTime } from '../../app/time-zone.js';
import { type AuthorizationItem, fetchAuthorizations, type TokenItem, tokenKeys } from './tokens-api.js';

/** Accepted or refused, as icon, colour and words (the hub's verdict, e.g. "no credit"). */
export function VerdictBadge({ accepted, result }: { accepted: boolean; result: string }) {
  const Icon = accepted ? IconCircleCheck : IconCircleX;
  return (
    <Group gap={4} wrap="nowrap" data-result={result}>
      <Icon size={16} aria-hidden color={`var(--mantine-color-${accepted ? 'green' : 'red'}-filled)`} />
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {accepted ? 'Accepted' : `Refused: ${result.replaceAll('_', ' ')}`}
      </Text>
    </Group>
  );
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="xs">{label}</Text>
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        {value || '—'}
      </Text>
    </Stack>
  );
}

function AuthorizationRow({ a }: { a: AuthorizationItem }) {
  const formatTime = useFormatTime();
  return (
    <Table.Tr data-testid={`authorization-row-${a.id}`} data-accepted={a.accepted}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(a.at)}</Table.Td>
      <Table.Td>
        <VerdictBadge accepted={a.accepted} result={a.result} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{a.why}</Text>
        {a.reason && <Text size="xs">Recorded reason: {a.reason}</Text>}
      </Table.Td>
      <Table.Td>{a.source_label}</Table.Td>
      <Table.Td>{a.trigger ?? '—'}</Table.Td>
      <Table.Td>
        {a.station_identity ?? '—'}
        {a.location_id ? <Text size="xs">location {a.location_id}</Text> : null}
      </Table.Td>
      <Table.Td>{a.partner_name ?? a.partner_id ?? '—'}</Table.Td>
    </Table.Tr>
  );
}

/** One token: what the hub knows of it and its recent authorizations with why each went as it did. */
export function TokenDetail({
  uid,
  token,
  onClose,
}: {
  uid: string;
  token: TokenItem | undefined;
  onClose: () => void;
}) {
  const formatTime = useFormatTime();
  const auths = useQuery({
    queryKey: tokenKeys.authorizations(uid),
    queryFn: () => fetchAuthorizations(uid),
    refetchInterval: 15_000,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="token-detail-heading" data-testid="token-detail">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="token-detail-heading">
            Token {uid}
          </Title>
          <CloseButton aria-label="Close token details" onClick={onClose} />
        </Group>
        {token && (
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
            <Field label="Owner" value={`${token.country_code}-${token.party_id}`} />
            <Field label="Contract id" value={token.contract_id} />
            <Field label="Type" value={token.type} />
            <Field label="Visual number" value={token.visual_number} />
            <Field label="Source" value={token.source === 'local' ? 'local card (hosted CPO)' : 'roaming (eMSP)'} />
            <Field label="eMSP partner" value={token.partner_name ?? token.partner_id} />
            <Field label="Whitelist" value={token.whitelist} />
            <Field label="Valid" value={token.valid ? 'yes' : 'no'} />
            <Field label="Issuer" value={token.issuer} />
            <Field label="Last updated" value={formatTime(token.last_updated)} />
          </SimpleGrid>
        )}
        <Title order={3} size="h4" id="token-auth-heading">
          Recent authorizations
        </Title>
        {auths.isPending && <Loader size="sm" aria-label="Loading authorizations" />}
        {auths.error && (
          <Alert
            color="red"
            icon={<IconAlertCircle aria-hidden />}
            title="Authorizations could not be loaded"
            role="alert"
          >
            {auths.error.message}
          </Alert>
        )}
        {auths.data && auths.data.items.length === 0 && <Text size="sm">No station has presented this token yet.</Text>}
        {auths.data && auths.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="xs" aria-labelledby="token-auth-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Time</Table.Th>
                  <Table.Th scope="col">Verdict</Table.Th>
                  <Table.Th scope="col">Why</Table.Th>
                  <Table.Th scope="col">Decided by</Table.Th>
                  <Table.Th scope="col">OCPP message</Table.Th>
                  <Table.Th scope="col">Station</Table.Th>
                  <Table.Th scope="col">Partner</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {auths.data.items.map((a) => (
                  <AuthorizationRow key={a.id} a={a} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
