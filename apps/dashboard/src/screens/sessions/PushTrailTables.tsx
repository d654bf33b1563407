import { Badge, Code, Stack, Table, Text, Title } from '@mantine/core';
import type { PushTrail } from './sessions-api.js';

const OBJECT: Record<string, string> = { sessions: 'Session', cdrs: 'CDR' };

/** A delivery state as words, glyph and colour. */
function DeliveryBadge({ status }: { status: string }) {
  const look =
    status === 'delivered'
      ? { color: 'green', glyph: '✓' }
      : status === 'failed'
        ? { color: 'red', glyph: '!' }
        : { color: 'orange', glyph: '…' };
  return (
    <Badge color={look.color} variant="light" leftSection={<span aria-hidden>{look.glyph}</span>}>
      {status}
    </Badge>
  );
}

/**
 * The session's OCPI push trail: per partner and object the latest delivery (method, state,
 * attempts, HTTP status, the partner's answer) and every recorded attempt.
 */
export function PushTrailTables({ trail, format }: { trail: PushTrail; format: (iso: string | null) => string }) {
  if (trail.deliveries.length === 0 && trail.attempts.length === 0) {
    return <Text c="dimmed">Nothing was pushed to a partner (a local token, or not yet).</Text>;
  }
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder>
          <caption style={{ position: 'absolute', left: -9999 }}>Deliveries per partner and object</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Object</Table.Th>
              <Table.Th>Method</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>HTTP</Table.Th>
              <Table.Th>Last attempt</Table.Th>
              <Table.Th>Delivered</Table.Th>
              <Table.Th>Answer / error</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trail.deliveries.map((d) => (
              <Table.Tr key={d.id} data-testid={`push-delivery-${d.id}`} data-status={d.status}>
                <Table.Td>{d.partner_name ?? d.partner_id}</Table.Td>
                <Table.Td>
                  {OBJECT[d.module] ?? d.module}
                  <Text size="xs" c="dimmed" ff="monospace">
                    {d.object_key}
                  </Text>
                </Table.Td>
                <Table.Td>{d.method}</Table.Td>
                <Table.Td>
                  <DeliveryBadge status={d.status} />
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{d.http_status ?? '—'}</Table.Td>
                <Table.Td>{format(d.last_attempt_at)}</Table.Td>
                <Table.Td>{format(d.delivered_at)}</Table.Td>
                <Table.Td maw={320}>
                  {d.last_error && (
                    <Text size="sm" c="red">
                      {d.last_error}
                    </Text>
                  )}
                  {d.last_response_body && (
                    <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                      {d.last_response_body}
                    </Code>
                  )}
                  {!d.last_error && !d.last_response_body && '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {trail.attempts.length > 0 && (
        <>
          <Title order={3} size="h5">
            Attempts
          </Title>
          <Table.ScrollContainer minWidth={700}>
            <Table striped withTableBorder>
              <caption style={{ position: 'absolute', left: -9999 }}>Every push attempt</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Partner</Table.Th>
                  <Table.Th>Object</Table.Th>
                  <Table.Th>Method</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>HTTP</Table.Th>
                  <Table.Th>Latency</Table.Th>
                  <Table.Th>Error</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trail.attempts.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{format(a.at)}</Table.Td>
                    <Table.Td>{a.partner_name ?? a.partner_id}</Table.Td>
                    <Table.Td>{OBJECT[a.module] ?? a.module}</Table.Td>
                    <Table.Td>{a.method}</Table.Td>
                    <Table.Td>
                      <DeliveryBadge status={a.ok ? 'delivered' : 'failed'} />
                    </Table.Td>
                    <Table.Td>{a.http_status ?? '—'}</Table.Td>
                    <Table.Td>{a.latency_ms === null ? '—' : `${a.latency_ms} ms`}</Table.Td>
                    <Table.Td>{a.error ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
