import { Title } from '@mantine/core';

export function SystemScreen() {
  return <Title order={1}>System</Title>;
}
