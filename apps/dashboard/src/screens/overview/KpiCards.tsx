import { Anchor, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatNumber, money, type Overview } from './overview-api.js';

interface Kpi {
  /** The stable test hook: `kpi-<name>`. */
  name: string;
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  to?: string;
}

function kpisOf(o: Overview): Kpi[] {
  return [
    {
      name: 'stations-online',
      label: 'Stations online',
      value: formatNumber(o.stations.online),
      hint: `of ${formatNumber(o.stations.total)}`,
      to: '/stations',
    },
    {
      name: 'stations-offline',
      label: 'Stations offline',
      value: formatNumber(o.stations.offline),
      hint: `${formatNumber(o.evses.on_offline_stations)} EVSE${o.evses.on_offline_stations === 1 ? '' : 's'} unreachable`,
      to: '/stations',
    },
    { name: 'sessions-active', label: 'Active sessions', value: formatNumber(o.sessions_active), to: '/sessions' },
    { name: 'power-now', label: 'Power now', value: `${formatNumber(o.power_kw_now)} kW` },
    { name: 'energy-today', label: 'Energy today', value: `${formatNumber(o.energy_kwh_today)} kWh`, hint: 'UTC day' },
    {
      name: 'revenue-today',
      label: 'Revenue today',
      value:
        o.revenue_today.length === 0 ? (
          '—'
        ) : (
          <Stack gap={0}>
            {o.revenue_today.map((r) => (
              <span key={r.currency}>{money(r.total_incl_vat, r.currency)}</span>
            ))}
          </Stack>
        ),
      hint: `incl. VAT, ${o.revenue_today.reduce((n, r) => n + r.cdrs, 0)} CDRs (UTC day)`,
      to: '/cdrs',
    },
    {
      name: 'alerts-open',
      label: 'Open alerts',
      value: formatNumber(o.alerts_open),
      hint: o.alerts_acknowledged > 0 ? `${formatNumber(o.alerts_acknowledged)} acknowledged` : undefined,
      to: '/alerts',
    },
    {
      name: 'push-backlog',
      label: 'Partner push backlog',
      value: formatNumber(o.push_backlog),
      hint: 'deliveries not yet accepted',
      to: '/partners',
    },
  ];
}

/** The network's counters, one card each (test hooks `kpi-<name>`). */
export function KpiCards({ overview }: { overview: Overview }) {
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 4 }}
      spacing="sm"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {kpisOf(overview).map((kpi) => (
        <Paper key={kpi.name} withBorder p="sm" component="li" data-testid={`kpi-${kpi.name}`}>
          <Text size="sm" fw={500} component="div">
            {kpi.to ? (
              <Anchor renderRoot={(props) => <Link {...props} to={kpi.to} />} inherit>
                {kpi.label}
              </Anchor>
            ) : (
              kpi.label
            )}
          </Text>
          <Text fz={26} fw={700} component="div" data-kpi-value>
            {kpi.value}
          </Text>
          {kpi.hint && (
            <Text size="xs" component="div">
              {kpi.hint}
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
