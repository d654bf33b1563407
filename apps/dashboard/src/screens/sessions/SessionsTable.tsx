import { Anchor, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useFormatTime } from '../../app/time-zone.js';
import { SessionStatusBadge } from './SessionStatusBadge.js';
import { type ChargingSession, duration, money } from './sessions-api.js';

/** What the cost column says about where its number comes from. */
const COST_NOTE: Record<string, string> = {
  cdr: 'CDR',
  estimate: 'so far',
  final: 'priced, no CDR yet',
};

/** One page of charging sessions; each row links to the session's detail. */
export function SessionsTable({ rows }: { rows: ChargingSession[] }) {
  const format = useFormatTime();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped highlightOnHover>
        <caption style={{ position: 'absolute', left: -9999 }}>Charging sessions</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Session</Table.Th>
            <Table.Th>Station / EVSE</Table.Th>
            <Table.Th>Token</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th>Duration</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Energy (kWh)</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Power (kW)</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Cost incl. VAT</Table.Th>
            <Table.Th>Partner</Table.Th>
            <Table.Th>CDR</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={s.id} data-testid={`session-row-${s.id}`} data-status={s.status.toUpperCase()}>
              <Table.Td>
                <Anchor
                  renderRoot={(props) => (
                    <Link {...props} to="/sessions/$sessionId" params={{ sessionId: String(s.id) }} />
                  )}
                >
                  {s.transaction_id}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor
                  renderRoot={(props) => <Link {...props} to="/stations/$identity" params={{ identity: s.identity }} />}
                >
                  {s.identity}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {s.evse_id ?? s.evse_uid ?? `EVSE ${s.ocpp_evse_id ?? '?'}`} · connector{' '}
                  {s.connector_id ?? s.ocpp_connector_id ?? '?'}
                </Text>
              </Table.Td>
              <Table.Td>
                {s.token ? (
                  <>
                    <Text size="sm" ff="monospace">
                      {s.token.uid}
                    </Text>
                    {s.token.owner && (
                      <Text size="xs" c="dimmed">
                        {s.token.owner}
                      </Text>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <SessionStatusBadge
                  status={s.status}
                  chargingState={s.charging_state}
                  sessionStatus={s.session_status}
                />
              </Table.Td>
              <Table.Td>{format(s.started_at, s.time_zone)}</Table.Td>
              <Table.Td>{duration(s.started_at, s.stopped_at)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{s.energy_kwh.toFixed(3)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{s.power_kw === null ? '—' : s.power_kw.toFixed(1)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {money(s.cost_so_far?.incl_vat ?? s.cost_so_far?.excl_vat, s.currency)}
                {s.cost_source && (
                  <Text size="xs" c="dimmed">
                    {COST_NOTE[s.cost_source]}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.partner_id ?? '—'}</Table.Td>
              <Table.Td>
                {s.cdr_id ? (
                  <Anchor renderRoot={(props) => <Link {...props} to="/cdrs" search={{ cdr: s.cdr_id }} />}>
                    {s.cdr_id}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
