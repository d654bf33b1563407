import { Alert, Anchor, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useFormatTime } from '../../app/time-zone.js';
import { CostBreakdownView } from '../../components/CostBreakdownView.js';
import { cdrKeys, fetchBreakdown } from './cdrs-api.js';

type Price = { excl_vat: number; incl_vat?: number | null };

/**
 * One CDR in a drawer: its key facts and the tariff engine's re-pricing of it, per charging
 * period and dimension, checked against the CDR's own totals.
 */
export function CdrDrawer({ cdrRef, onClose }: { cdrRef: string | undefined; onClose: () => void }) {
  const format = useFormatTime();
  const query = useQuery({
    queryKey: cdrKeys.breakdown(cdrRef ?? ''),
    queryFn: () => fetchBreakdown(cdrRef ?? ''),
    enabled: cdrRef !== undefined,
    staleTime: Number.POSITIVE_INFINITY, // CDRs never change
  });
  const data = query.data;
  const cdr = data?.cdr as (Record<string, unknown> & { total_cost?: Price }) | undefined;
  const zone = data?.time_zone;
  return (
    <Drawer
      opened={cdrRef !== undefined}
      onClose={onClose}
      position="right"
      size="xl"
      title={<Text fw={700}>CDR {cdrRef}</Text>}
      closeButtonProps={{ 'aria-label': 'Close the CDR details' }}
    >
      {query.isPending && <Loader size="sm" role="status" aria-label="Loading the CDR" />}
      {query.error && (
        <Alert color="red" role="alert" title="The CDR could not be loaded">
          {query.error.message}
        </Alert>
      )}
      {data && cdr && (
        <Stack gap="sm">
          <Group gap="lg">
            <Text size="sm">
              {String(cdr.country_code)}-{String(cdr.party_id)} · {format(String(cdr.start_date_time), zone)} –{' '}
              {format(String(cdr.end_date_time), zone)}
            </Text>
            <Text size="sm">
              Total: <strong>{cdr.total_cost?.excl_vat}</strong> excl. /{' '}
              <strong>{cdr.total_cost?.incl_vat ?? '—'}</strong> incl. VAT {String(cdr.currency)} ·{' '}
              {String(cdr.total_energy)} kWh
            </Text>
            {typeof cdr.session_id === 'string' && (
              <Text size="sm">
                Session <span style={{ fontFamily: 'monospace' }}>{cdr.session_id}</span>
              </Text>
            )}
          </Group>
          {data.transaction_id !== null && (
            <Anchor
              size="sm"
              renderRoot={(props) => (
                <Link {...props} to="/sessions/$sessionId" params={{ sessionId: String(data.transaction_id) }} />
              )}
            >
              Open the charging session
            </Anchor>
          )}
          <CostBreakdownView breakdown={data.breakdown} headingLevel={2} formatTime={(iso) => format(iso, zone)} />
        </Stack>
      )}
    </Drawer>
  );
}
