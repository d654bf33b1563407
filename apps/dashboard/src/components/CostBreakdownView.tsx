import { Alert, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { paths } from '../api/schema.js';

/** The tariff engine's breakdown of a session or CDR, as the API gives it. */
export type CostBreakdown =
  paths['/api/v1/cdrs/{id}/breakdown']['get']['responses'][200]['content']['application/json']['breakdown'];
type Line = CostBreakdown['adjustments'][number];

const DIMENSION_LABEL: Record<string, string> = {
  FLAT: 'Start fee (FLAT)',
  ENERGY: 'Energy',
  TIME: 'Charging time',
  PARKING_TIME: 'Parking time',
  MIN_PRICE: 'Minimum price correction',
  MAX_PRICE: 'Maximum price correction',
};

/** An exact decimal text shown with at most 4 decimals (the exact value in the tooltip). */
export function Exact({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined) return <>—</>;
  const n = Number(value);
  const short = Number.isFinite(n) ? String(Math.round(n * 10_000) / 10_000) : value;
  return short === value ? value : <span title={`exactly ${value}`}>≈ {short}</span>;
}

/** A volume with its unit: kWh, seconds shown as h:mm:ss, FLAT as a count. */
function Volume({ value, unit }: { value: string | null; unit: string | null }) {
  if (value === null || unit === null) return <>—</>;
  if (unit === 's') {
    const s = Math.round(Number(value));
    const hms = `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    return <span title={`${value} s`}>{hms}</span>;
  }
  if (unit === 'session') return <>× {value}</>;
  return (
    <>
      <Exact value={value} /> {unit}
    </>
  );
}

const PRICE_UNIT: Record<string, string> = { kWh: '/kWh', s: '/h', session: '' };

function LinesTable({ lines, caption, currency }: { lines: Line[]; caption: string; currency: string }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder striped>
        <caption style={{ position: 'absolute', left: -9999 }}>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Dimension</Table.Th>
            <Table.Th>Tariff element</Table.Th>
            <Table.Th>Volume</Table.Th>
            <Table.Th>Billed</Table.Th>
            <Table.Th>Price ({currency})</Table.Th>
            <Table.Th>VAT</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Excl. VAT</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Incl. VAT</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {DIMENSION_LABEL[l.type] ?? l.type}
                {l.reservation ? ' (reservation)' : ''}
              </Table.Td>
              <Table.Td>
                {l.element_index === null ? '—' : `#${l.element_index + 1}, component ${(l.component_index ?? 0) + 1}`}
              </Table.Td>
              <Table.Td>
                <Volume value={l.volume} unit={l.unit} />
              </Table.Td>
              <Table.Td>
                <Volume value={l.billed_volume} unit={l.unit} />
                {l.step_size && (
                  <Text size="xs" c="dimmed">
                    step {l.step_size.step_size} {l.step_size.unit}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{l.price === null ? '—' : `${l.price}${PRICE_UNIT[l.unit ?? ''] ?? ''}`}</Table.Td>
              <Table.Td>{l.vat === null ? 'none' : `${l.vat} %`}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Exact value={l.excl_vat} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Exact value={l.incl_vat} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Explains a price: per charging period (as the tariff engine split it at restriction boundaries)
 * the lines it priced, sums per dimension and per CDR cost field, and — for a CDR — whether the
 * engine's re-pricing matches the CDR. `headingLevel` keeps the page's heading order.
 */
export function CostBreakdownView({
  breakdown,
  headingLevel = 3,
  formatTime,
}: {
  breakdown: CostBreakdown;
  headingLevel?: 2 | 3 | 4;
  formatTime: (iso: string) => string;
}) {
  const currency = breakdown.currency ?? '';
  const sub = Math.min(headingLevel + 1, 6) as 3 | 4 | 5 | 6;
  if (breakdown.error || !breakdown.totals) {
    return (
      <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} title="No breakdown">
        {breakdown.error ?? 'This price could not be explained.'}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text>
          Tariff <strong>{breakdown.tariff_id}</strong> · {breakdown.time_zone}
          {breakdown.source === 'estimate' ? ' · running estimate (step sizes settle at the end)' : ''}
        </Text>
        {breakdown.matches_cdr !== null && (
          <Badge
            color={breakdown.matches_cdr ? 'green' : 'red'}
            variant="light"
            leftSection={<span aria-hidden>{breakdown.matches_cdr ? '✓' : '✗'}</span>}
          >
            {breakdown.matches_cdr ? 'Re-priced total matches the CDR' : 'Re-priced total differs from the CDR'}
          </Badge>
        )}
      </Group>
      {breakdown.warnings.length > 0 && (
        <Alert color="yellow" title="Tariff warnings">
          {breakdown.warnings.join('; ')}
        </Alert>
      )}
      <Title order={headingLevel} size="h5">
        Per dimension
      </Title>
      <Table withTableBorder>
        <caption style={{ position: 'absolute', left: -9999 }}>Cost per dimension</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Dimension</Table.Th>
            <Table.Th>Volume</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Excl. VAT ({currency})</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Incl. VAT ({currency})</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {breakdown.by_dimension.map((d) => (
            <Table.Tr key={d.type}>
              <Table.Td>{DIMENSION_LABEL[d.type] ?? d.type}</Table.Td>
              <Table.Td>
                <Volume value={d.volume} unit={d.unit} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Exact value={d.excl_vat} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                <Exact value={d.incl_vat} />
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">Total</Table.Th>
            <Table.Td />
            <Table.Td style={{ textAlign: 'right' }} data-testid="breakdown-total-excl">
              <strong>{breakdown.totals.total_cost.excl_vat}</strong>
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }} data-testid="breakdown-total-incl">
              <strong>{breakdown.totals.total_cost.incl_vat ?? '—'}</strong>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Title order={headingLevel} size="h5">
        Per charging period
      </Title>
      {breakdown.periods.map((p) => (
        <Stack key={p.index} gap={4}>
          <Title order={sub} size="h6">
            Period {p.index + 1}: {formatTime(p.start_date_time)} – {formatTime(p.end_date_time)}
          </Title>
          <Text size="sm" c="dimmed">
            {p.dimensions.map((d) => `${d.type} ${d.volume}`).join(' · ')}
            {p.tariff_id ? ` · tariff ${p.tariff_id}` : ''} · subtotal <Exact value={p.excl_vat} /> excl. /{' '}
            <Exact value={p.incl_vat} /> incl. VAT
          </Text>
          {p.lines.length > 0 ? (
            <LinesTable lines={p.lines} caption={`Lines of period ${p.index + 1}`} currency={currency} />
          ) : (
            <Text size="sm">Nothing priced in this period.</Text>
          )}
        </Stack>
      ))}
      {breakdown.adjustments.length > 0 && (
        <>
          <Title order={headingLevel} size="h5">
            Minimum / maximum price
          </Title>
          <LinesTable lines={breakdown.adjustments} caption="Price corrections" currency={currency} />
        </>
      )}
      <Title order={headingLevel} size="h5">
        Per CDR cost field
      </Title>
      <Table withTableBorder>
        <caption style={{ position: 'absolute', left: -9999 }}>Cost per CDR field</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Field</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Lines, excl. VAT</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Lines, incl. VAT</Table.Th>
            {breakdown.source === 'cdr' && <Table.Th style={{ textAlign: 'right' }}>In the CDR</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {breakdown.by_cost_field.map((f) => (
            <Table.Tr key={f.field}>
              <Table.Td ff="monospace">{f.field}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{f.excl_vat}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{f.incl_vat}</Table.Td>
              {breakdown.source === 'cdr' && (
                <Table.Td style={{ textAlign: 'right' }}>
                  {f.cdr ? `${f.cdr.excl_vat} / ${f.cdr.incl_vat ?? '—'}` : '—'}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
