import { Text, Timeline } from '@mantine/core';
import { IconBolt, IconCommand, IconKey, IconPlug, IconReceipt } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { ChargingSessionDetail } from './sessions-api.js';

const ICON: Record<string, ComponentType<{ size?: number; 'aria-hidden'?: boolean }>> = {
  transaction: IconBolt,
  authorization: IconKey,
  status: IconPlug,
  command: IconCommand,
  cdr: IconReceipt,
};

const KIND: Record<string, string> = {
  transaction: 'Transaction event',
  authorization: 'Authorization',
  status: 'Connector status',
  command: 'Command',
  cdr: 'CDR',
};

/** The session's events in time order: authorizations, commands, transaction events, statuses, CDR. */
export function SessionTimeline({
  entries,
  format,
}: {
  entries: ChargingSessionDetail['timeline'];
  format: (iso: string) => string;
}) {
  if (entries.length === 0) return <Text c="dimmed">No events recorded.</Text>;
  return (
    <Timeline bulletSize={24} lineWidth={2} active={entries.length - 1}>
      {entries.map((e, i) => {
        const Icon = ICON[e.kind] ?? IconBolt;
        return (
          <Timeline.Item
            key={`${e.at}-${i}`}
            bullet={<Icon size={14} aria-hidden />}
            title={
              <Text fw={600} size="sm" component="span">
                {e.label}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {KIND[e.kind] ?? e.kind} · <time dateTime={e.at}>{format(e.at)}</time>
            </Text>
            {e.detail && <Text size="sm">{e.detail}</Text>}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
