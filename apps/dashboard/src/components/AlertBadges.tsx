import { Badge } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconCircleCheck,
  IconEye,
  IconHourglass,
  IconInfoCircle,
} from '@tabler/icons-react';

type Look = { label: string; color: string; icon: typeof IconCircleCheck };

const STATUS: Record<string, Look> = {
  open: { label: 'Open', color: 'red', icon: IconAlertTriangle },
  acknowledged: { label: 'Acknowledged', color: 'orange', icon: IconEye },
  resolved: { label: 'Resolved', color: 'green', icon: IconCircleCheck },
  pending: { label: 'Pending', color: 'gray', icon: IconHourglass },
};

const SEVERITY: Record<string, Look> = {
  critical: { label: 'Critical', color: 'red', icon: IconAlertOctagon },
  warning: { label: 'Warning', color: 'orange', icon: IconAlertTriangle },
  info: { label: 'Info', color: 'blue', icon: IconInfoCircle },
};

/** Outline badge: the colour on the border and icon, the words in the body colour (contrast in both themes). */
function LookBadge({ look }: { look: Look }) {
  const Icon = look.icon;
  return (
    <Badge
      variant="outline"
      tt="none"
      color={look.color}
      // Never squeezed to an ellipsis by a narrow table column.
      style={{ minWidth: 'max-content' }}
      styles={{ label: { color: 'var(--mantine-color-text)' } }}
      leftSection={<Icon size={14} aria-hidden color={`var(--mantine-color-${look.color}-filled)`} />}
    >
      {look.label}
    </Badge>
  );
}

/** An alert's status (open, acknowledged, resolved) as icon, colour and word. */
export function AlertStatusBadge({ status }: { status: string }) {
  return <LookBadge look={STATUS[status] ?? { label: status, color: 'gray', icon: IconInfoCircle }} />;
}

/** An alert's severity as icon, colour and word. */
export function SeverityBadge({ severity }: { severity: string }) {
  return <LookBadge look={SEVERITY[severity] ?? { label: severity, color: 'gray', icon: IconInfoCircle }} />;
}
