import { Title } from '@mantine/core';

export function SessionsScreen() {
  return <Title order={1}>Sessions</Title>;
}
