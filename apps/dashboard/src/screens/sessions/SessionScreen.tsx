import { Title } from '@mantine/core';

export function SessionScreen() {
  return <Title order={1}>Session</Title>;
}
