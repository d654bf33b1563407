import { ActionIcon, Badge, Group, Menu, SegmentedControl, Tooltip, useMantineColorScheme } from '@mantine/core';
import { IconLogout, IconMoon, IconSun, IconUser } from '@tabler/icons-react';
import { apiJson } from '../api/client.js';
import { useLiveConnection } from '../live/LiveEventsProvider.js';
import { useTimeZoneMode } from './time-zone.js';
import { useMe } from './use-me.js';

/** Live-connection state, station-local/UTC switch, theme switch, account menu. */
export function HeaderControls() {
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const { mode, setMode } = useTimeZoneMode();
  const live = useLiveConnection();
  const me = useMe();
  const dark = colorScheme === 'dark';
  return (
    <Group gap="sm" wrap="nowrap">
      <Badge
        variant="light"
        color={live === 'open' ? 'green' : live === 'connecting' ? 'yellow' : 'red'}
        aria-live="polite"
        data-testid="live-state"
      >
        {live === 'open' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Offline'}
      </Badge>
      <SegmentedControl
        size="xs"
        aria-label="Times shown in"
        value={mode}
        onChange={(v) => setMode(v as 'local' | 'utc')}
        data={[
          { label: 'Station time', value: 'local' },
          { label: 'UTC', value: 'utc' },
        ]}
      />
      <Tooltip label={dark ? 'Light theme' : 'Dark theme'}>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={toggleColorScheme}
          aria-label={dark ? 'Switch to light theme' : 'Switch to dark theme'}
          data-testid="theme-toggle"
        >
          {dark ? <IconSun size={18} aria-hidden /> : <IconMoon size={18} aria-hidden />}
        </ActionIcon>
      </Tooltip>
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={`Account: ${me.actor} (${me.role})`}>
            <IconUser size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {me.actor} · {me.role}
          </Menu.Label>
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={async () => {
              await apiJson('/auth/logout', { method: 'POST', body: '{}' });
              window.location.assign('/login');
            }}
          >
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
