import { Alert, Anchor, Badge, Button, Code, Loader, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useFormatTime } from '../../app/time-zone.js';
import { useMe } from '../../app/use-me.js';
import { allows } from '../../auth/session.js';
import { cdrKeys, fetchUnacknowledged, retryDelivery } from './cdrs-api.js';

/** A delivery state in words, glyph and colour. */
function StateBadge({ status }: { status: string }) {
  const failed = status === 'failed';
  return (
    <Badge
      color={failed ? 'red' : 'orange'}
      variant="light"
      leftSection={<span aria-hidden>{failed ? '!' : '…'}</span>}
    >
      {status}
    </Badge>
  );
}

/**
 * CDRs a partner has not acknowledged: the push is still being retried or used its last attempt;
 * with the partner's last error and answer, a link to the session, and (admins) a re-send.
 */
export function UnacknowledgedCdrs({
  partner,
  onOpen,
}: {
  partner: string | undefined;
  onOpen: (cdrId: string) => void;
}) {
  const me = useMe();
  const format = useFormatTime();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: cdrKeys.unacknowledged(partner),
    queryFn: () => fetchUnacknowledged(partner),
    refetchInterval: 30_000,
  });
  const retry = useMutation({
    mutationFn: retryDelivery,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cdrs', 'unacknowledged'] }),
  });
  if (list.isPending) return <Loader size="sm" role="status" aria-label="Loading unacknowledged CDRs" />;
  if (list.error) {
    return (
      <Alert color="red" role="alert" title="Could not load the unacknowledged CDRs">
        {list.error.message}
      </Alert>
    );
  }
  if (list.data.items.length === 0) {
    return <Text c="dimmed">Every CDR pushed to {partner ? 'this partner' : 'a partner'} was acknowledged.</Text>;
  }
  return (
    <>
      <Text size="sm" role="status">
        {list.data.total} CDR push{list.data.total === 1 ? '' : 'es'} not acknowledged
      </Text>
      {retry.error && (
        <Alert color="red" role="alert" title="Re-send failed">
          {retry.error.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={1000}>
        <Table striped withTableBorder>
          <caption style={{ position: 'absolute', left: -9999 }}>CDRs not acknowledged by partners</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>CDR</Table.Th>
              <Table.Th>Partner</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>HTTP</Table.Th>
              <Table.Th>Last attempt</Table.Th>
              <Table.Th>Last error / answer</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>Total incl. VAT</Table.Th>
              <Table.Th>Session</Table.Th>
              {allows(me.role, 'admin') && <Table.Th>Re-send</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((d) => (
              <Table.Tr key={d.delivery_id} data-testid={`unacked-cdr-${d.delivery_id}`} data-status={d.status}>
                <Table.Td>
                  {d.cdr_id ? (
                    <Anchor component="button" type="button" ff="monospace" onClick={() => onOpen(d.cdr_id as string)}>
                      {d.cdr_id}
                    </Anchor>
                  ) : (
                    <Text ff="monospace" size="sm">
                      {d.object_key}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.partner_name ?? d.partner_id}</Table.Td>
                <Table.Td>
                  <StateBadge status={d.status} />
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{d.http_status ?? '—'}</Table.Td>
                <Table.Td>{format(d.last_attempt_at)}</Table.Td>
                <Table.Td maw={320}>
                  {d.last_error ?? '—'}
                  {d.last_response_body && (
                    <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                      {d.last_response_body}
                    </Code>
                  )}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {d.total_cost_incl_vat ?? d.total_cost_excl_vat ?? '—'} {d.currency ?? ''}
                </Table.Td>
                <Table.Td>
                  {d.transaction_id !== null ? (
                    <Anchor
                      renderRoot={(props) => (
                        <Link {...props} to="/sessions/$sessionId" params={{ sessionId: String(d.transaction_id) }} />
                      )}
                    >
                      Open
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                {allows(me.role, 'admin') && (
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      loading={retry.isPending && retry.variables === d.delivery_id}
                      onClick={() => retry.mutate(d.delivery_id)}
                      aria-label={`Re-send CDR ${d.cdr_id ?? d.object_key} to ${d.partner_name ?? d.partner_id}`}
                    >
                      Re-send
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
