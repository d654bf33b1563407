import {
  Alert,
  Group,
  Loader,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { CdrDrawer } from './CdrDrawer.js';
import { CdrList } from './CdrList.js';
import { CDR_PAGE_SIZE, cdrKeys, dayRange, fetchCdrList, fetchDaily } from './cdrs-api.js';
import { ExportPanel } from './ExportPanel.js';
import { FinanceCharts } from './FinanceCharts.js';
import type { CdrsSearch } from './search.js';
import { UnacknowledgedCdrs } from './UnacknowledgedCdrs.js';

const route = getRouteApi('/shell/cdrs');

function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

/**
 * CDRs and finance: revenue and kWh per UTC day stacked by partner (or CPO), the CDR list with
 * a drawer explaining each CDR per period and dimension, the finance export with a preview and
 * its download, and the CDRs partners have not acknowledged. Every filter lives in the URL.
 */
export function CdrsScreen() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (patch: Partial<CdrsSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const range = dayRange(search);
  const group = search.group ?? 'partner';
  const page = search.page ?? 1;
  const daily = useQuery({
    queryKey: cdrKeys.daily(range, group),
    queryFn: () => fetchDaily(range, group),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: cdrKeys.list(range, page),
    queryFn: () => fetchCdrList(range, page),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const currencies = daily.data?.currencies ?? [];
  const currency = search.currency && currencies.includes(search.currency) ? search.currency : (currencies[0] ?? null);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / CDR_PAGE_SIZE)) : 1;
  const open = (cdr: string) => navigate({ search: (prev) => ({ ...prev, cdr }) });
  // ?unacknowledged=true (e.g. from the overview's push backlog) puts this list first.
  const unacknowledged = (
    <Section id="unacknowledged-heading" title="Not acknowledged by partners">
      <UnacknowledgedCdrs partner={search.partner} onOpen={open} />
    </Section>
  );
  return (
    <Stack gap="md">
      <Title order={1}>CDRs &amp; finance</Title>
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label="From (UTC day)"
          value={range.from}
          max={range.to}
          onChange={(e) => update({ from: e.currentTarget.value || undefined, page: undefined })}
        />
        <TextInput
          type="date"
          label="To (UTC day, inclusive)"
          value={range.to}
          min={range.from}
          onChange={(e) => update({ to: e.currentTarget.value || undefined, page: undefined })}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="finance-group-label">
            Stack by
          </Text>
          <SegmentedControl
            aria-labelledby="finance-group-label"
            value={group}
            onChange={(v) => update({ group: v === 'party' ? 'party' : undefined })}
            data={[
              { label: 'Partner', value: 'partner' },
              { label: 'CPO party', value: 'party' },
            ]}
          />
        </Stack>
        {currencies.length > 1 && (
          <Select
            label="Currency"
            value={currency}
            allowDeselect={false}
            onChange={(v) => update({ currency: v ?? undefined })}
            data={currencies}
            w={110}
          />
        )}
      </Group>

      {search.unacknowledged && unacknowledged}

      <Section
        id="finance-heading"
        title="Revenue and energy per day"
        actions={daily.isFetching ? <Loader size="xs" role="status" aria-label="Refreshing" /> : undefined}
      >
        {daily.error && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" title="Totals could not be loaded">
            {daily.error.message}
          </Alert>
        )}
        {daily.isPending && <Loader size="sm" role="status" aria-label="Loading the daily totals" />}
        {daily.data && <FinanceCharts daily={daily.data} currency={currency} />}
      </Section>

      <Section id="cdr-list-heading" title="CDRs">
        {list.error && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" title="CDRs could not be loaded">
            {list.error.message}
          </Alert>
        )}
        {list.data && (
          <Text size="sm" c="dimmed" role="status">
            {list.data.total} CDR{list.data.total === 1 ? '' : 's'} ended {range.from} – {range.to} (UTC)
          </Text>
        )}
        {list.data && list.data.items.length > 0 && <CdrList items={list.data.items} onOpen={open} />}
        {pages > 1 && (
          <Pagination
            total={pages}
            value={page}
            onChange={(p) => update({ page: p > 1 ? p : undefined })}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
          />
        )}
      </Section>

      <Section id="export-heading" title="Export">
        <ExportPanel range={range} search={search} onChange={update} />
      </Section>

      {!search.unacknowledged && unacknowledged}

      <CdrDrawer cdrRef={search.cdr} onClose={() => update({ cdr: undefined })} />
    </Stack>
  );
}
