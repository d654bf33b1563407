import { Title } from '@mantine/core';

export function AccessScreen() {
  return <Title order={1}>Access</Title>;
}
