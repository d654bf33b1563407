import { Title } from '@mantine/core';

export function CdrsScreen() {
  return <Title order={1}>Cdrs</Title>;
}
