import { Alert, Badge, Button, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAlertCircle, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useFormatTime } from '../../app/time-zone.js';
import { type AuditItem, accessKeys, browserTimeZone, fetchAudit } from './access-api.js';
import type { AccessSearch } from './search.js';

const route = getRouteApi('/shell/access');
const PAGE_SIZE = 50;
const DETAILS_CHARS = 160;

/** The HTTP outcome as words as well as colour. */
function StatusCell({ status }: { status: number | null }) {
  if (status === null) return <Text size="sm">—</Text>;
  const ok = status < 400;
  const look = ok
    ? { color: 'green', label: 'OK' }
    : status < 500
      ? { color: 'orange', label: 'Refused' }
      : { color: 'red', label: 'Failed' };
  return (
    <Badge variant="light" color={look.color}>
      {status} {look.label}
    </Badge>
  );
}

function Details({ details }: { details: unknown }) {
  if (details === null || details === undefined) return <Text size="sm">—</Text>;
  const text = JSON.stringify(details);
  return (
    <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {text.length > DETAILS_CHARS ? `${text.slice(0, DETAILS_CHARS)}…` : text}
    </Code>
  );
}

/** Filter fields bound to the URL (typed freely, applied after a short pause). */
function AuditFilters({ value, onChange }: { value: AccessSearch; onChange: (patch: AccessSearch) => void }) {
  const [actor, setActor] = useState(value.actor ?? '');
  const [action, setAction] = useState(value.action ?? '');
  const apply = useDebouncedCallback(onChange, 350);
  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        label="Actor"
        description="A username, or admin-token"
        value={actor}
        onChange={(e) => {
          setActor(e.currentTarget.value);
          apply({ actor: e.currentTarget.value.trim() || undefined });
        }}
      />
      <TextInput
        label="Action contains"
        description="e.g. POST, /users, /calls"
        value={action}
        onChange={(e) => {
          setAction(e.currentTarget.value);
          apply({ action: e.currentTarget.value.trim() || undefined });
        }}
      />
    </Group>
  );
}

/** Every change made through the admin API, newest first, paged and filtered by actor and action. */
export function AuditSection() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const formatTime = useFormatTime();
  const filters = { actor: search.actor, action: search.action };
  // Cursors of the pages before the current one (keyset paging by id).
  const [cursors, setCursors] = useState<(number | undefined)[]>([]);
  const [before, setBefore] = useState<number | undefined>(undefined);
  const page = useQuery({
    queryKey: [...accessKeys.audit, filters, before],
    queryFn: () => fetchAudit(filters, before, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const update = (patch: AccessSearch) => {
    setCursors([]);
    setBefore(undefined);
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  };
  const items: AuditItem[] = page.data?.items ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="audit-heading">
      <Title order={2} id="audit-heading">
        Audit log
      </Title>
      <AuditFilters value={filters} onChange={update} />
      {page.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Audit log not loaded" role="alert">
          {page.error instanceof ApiError ? page.error.message : 'The hub cannot be reached'}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs" aria-labelledby="audit-heading" aria-busy={page.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Time</Table.Th>
              <Table.Th scope="col">Actor</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Target</Table.Th>
              <Table.Th scope="col">Result</Table.Th>
              <Table.Th scope="col">Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.isPending && (
              <Table.Tr>
                <Table.Td colSpan={7}>Loading the audit log…</Table.Td>
              </Table.Tr>
            )}
            {page.data && items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  No entries{filters.actor || filters.action ? ' match these filters' : ''}.
                </Table.Td>
              </Table.Tr>
            )}
            {items.map((item) => (
              <Table.Tr key={item.id} data-testid={`audit-row-${item.id}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTime(item.at, browserTimeZone)}</Table.Td>
                <Table.Td>{item.actor}</Table.Td>
                <Table.Td>{item.role ?? '—'}</Table.Td>
                <Table.Td>
                  <Code>{item.action}</Code>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{item.target ?? '—'}</Table.Td>
                <Table.Td>
                  <StatusCell status={item.status} />
                </Table.Td>
                <Table.Td>
                  <Details details={item.details} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {items.length > 0 ? `Page ${cursors.length + 1}, ${items.length} entries` : ''}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} aria-hidden />}
            disabled={cursors.length === 0}
            onClick={() => {
              setBefore(cursors[cursors.length - 1]);
              setCursors(cursors.slice(0, -1));
            }}
          >
            Newer
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={14} aria-hidden />}
            disabled={!page.data?.next_before_id}
            onClick={() => {
              const next = page.data?.next_before_id;
              if (!next) return;
              setCursors([...cursors, before]);
              setBefore(next);
            }}
          >
            Older
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
