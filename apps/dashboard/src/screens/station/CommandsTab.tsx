import { Stack } from '@mantine/core';
import { CommandForm } from './CommandForm.js';
import { CommandHistory } from './CommandHistory.js';

/** The command form for the station's version and the station's command history. */
export function CommandsTab({
  identity,
  protocol,
  timeZone,
}: {
  identity: string;
  protocol: string | null;
  timeZone: string | null;
}) {
  return (
    <Stack gap="md">
      <CommandForm identity={identity} protocol={protocol} />
      <CommandHistory identity={identity} timeZone={timeZone} />
    </Stack>
  );
}
