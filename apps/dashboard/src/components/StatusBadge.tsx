import { Badge } from '@mantine/core';
import { statusLook } from './status.js';

/** A status as colour, glyph and words together. */
export function StatusBadge({ status, size = 'sm' }: { status: string | null | undefined; size?: 'xs' | 'sm' | 'md' }) {
  const look = statusLook(status);
  return (
    <Badge color={look.color} variant="light" size={size} leftSection={<span aria-hidden>{look.glyph}</span>}>
      {look.label}
    </Badge>
  );
}
