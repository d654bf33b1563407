import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBolt,
  IconChartBar,
  IconCoin,
  IconHome,
  IconId,
  IconKey,
  IconList,
  IconMap,
  IconPlugConnected,
  IconReceipt,
  IconServer,
  IconUsers,
} from '@tabler/icons-react';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { allows, type Role } from '../auth/session.js';
import { LiveEventsProvider } from '../live/LiveEventsProvider.js';
import { HeaderControls } from './HeaderControls.js';
import { TimeZoneProvider } from './time-zone.js';
import { useMe } from './use-me.js';

interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  role?: Role;
}

const NAV: NavItem[] = [
  { to: '/', label: 'Overview', icon: IconHome },
  { to: '/map', label: 'Fleet map', icon: IconMap },
  { to: '/stations', label: 'Stations', icon: IconPlugConnected },
  { to: '/sessions', label: 'Sessions', icon: IconBolt },
  { to: '/cdrs', label: 'CDRs & finance', icon: IconReceipt },
  { to: '/partners', label: 'Partners', icon: IconUsers },
  { to: '/tariffs', label: 'Tariffs', icon: IconCoin },
  { to: '/tokens', label: 'Tokens', icon: IconId },
  { to: '/alerts', label: 'Alerts', icon: IconAlertTriangle },
  { to: '/system', label: 'System', icon: IconServer },
  { to: '/access', label: 'Users & access', icon: IconKey, role: 'admin' },
];

/** The frame of every signed-in screen: navigation, header controls, live events. */
export function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const active = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));
  return (
    <TimeZoneProvider>
      <LiveEventsProvider>
        <AppShell
          header={{ height: 56 }}
          navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
          padding="md"
        >
          <AppShell.Header>
            <Group h="100%" px="md" justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
                <IconChartBar size={22} aria-hidden />
                <Text fw={700} component={Link} to="/">
                  chargebridge
                </Text>
              </Group>
              <HeaderControls />
            </Group>
          </AppShell.Header>
          <AppShell.Navbar p="xs" aria-label="Main navigation">
            <ScrollArea>
              <nav>
                {NAV.filter((item) => !item.role || allows(me.role, item.role)).map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    leftSection={<item.icon size={18} aria-hidden />}
                    active={active(item.to)}
                    aria-current={active(item.to) ? 'page' : undefined}
                    onClick={close}
                  />
                ))}
                <NavLink
                  component="a"
                  href="/docs"
                  label="API reference"
                  leftSection={<IconList size={18} aria-hidden />}
                />
              </nav>
            </ScrollArea>
          </AppShell.Navbar>
          <AppShell.Main>
            <main>
              <Outlet />
            </main>
          </AppShell.Main>
        </AppShell>
      </LiveEventsProvider>
    </TimeZoneProvider>
  );
}
