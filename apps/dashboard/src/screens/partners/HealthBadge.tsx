import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconCircleX } from '@tabler/icons-react';
import type { PartnerHealth } from './partners-api.js';

/** How each health looks and what it means (`partnerHealth()` over the last 15 minutes). */
export const HEALTH_LOOK: Record<PartnerHealth, { color: string; icon: typeof IconCircleCheck; meaning: string }> = {
  ok: { color: 'green', icon: IconCircleCheck, meaning: 'Every push of the last 15 minutes succeeded.' },
  degraded: {
    color: 'orange',
    icon: IconAlertTriangle,
    meaning: 'The latest push succeeded, but some in the last 15 minutes failed.',
  },
  failing: { color: 'red', icon: IconCircleX, meaning: 'The latest push failed.' },
  idle: { color: 'gray', icon: IconCircleDashed, meaning: 'No push in the last 15 minutes.' },
};

/**
 * A partner's health as colour, icon and word together (never colour alone), carrying the stable
 * test hook `partner-health-<id>` with `data-health`.
 */
export function HealthBadge({ partnerId, health }: { partnerId: string; health: PartnerHealth }) {
  const look = HEALTH_LOOK[health] ?? HEALTH_LOOK.idle;
  const Icon = look.icon;
  return (
    <Badge
      size="lg"
      variant="outline"
      tt="none"
      color={look.color}
      // Text in the body colour (contrast in both themes); the colour is on the border and icon.
      styles={{ label: { color: 'var(--mantine-color-text)' } }}
      leftSection={<Icon size={16} aria-hidden color={`var(--mantine-color-${look.color}-filled)`} />}
      data-testid={`partner-health-${partnerId}`}
      data-health={health}
    >
      Health: {health}
    </Badge>
  );
}
