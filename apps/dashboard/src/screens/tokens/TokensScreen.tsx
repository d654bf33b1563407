import { Title } from '@mantine/core';

export function TokensScreen() {
  return <Title order={1}>Tokens</Title>;
}
