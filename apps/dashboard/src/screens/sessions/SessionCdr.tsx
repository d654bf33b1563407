import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ChargingSessionDetail } from './sessions-api.js';

type Price = { excl_vat: number; incl_vat?: number | null };

const price = (value: unknown): Price | null =>
  value && typeof value === 'object' && typeof (value as Price).excl_vat === 'number' ? (value as Price) : null;

const COST_FIELDS: Array<[string, string]> = [
  ['total_fixed_cost', 'Start fee'],
  ['total_energy_cost', 'Energy'],
  ['total_time_cost', 'Charging time'],
  ['total_parking_cost', 'Parking time'],
  ['total_reservation_cost', 'Reservation'],
];

/**
 * The session's CDR: its id, total incl. VAT (`data-testid="cdr-total-cost"`, the number exactly
 * as the CDR holds it), the cost fields, the charging periods and any credit CDRs.
 */
export function SessionCdr({
  cdr,
  credits,
  format,
}: {
  cdr: NonNullable<ChargingSessionDetail['cdr']>;
  credits: ChargingSessionDetail['credits'];
  format: (iso: string | null) => string;
}) {
  const total = price(cdr.total_cost);
  const currency = typeof cdr.currency === 'string' ? cdr.currency : '';
  const periods = Array.isArray(cdr.charging_periods)
    ? (cdr.charging_periods as Array<{ start_date_time: string; dimensions: Array<{ type: string; volume: number }> }>)
    : [];
  return (
    <Stack gap="sm">
      <Group gap="lg" align="baseline">
        <Text>
          CDR{' '}
          <Anchor
            underline="always"
            renderRoot={(props) => <Link {...props} to="/cdrs" search={{ cdr: String(cdr.id) }} />}
            ff="monospace"
          >
            {String(cdr.id)}
          </Anchor>
        </Text>
        <Text>
          Total incl. VAT:{' '}
          <Text span fw={700} size="lg" data-testid="cdr-total-cost">
            {total ? `${total.incl_vat ?? total.excl_vat} ${currency}` : '—'}
          </Text>
        </Text>
        <Text c="dimmed">excl. VAT {total ? `${total.excl_vat} ${currency}` : '—'}</Text>
        <Text c="dimmed">{String(cdr.total_energy ?? '—')} kWh</Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {COST_FIELDS.map(([field, label]) => {
          const p = price(cdr[field]);
          return (
            <Stack key={field} gap={0}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm">{p ? `${p.excl_vat} / ${p.incl_vat ?? '—'}` : '—'}</Text>
            </Stack>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Amounts: excl. / incl. VAT, {currency}.
      </Text>
      {periods.length > 0 && (
        <Table withTableBorder striped>
          <caption style={{ position: 'absolute', left: -9999 }}>Charging periods of the CDR</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Period start</Table.Th>
              <Table.Th>Dimensions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>{format(p.start_date_time)}</Table.Td>
                <Table.Td>{p.dimensions.map((d) => `${d.type} ${d.volume}`).join(' · ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {credits.map((c) => (
        <Group key={c.id} gap="xs">
          <Badge color="orange" variant="light" leftSection={<span aria-hidden>↺</span>}>
            Credit
          </Badge>
          <Text size="sm">
            {c.cdr_id}: {c.total_cost.incl_vat ?? c.total_cost.excl_vat} {currency} on {format(c.last_updated)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
