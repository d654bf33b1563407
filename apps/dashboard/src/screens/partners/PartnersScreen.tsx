import { Title } from '@mantine/core';

export function PartnersScreen() {
  return <Title order={1}>Partners</Title>;
}
