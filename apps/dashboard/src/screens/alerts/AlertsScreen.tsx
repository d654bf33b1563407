import { Title } from '@mantine/core';

export function AlertsScreen() {
  return <Title order={1}>Alerts</Title>;
}
