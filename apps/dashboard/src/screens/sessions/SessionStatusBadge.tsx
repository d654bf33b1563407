import { Badge } from '@mantine/core';

/** A session's state in words, glyph and colour: active (charging or suspended), completed, invalid. */
export function SessionStatusBadge({
  status,
  chargingState,
  sessionStatus,
}: {
  status: 'active' | 'completed';
  chargingState?: string | null;
  sessionStatus?: string | null;
}) {
  if (sessionStatus === 'INVALID') {
    return (
      <Badge color="red" variant="light" leftSection={<span aria-hidden>!</span>}>
        Invalid
      </Badge>
    );
  }
  if (status === 'completed') {
    return (
      <Badge color="gray" variant="light" leftSection={<span aria-hidden>✓</span>}>
        Completed
      </Badge>
    );
  }
  const suspended =
    chargingState !== null && chargingState !== undefined && /suspended|idle|connected/i.test(chargingState);
  return (
    <Badge
      color={suspended ? 'cyan' : 'blue'}
      variant="light"
      leftSection={<span aria-hidden>{suspended ? '‖' : '⚡'}</span>}
    >
      {suspended ? `Active (${chargingState})` : 'Active'}
    </Badge>
  );
}
