import {
  Alert,
  Button,
  Collapse,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError } from '../../api/client.js';
import { describeRestrictions } from './tariff-draft.js';
import { fetchPreview, type PreviewResult } from './tariffs-api.js';
import { timeZones, wallToInstant } from './zoned-time.js';

/** The preview form's values (shared with the heatmap: energy, power, zone). */
export interface PreviewForm {
  start: string;
  durationMinutes: number;
  energyKwh: number;
  powerKw: number | undefined;
  timeZone: string;
}

const money = (v: number | undefined, currency: string) => (v === undefined ? '—' : `${v.toFixed(4)} ${currency}`);
const exact = (v: string) => Number(v).toFixed(4);

/** A volume for reading: kWh to 3 decimals, seconds as minutes and seconds, FLAT as a count. */
export function formatVolume(volume: string | null, unit: string | null): string {
  if (volume === null) return '—';
  const n = Number(volume);
  if (unit === 's') {
    const seconds = Math.round(n);
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
  }
  if (unit === 'kWh') return `${Number(n.toFixed(3))} kWh`;
  if (unit === 'session') return `${volume} ×`;
  return volume;
}

function Totals({ result }: { result: PreviewResult }) {
  const c = result.cdr;
  const rows: Array<[string, { excl_vat: number; incl_vat?: number }]> = [
    ['Start fees (FLAT)', c.total_fixed_cost],
    ['Energy', c.total_energy_cost],
    ['Charging time', c.total_time_cost],
    ['Parking time', c.total_parking_cost],
    ['Reservation', c.total_reservation_cost],
  ];
  return (
    <Table withTableBorder maw={560} aria-label="Price preview totals">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Cost field</Table.Th>
          <Table.Th scope="col">Excl. VAT</Table.Th>
          <Table.Th scope="col">Incl. VAT</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([label, price]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{money(price.excl_vat, result.currency)}</Table.Td>
            <Table.Td>{money(price.incl_vat, result.currency)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row">Total</Table.Th>
          <Table.Td fw={700}>{money(c.total_cost.excl_vat, result.currency)}</Table.Td>
          <Table.Td fw={700} data-testid="preview-total-incl-vat">
            {money(c.total_cost.incl_vat, result.currency)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function ByElement({ result }: { result: PreviewResult }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-labelledby="priced-by-heading">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Element</Table.Th>
            <Table.Th scope="col">Component</Table.Th>
            <Table.Th scope="col">Dimension</Table.Th>
            <Table.Th scope="col">Applies</Table.Th>
            <Table.Th scope="col">Price excl. VAT</Table.Th>
            <Table.Th scope="col">Volume priced</Table.Th>
            <Table.Th scope="col">Excl. VAT</Table.Th>
            <Table.Th scope="col">Incl. VAT</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.by_element.map((s) => (
            <Table.Tr key={`${s.element_index}/${s.component_index}/${s.type}`}>
              <Table.Td>{s.element_index === null ? '—' : s.element_index + 1}</Table.Td>
              <Table.Td>{s.component_index === null ? '—' : s.component_index + 1}</Table.Td>
              <Table.Td>{s.type}</Table.Td>
              <Table.Td>{s.element_index === null ? 'price bound' : describeRestrictions(s.restrictions)}</Table.Td>
              <Table.Td>
                {s.price ?? '—'}
                {s.vat !== null ? ` (+${s.vat}% VAT)` : ''}
              </Table.Td>
              <Table.Td>{formatVolume(s.volume, s.unit)}</Table.Td>
              <Table.Td>{exact(s.excl_vat)}</Table.Td>
              <Table.Td>{exact(s.incl_vat)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Lines({ result }: { result: PreviewResult }) {
  const [open, { toggle }] = useDisclosure(false);
  return (
    <Stack gap="xs">
      <Group>
        <Button size="xs" variant="default" onClick={toggle} aria-expanded={open} aria-controls="preview-lines">
          {open ? 'Hide' : 'Show'} every priced line ({result.breakdown.length})
        </Button>
      </Group>
      <Collapse expanded={open}>
        <Table.ScrollContainer minWidth={720} id="preview-lines">
          <Table striped aria-label="Every priced line of the preview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Period starts</Table.Th>
                <Table.Th scope="col">Dimension</Table.Th>
                <Table.Th scope="col">Element / component</Table.Th>
                <Table.Th scope="col">Volume (billed)</Table.Th>
                <Table.Th scope="col">Price</Table.Th>
                <Table.Th scope="col">Excl. VAT</Table.Th>
                <Table.Th scope="col">Incl. VAT</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.breakdown.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    {l.period_index === null ? '—' : (result.priced_periods[l.period_index]?.start_date_time ?? '—')}
                  </Table.Td>
                  <Table.Td>{l.type}</Table.Td>
                  <Table.Td>
                    {l.element_index === null ? '—' : `${l.element_index + 1} / ${(l.component_index ?? 0) + 1}`}
                  </Table.Td>
                  <Table.Td>
                    {formatVolume(l.volume, l.unit)}
                    {l.billed_volume && l.billed_volume !== l.volume
                      ? ` (billed ${formatVolume(l.billed_volume, l.unit)})`
                      : ''}
                  </Table.Td>
                  <Table.Td>{l.price ?? '—'}</Table.Td>
                  <Table.Td>{exact(l.excl_vat)}</Table.Td>
                  <Table.Td>{exact(l.incl_vat)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Collapse>
    </Stack>
  );
}

/**
 * The hub's own tariff engine pricing a synthetic session (constant power until the energy is in,
 * then parked) for the draft, re-run as the draft or the inputs change: totals, which element and
 * component priced what, and every line.
 */
export function PricePreview({
  tariff,
  form,
  onForm,
}: {
  tariff: unknown;
  form: PreviewForm;
  onForm: (next: PreviewForm) => void;
}) {
  const zones = useMemo(timeZones, []);
  const start = wallToInstant(form.start, form.timeZone);
  const input = start
    ? {
        start_date_time: start,
        duration_minutes: form.durationMinutes,
        energy_kwh: form.energyKwh,
        ...(form.powerKw ? { max_power_kw: form.powerKw } : {}),
        time_zone: form.timeZone,
      }
    : null;
  const preview = useQuery({
    queryKey: ['tariffs', 'preview', tariff, input],
    queryFn: () => fetchPreview(tariff, input as NonNullable<typeof input>),
    enabled: input !== null && form.durationMinutes > 0,
    retry: false,
    placeholderData: (previous) => previous,
  });
  const num = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const result = preview.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preview-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="preview-heading">
          Price preview
        </Title>
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
          <TextInput
            label="Start (local)"
            type="datetime-local"
            value={form.start}
            onChange={(e) => onForm({ ...form, start: e.currentTarget.value })}
            error={start ? undefined : 'a date and time'}
          />
          <NumberInput
            label="Duration (minutes)"
            value={form.durationMinutes}
            min={1}
            max={10_080}
            onChange={(v) => onForm({ ...form, durationMinutes: num(v) ?? 0 })}
          />
          <NumberInput
            label="Energy (kWh)"
            value={form.energyKwh}
            min={0}
            decimalScale={3}
            onChange={(v) => onForm({ ...form, energyKwh: num(v) ?? 0 })}
          />
          <NumberInput
            label="Power kW (empty: spread)"
            value={form.powerKw ?? ''}
            min={0}
            decimalScale={2}
            onChange={(v) => onForm({ ...form, powerKw: num(v) || undefined })}
          />
          <Select
            label="Time zone"
            data={zones}
            searchable
            allowDeselect={false}
            value={form.timeZone}
            onChange={(v) => v && onForm({ ...form, timeZone: v })}
          />
        </SimpleGrid>
        {preview.isFetching && !result && <Loader size="sm" aria-label="Pricing" />}
        {preview.error && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="The engine cannot price this" role="alert">
            {preview.error instanceof ApiError ? preview.error.message : 'The hub cannot be reached'}
          </Alert>
        )}
        {result && !preview.error && (
          <Stack gap="sm" aria-live="polite">
            <Text size="sm">
              Charging {result.session.summary.charging_minutes.toFixed(0)} min at {result.session.summary.power_kw} kW
              ({result.session.summary.energy_kwh} kWh)
              {result.session.summary.parking_minutes > 0
                ? `, then parked ${result.session.summary.parking_minutes.toFixed(0)} min`
                : ''}
              ; priced with tariff {result.tariff_id} in {result.time_zone}.
            </Text>
            <Totals result={result} />
            <Title order={3} size="h4" id="priced-by-heading">
              Which element priced what
            </Title>
            <ByElement result={result} />
            <Lines result={result} />
            {result.warnings.length > 0 && (
              <Alert color="blue" title="Tariff warnings">
                <Stack gap={2}>
                  {result.warnings.map((w) => (
                    <Text size="sm" key={w}>
                      {w}
                    </Text>
                  ))}
                </Stack>
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
