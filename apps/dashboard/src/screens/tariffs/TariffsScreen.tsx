import { Alert, Button, Group, Loader, Pagination, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { useMe } from '../../app/use-me.js';
import { allows } from '../../auth/session.js';
import { PriceHeatmap } from './PriceHeatmap.js';
import { type PreviewForm, PricePreview } from './PricePreview.js';
import { type TariffsSearch, validateTariffsSearch } from './search.js';
import { TariffEditor } from './TariffEditor.js';
import { type DraftTariff, newTariff } from './tariff-draft.js';
import { fetchTariff, fetchTariffs, type TariffRef, tariffKeys } from './tariffs-api.js';
import { instantToWall } from './zoned-time.js';

const PAGE = 25;

/** The screen's URL state (filters and the open tariff), read and written in the address bar. */
function useTariffsSearch(): [TariffsSearch, (patch: Partial<TariffsSearch>) => void] {
  const raw = useRouterState({ select: (s) => s.location.search as Record<string, unknown> });
  const navigate = useNavigate();
  const search = validateTariffsSearch(raw);
  const update = (patch: Partial<TariffsSearch>) =>
    void navigate({ to: '/tariffs', search: { ...search, ...patch } as never, replace: true });
  return [search, update];
}

const refOf = (key: string | undefined): TariffRef | null => {
  const [country_code, party_id, ...rest] = (key ?? '').split('/');
  return country_code && party_id && rest.length > 0 ? { country_code, party_id, tariff_id: rest.join('/') } : null;
};

function TariffList({ search, update }: { search: TariffsSearch; update: (patch: Partial<TariffsSearch>) => void }) {
  const formatTime = useFormatTime();
  const me = useMe();
  const [q, setQ] = useState(search.q ?? '');
  const [debouncedQ] = useDebouncedValue(q, 300);
  useEffect(() => {
    if ((search.q ?? '') !== debouncedQ) update({ q: debouncedQ || undefined, offset: undefined });
    // Only the debounced text drives the URL.
  }, [debouncedQ]);
  const filters = { q: search.q, party: search.party, offset: search.offset ?? 0 };
  const list = useQuery({
    queryKey: tariffKeys.list(filters),
    queryFn: () => fetchTariffs({ ...filters, limit: PAGE }),
    placeholderData: (previous) => previous,
  });
  const page = Math.floor((search.offset ?? 0) / PAGE) + 1;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tariff-list-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="tariff-list-heading">
            All tariffs
          </Title>
          {allows(me.role, 'admin') && (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => update({ tariff: 'new' })}
            >
              New tariff
            </Button>
          )}
        </Group>
        <Group gap="sm" align="flex-end">
          <TextInput label="Search tariff id" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <TextInput
            label="Party (CC-PID)"
            placeholder="NL-CPO"
            defaultValue={search.party ?? ''}
            onBlur={(e) => {
              const v = e.currentTarget.value.trim().toUpperCase();
              update({ party: /^[A-Z]{2}-[A-Z0-9]{3}$/.test(v) ? v : undefined, offset: undefined });
            }}
          />
        </Group>
        {list.error && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Tariffs could not be loaded" role="alert">
            {list.error.message}
          </Alert>
        )}
        {list.isPending ? (
          <Loader size="sm" aria-label="Loading tariffs" />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover aria-labelledby="tariff-list-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Party</Table.Th>
                  <Table.Th scope="col">Tariff id</Table.Th>
                  <Table.Th scope="col">Currency</Table.Th>
                  <Table.Th scope="col">Type</Table.Th>
                  <Table.Th scope="col">Elements</Table.Th>
                  <Table.Th scope="col">Last updated</Table.Th>
                  <Table.Th scope="col">Open</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((t) => {
                  const key = `${t.country_code}/${t.party_id}/${t.tariff_id}`;
                  const selected = search.tariff === key;
                  return (
                    <Table.Tr
                      key={key}
                      data-testid={`tariff-row-${key}`}
                      bg={selected ? 'var(--mantine-color-default-hover)' : undefined}
                    >
                      <Table.Td>
                        {t.country_code}-{t.party_id}
                      </Table.Td>
                      <Table.Td>{t.tariff_id}</Table.Td>
                      <Table.Td>{t.currency}</Table.Td>
                      <Table.Td>{t.type ?? '—'}</Table.Td>
                      <Table.Td>{t.elements}</Table.Td>
                      <Table.Td>{formatTime(t.last_updated)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant={selected ? 'filled' : 'default'}
                          leftSection={<IconPencil size={14} aria-hidden />}
                          aria-label={`Open tariff ${t.tariff_id}`}
                          aria-pressed={selected}
                          onClick={() => update({ tariff: key })}
                        >
                          Open
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.data && list.data.items.length === 0 && <Text size="sm">No tariffs match.</Text>}
        {list.data && list.data.total > PAGE && (
          <Pagination
            total={Math.ceil(list.data.total / PAGE)}
            value={page}
            onChange={(p) => update({ offset: (p - 1) * PAGE || undefined })}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** Editor, preview and heatmap of one tariff (or a new one), all on the same draft. */
function TariffWorkspace({ selected, onSelect }: { selected: string; onSelect: (key: string) => void }) {
  const ref = refOf(selected);
  const isNew = selected === 'new';
  const stored = useQuery({
    queryKey: ref ? tariffKeys.one(ref) : ['tariffs', 'one', 'none'],
    queryFn: () => fetchTariff(ref as TariffRef),
    enabled: ref !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [draft, setDraft] = useState<DraftTariff | null>(isNew ? newTariff() : null);
  useEffect(() => {
    if (stored.data && !draft) setDraft(stored.data as unknown as DraftTariff);
  }, [stored.data, draft]);
  const [debounced] = useDebouncedValue(draft, 400);
  const [form, setForm] = useState<PreviewForm>(() => {
    const start = new Date();
    start.setUTCMinutes(0, 0, 0);
    return { start: instantToWall(start, 'UTC'), durationMinutes: 60, energyKwh: 20, powerKw: 22, timeZone: 'UTC' };
  });
  if (stored.error) {
    return (
      <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Tariff could not be loaded" role="alert">
        {stored.error.message}
      </Alert>
    );
  }
  if (!draft) return <Loader size="sm" aria-label="Loading tariff" />;
  const title = isNew ? 'New tariff' : `Tariff ${draft.country_code}-${draft.party_id} ${draft.id}`;
  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="tariff-editor-heading">
        <Title order={2} size="h3" id="tariff-editor-heading" mb="sm">
          {title}
        </Title>
        <TariffEditor
          draft={draft}
          onChange={setDraft}
          isNew={isNew}
          onSaved={(saved) => {
            if (isNew) onSelect(`${saved.country_code}/${saved.party_id}/${saved.id}`);
          }}
        />
      </Paper>
      {debounced && (
        <>
          <PricePreview tariff={debounced} form={form} onForm={setForm} />
          <PriceHeatmap tariff={debounced} energyKwh={form.energyKwh} powerKw={form.powerKw} timeZone={form.timeZone} />
        </>
      )}
    </Stack>
  );
}

/**
 * Tariffs: the list, an editor for full OCPI tariffs (form and raw JSON in sync), a price preview
 * computed by the hub's own tariff engine showing which element priced what, and an hour-of-week
 * price heatmap. The open tariff and the list filters are in the URL.
 */
export function TariffsScreen() {
  const [search, update] = useTariffsSearch();
  return (
    <Stack gap="md">
      <Title order={1}>Tariffs</Title>
      <TariffList search={search} update={update} />
      {search.tariff ? (
        <TariffWorkspace key={search.tariff} selected={search.tariff} onSelect={(key) => update({ tariff: key })} />
      ) : (
        <Text>Open a tariff to edit it, preview its price and see its week.</Text>
      )}
    </Stack>
  );
}
