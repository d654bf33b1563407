import { Alert, Button, Code, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import {
  cdrKeys,
  type DayRange,
  exportParams,
  exportUrl,
  fetchPartners,
  fetchPreview,
  PREVIEW_ROWS,
} from './cdrs-api.js';
import type { CdrsSearch } from './search.js';

/** The preview's columns (the full export has all of docs/finance-export.md). */
const PREVIEW_COLUMNS = [
  'cdr_id',
  'party',
  'end_date_time',
  'token_owner',
  'total_energy_kwh',
  'currency',
  'total_cost_excl_vat',
  'total_cost_incl_vat',
  'credit',
] as const;

/**
 * The finance export: its filters (the screen's day range, CPO party, partner, format, all in the
 * URL), a preview of its first rows with the total it holds, and the link to the streamed file.
 */
export function ExportPanel({
  range,
  search,
  onChange,
}: {
  range: DayRange;
  search: CdrsSearch;
  onChange: (patch: Partial<CdrsSearch>) => void;
}) {
  const partners = useQuery({ queryKey: cdrKeys.partners, queryFn: fetchPartners, staleTime: 60_000 });
  const partyValid = !search.party || /^[A-Za-z]{2}[-*]?[A-Za-z0-9]{3}$/.test(search.party);
  const params = exportParams(range, search);
  const preview = useQuery({
    queryKey: cdrKeys.preview(params.toString()),
    queryFn: () => fetchPreview(params),
    enabled: partyValid,
  });
  const format = search.format ?? 'csv';
  return (
    <Stack gap="sm">
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          label="CPO party"
          placeholder="CC-PID"
          value={search.party ?? ''}
          error={partyValid ? undefined : 'CC-PID, e.g. NL-CBH'}
          onChange={(e) => onChange({ party: e.currentTarget.value || undefined })}
          w={140}
        />
        <Select
          label="Partner (token owner)"
          placeholder="Any"
          clearable
          value={search.partner ?? null}
          onChange={(v) => onChange({ partner: v ?? undefined })}
          data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          w={220}
        />
        <Select
          label="Format"
          value={format}
          allowDeselect={false}
          onChange={(v) => onChange({ format: (v ?? 'csv') as 'csv' | 'json' | 'ndjson' })}
          data={[
            { value: 'csv', label: 'CSV' },
            { value: 'json', label: 'JSON' },
            { value: 'ndjson', label: 'NDJSON' },
          ]}
          w={120}
        />
        <Button
          component="a"
          href={exportUrl(params, format)}
          download
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={!partyValid}
          data-testid="cdr-export-download"
        >
          Download {range.from} – {range.to}
        </Button>
      </Group>
      {preview.isPending && partyValid && <Loader size="sm" role="status" aria-label="Loading the preview" />}
      {preview.error && (
        <Alert color="red" role="alert" title="No preview">
          {preview.error.message}
        </Alert>
      )}
      {preview.data && (
        <>
          <Text size="sm" role="status">
            The export holds {preview.data.total} CDR{preview.data.total === 1 ? '' : 's'}
            {preview.data.total > PREVIEW_ROWS ? `; the first ${PREVIEW_ROWS} are shown` : ''} (of{' '}
            {preview.data.columns.length} columns, described in <Code>docs/finance-export.md</Code>).
          </Text>
          {preview.data.rows.length > 0 && (
            <Table.ScrollContainer minWidth={900}>
              <Table striped withTableBorder data-testid="cdr-export-preview">
                <caption style={{ position: 'absolute', left: -9999 }}>Export preview</caption>
                <Table.Thead>
                  <Table.Tr>
                    {PREVIEW_COLUMNS.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.data.rows.map((row, i) => (
                    <Table.Tr key={i}>
                      {PREVIEW_COLUMNS.map((c) => {
                        const value = (row as Record<string, unknown>)[c];
                        return (
                          <Table.Td key={c}>{value === null || value === undefined ? '' : String(value)}</Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
