import { Title } from '@mantine/core';

export function MapScreen() {
  return <Title order={1}>Map</Title>;
}
