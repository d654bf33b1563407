import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useFormatTime } from '../../app/time-zone.js';
import { AlertStatusBadge, SeverityBadge } from '../../components/AlertBadges.js';
import type { AlertItem, AlertRule } from './alerts-api.js';

/** The station a subject names (`identity` or `identity/…`), for rules about stations. */
function stationOf(a: AlertItem): string | null {
  if (a.rule === 'station_offline') return a.subject;
  if (a.rule === 'connector_faulted' || a.rule === 'no_meter_values') return a.subject.split('/')[0] ?? null;
  const identity = (a.details as { identity?: unknown }).identity;
  return typeof identity === 'string' ? identity : null;
}

/**
 * Alerts, newest first: status, severity, rule, subject (linked to its station), message and
 * the times of its lifecycle. Rows carry the test hooks `alert-row-<id>` with `data-rule`,
 * `data-subject` and `data-status`.
 */
export function AlertsTable({
  items,
  rules,
  canAcknowledge,
  acknowledging,
  onAcknowledge,
}: {
  items: AlertItem[];
  rules: AlertRule[];
  canAcknowledge: boolean;
  acknowledging: number | null;
  onAcknowledge: (id: number) => void;
}) {
  const format = useFormatTime();
  const title = (rule: string) => rules.find((r) => r.rule === rule)?.title ?? rule;
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover>
        <caption style={{ position: 'absolute', left: -9999 }}>Alerts, newest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Status</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Rule</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Message</Table.Th>
            <Table.Th>Opened</Table.Th>
            <Table.Th>Acknowledged</Table.Th>
            <Table.Th>Resolved</Table.Th>
            <Table.Th>Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => {
            const station = stationOf(a);
            return (
              <Table.Tr
                key={a.id}
                data-testid={`alert-row-${a.id}`}
                data-rule={a.rule}
                data-subject={a.subject}
                data-status={a.status}
              >
                <Table.Td>
                  <AlertStatusBadge status={a.status} />
                </Table.Td>
                <Table.Td>
                  <SeverityBadge severity={a.severity} />
                </Table.Td>
                <Table.Td>{title(a.rule)}</Table.Td>
                <Table.Td>
                  {station ? (
                    <Anchor
                      ff="monospace"
                      size="sm"
                      renderRoot={(props) => (
                        <Link {...props} to="/stations/$identity" params={{ identity: station }} />
                      )}
                    >
                      {a.subject}
                    </Anchor>
                  ) : (
                    <Text ff="monospace" size="sm">
                      {a.subject}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{a.message}</Table.Td>
                <Table.Td>{format(a.opened_at ?? a.first_seen_at)}</Table.Td>
                <Table.Td>
                  {a.acknowledged_at ? (
                    <>
                      {format(a.acknowledged_at)}
                      <Text size="xs">by {a.acknowledged_by}</Text>
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{format(a.resolved_at)}</Table.Td>
                <Table.Td>
                  {canAcknowledge && a.status === 'open' ? (
                    <Button
                      size="xs"
                      variant="default"
                      loading={acknowledging === a.id}
                      onClick={() => onAcknowledge(a.id)}
                      aria-label={`Acknowledge alert ${a.id}: ${a.message}`}
                      data-testid={`alert-ack-${a.id}`}
                    >
                      Acknowledge
                    </Button>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
