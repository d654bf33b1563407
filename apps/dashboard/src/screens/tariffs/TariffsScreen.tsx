import { Title } from '@mantine/core';

export function TariffsScreen() {
  return <Title order={1}>Tariffs</Title>;
}
