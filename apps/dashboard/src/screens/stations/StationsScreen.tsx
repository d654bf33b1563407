import { Title } from '@mantine/core';

export function StationsScreen() {
  return <Title order={1}>Stations</Title>;
}
