import {
  Alert,
  Badge,
  Button,
  Code,
  Collapse,
  Group,
  Menu,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconChevronDown, IconKey, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useFormatTime } from '../../app/time-zone.js';
import { useMe } from '../../app/use-me.js';
import { allows } from '../../auth/session.js';
import { HEALTH_LOOK, HealthBadge } from './HealthBadge.js';
import { type ModuleStats, type PartnerStats, usePartnerMutations } from './partners-api.js';

const message = (error: unknown) =>
  error instanceof ApiError ? error.message || `Failed (${error.status})` : 'The hub cannot be reached';

const ms = (value: number | null) => (value === null ? '—' : `${value} ms`);

/** The newest error of a module, with the partner's answer body one click away. */
function LastError({ row, partnerId }: { row: ModuleStats; partnerId: string }) {
  const [open, { toggle }] = useDisclosure(false);
  if (!row.last_error) return <Text size="sm">—</Text>;
  const bodyId = `error-body-${partnerId}-${row.module}`;
  return (
    <Stack gap={4}>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {row.last_error}
      </Text>
      {row.last_error_body && (
        <>
          <UnstyledButton
            onClick={toggle}
            aria-expanded={open}
            aria-controls={bodyId}
            fz="sm"
            c="var(--mantine-color-anchor)"
            style={{ textDecoration: 'underline' }}
          >
            <Group gap={4} wrap="nowrap">
              <IconChevronDown
                size={14}
                aria-hidden
                style={{ transform: open ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
              />
              {open ? 'Hide' : 'Show'} the partner's answer
            </Group>
          </UnstyledButton>
          <Collapse expanded={open}>
            <Code
              block
              id={bodyId}
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 240, overflow: 'auto' }}
            >
              {pretty(row.last_error_body)}
            </Code>
          </Collapse>
        </>
      )}
    </Stack>
  );
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Re-push menu: the undelivered backlog, or everything (also what the partner acknowledged). */
function RepushMenu({ partner, module }: { partner: PartnerStats; module?: string }) {
  const { repush } = usePartnerMutations();
  const [result, setResult] = useState<string | null>(null);
  const what = module ? `${module} ` : '';
  const run = (all: boolean) =>
    repush.mutate(
      { id: partner.id, ...(module ? { module } : {}), all },
      {
        onSuccess: (r) =>
          setResult(
            `${r.queued} ${what}push${r.queued === 1 ? '' : 'es'} queued` +
              (r.skipped ? `, ${r.skipped} skipped (object gone)` : '') +
              (r.remaining ? `, ${r.remaining} left for another run` : ''),
          ),
        onError: (e) => setResult(`Re-push failed: ${message(e)}`),
      },
    );
  return (
    <Group gap="xs" wrap="nowrap">
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            loading={repush.isPending}
            leftSection={<IconRefresh size={14} aria-hidden />}
            aria-label={module ? `Re-push ${module} to ${partner.name}` : `Re-push to ${partner.name}`}
          >
            Re-push
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => run(false)}>Re-push what is not delivered</Menu.Item>
          <Menu.Item onClick={() => run(true)}>Re-push everything, delivered too</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {result && (
        <Text size="xs" role="status">
          {result}
        </Text>
      )}
    </Group>
  );
}

function ModulesTable({ partner }: { partner: PartnerStats }) {
  const formatTime = useFormatTime();
  const me = useMe();
  const canRepush = allows(me.role, 'operator');
  const captionId = `modules-${partner.id}`;
  if (partner.modules.length === 0) return <Text size="sm">No modules pushed yet.</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" aria-labelledby={captionId}>
        <caption id={captionId} style={{ position: 'absolute', left: -9999 }}>
          Push statistics of {partner.name} per module, last 24 hours
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Module</Table.Th>
            <Table.Th scope="col">Success (24 h)</Table.Th>
            <Table.Th scope="col">Failure (24 h)</Table.Th>
            <Table.Th scope="col">Last success</Table.Th>
            <Table.Th scope="col">Latency p50 / last</Table.Th>
            <Table.Th scope="col">Queue</Table.Th>
            <Table.Th scope="col">Last error</Table.Th>
            {canRepush && <Table.Th scope="col">Action</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partner.modules.map((m) => (
            <Table.Tr key={m.module} data-testid={`partner-module-${partner.id}-${m.module}`}>
              <Table.Th scope="row" fw={600}>
                {m.module}
              </Table.Th>
              <Table.Td>{m.success}</Table.Td>
              <Table.Td>
                {m.failure > 0 ? (
                  <Group gap={4} wrap="nowrap">
                    <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-red-filled)" />
                    <Text span fw={700} size="sm">
                      {m.failure}
                    </Text>
                  </Group>
                ) : (
                  0
                )}
              </Table.Td>
              <Table.Td>{formatTime(m.last_success_at)}</Table.Td>
              <Table.Td>
                {ms(m.latency_ms_p50)} / {ms(m.latency_ms_last)}
              </Table.Td>
              <Table.Td>{m.queue_depth}</Table.Td>
              <Table.Td maw={360}>
                <LastError row={m} partnerId={partner.id} />
              </Table.Td>
              {canRepush && (
                <Table.Td>{m.module !== 'credentials' && <RepushMenu partner={partner} module={m.module} />}</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RotateButton({ partner }: { partner: PartnerStats }) {
  const { rotate } = usePartnerMutations();
  const [done, setDone] = useState<string | null>(null);
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        variant="default"
        leftSection={<IconKey size={14} aria-hidden />}
        loading={rotate.isPending}
        disabled={partner.status !== 'registered'}
        onClick={() =>
          rotate.mutate(partner.id, {
            onSuccess: (r) => {
              const changed = Object.entries(r.changed)
                .filter(([, v]) => v)
                .map(([k]) => k.replaceAll('_', ' '));
              setDone(`Rotated: ${changed.join(', ')}${r.warnings.length ? ` (${r.warnings.join('; ')})` : ''}`);
            },
            onError: (e) => setDone(`Rotation failed: ${message(e)}`),
          })
        }
      >
        Rotate credentials
      </Button>
      {done && (
        <Text size="xs" role="status">
          {done}
        </Text>
      )}
    </Group>
  );
}

function UnregisterButton({ partner }: { partner: PartnerStats }) {
  const { unregister } = usePartnerMutations();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button size="xs" color="red" variant="outline" leftSection={<IconTrash size={14} aria-hidden />} onClick={open}>
        Unregister
      </Button>
      <Modal opened={opened} onClose={close} title={`Unregister ${partner.name}?`} centered>
        <Stack gap="sm">
          <Text size="sm">
            The hub tells the partner (OCPI credentials DELETE) when it is registered, then forgets the connection: its
            tokens stop working and nothing is pushed to it any more.
          </Text>
          {unregister.error && (
            <Alert color="red" role="alert" title="Unregistering failed">
              {message(unregister.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={unregister.isPending}
              onClick={() => unregister.mutate(partner.id, { onSuccess: close })}
            >
              Unregister
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One partner: health, roles, per-module statistics and the actions the role allows. */
export function PartnerCard({ partner }: { partner: PartnerStats }) {
  const me = useMe();
  const headingId = `partner-${partner.id}`;
  const roles = partner.roles.map((r) => `${r.role} ${r.country_code}-${r.party_id}`).join(', ');
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid={`partner-card-${partner.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={3} id={headingId}>
                {partner.name}
              </Title>
              <HealthBadge partnerId={partner.id} health={partner.health} />
              <Badge variant="default" tt="none">
                {partner.status}
              </Badge>
              <Badge variant="default" tt="none">
                {partner.direction === 'inbound' ? 'registered with us' : 'we registered with them'}
              </Badge>
            </Group>
            <Text size="sm">
              {roles || 'No roles yet'} · {HEALTH_LOOK[partner.health].meaning} ({partner.health_window.attempts}{' '}
              attempts, {partner.health_window.failures} failed in 15 min)
            </Text>
          </Stack>
          <Group gap="xs">
            {allows(me.role, 'operator') && <RepushMenu partner={partner} />}
            {allows(me.role, 'admin') && <RotateButton partner={partner} />}
            {allows(me.role, 'admin') && <UnregisterButton partner={partner} />}
          </Group>
        </Group>
        <ModulesTable partner={partner} />
      </Stack>
    </Paper>
  );
}
