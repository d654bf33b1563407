import { Badge, Button, Table, Text } from '@mantine/core';
import { useFormatTime } from '../../app/time-zone.js';
import type { CdrListItem } from './cdrs-api.js';

/** CDRs newest first; "Details" opens the breakdown drawer (its id goes to the URL). */
export function CdrList({ items, onOpen }: { items: CdrListItem[]; onOpen: (cdrId: string) => void }) {
  const format = useFormatTime();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover>
        <caption style={{ position: 'absolute', left: -9999 }}>CDRs</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>CDR</Table.Th>
            <Table.Th>CPO</Table.Th>
            <Table.Th>Token owner</Table.Th>
            <Table.Th>Location / EVSE</Table.Th>
            <Table.Th>Ended</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>kWh</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Excl. VAT</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Incl. VAT</Table.Th>
            <Table.Th>
              <span className="visually-hidden" style={{ position: 'absolute', left: -9999 }}>
                Actions
              </span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={`${c.country_code}-${c.party_id}-${c.id}`} data-testid={`cdr-row-${c.id}`}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {c.id}
                </Text>
                {c.credit && (
                  <Badge color="orange" variant="light" size="xs" leftSection={<span aria-hidden>↺</span>}>
                    Credit of {c.credit_reference_id}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {c.country_code}-{c.party_id}
              </Table.Td>
              <Table.Td>
                {c.cdr_token?.country_code ? `${c.cdr_token.country_code}-${c.cdr_token.party_id}` : '—'}
              </Table.Td>
              <Table.Td>
                {c.cdr_location?.id ?? '—'}
                <Text size="xs" c="dimmed">
                  {c.cdr_location?.evse_id ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>{format(c.end_date_time)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{c.total_energy}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {c.total_cost.excl_vat} {c.currency}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {c.total_cost.incl_vat ?? '—'} {c.currency}
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => onOpen(c.id)}
                  aria-label={`Details of CDR ${c.id}`}
                >
                  Details
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
