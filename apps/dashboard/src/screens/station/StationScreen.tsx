import { Title } from '@mantine/core';

export function StationScreen() {
  return <Title order={1}>Station</Title>;
}
