import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { type TokensSearch, validateTokensSearch } from './search.js';
import { TokenDetail } from './TokenDetail.js';
import { fetchTokens, tokenKeys } from './tokens-api.js';

const PAGE = 50;

/** The screen's URL state, read and written in the address bar. */
function useTokensSearch(): [TokensSearch, (patch: Partial<TokensSearch>) => void] {
  const raw = useRouterState({ select: (s) => s.location.search as Record<string, unknown> });
  const navigate = useNavigate();
  const search = validateTokensSearch(raw);
  const update = (patch: Partial<TokensSearch>) =>
    void navigate({ to: '/tokens', search: { ...search, ...patch } as never, replace: true });
  return [search, update];
}

/**
 * Tokens: local cards of the hosted CPOs and eMSP tokens pushed over OCPI, searchable (uid,
 * contract id, visual number) and filtered by owner and source; a token's detail shows its recent
 * authorizations and why each was accepted or refused. Filters and the open token are in the URL.
 */
export function TokensScreen() {
  const formatTime = useFormatTime();
  const [search, update] = useTokensSearch();
  const [q, setQ] = useState(search.q ?? '');
  const [debouncedQ] = useDebouncedValue(q, 300);
  useEffect(() => {
    if ((search.q ?? '') !== debouncedQ) update({ q: debouncedQ || undefined, offset: undefined });
  }, [debouncedQ]);
  const filters = { q: search.q, party: search.party, source: search.source, offset: search.offset ?? 0 };
  const list = useQuery({
    queryKey: tokenKeys.list(filters),
    queryFn: () => fetchTokens({ ...filters, limit: PAGE }),
    placeholderData: (previous) => previous,
  });
  const page = Math.floor(filters.offset / PAGE) + 1;
  const open = search.uid;
  return (
    <Stack gap="md">
      <Title order={1}>Tokens</Title>
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Search uid, contract id or visual number"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          miw={300}
        />
        <TextInput
          label="Owner (CC-PID)"
          placeholder="DE-EMP"
          defaultValue={search.party ?? ''}
          onBlur={(e) => {
            const v = e.currentTarget.value.trim().toUpperCase();
            update({ party: /^[A-Z]{2}-[A-Z0-9]{3}$/.test(v) ? v : undefined, offset: undefined });
          }}
        />
        <Select
          label="Source"
          data={[
            { value: '', label: 'All' },
            { value: 'local', label: 'Local cards' },
            { value: 'roaming', label: 'eMSP tokens' },
          ]}
          value={search.source ?? ''}
          allowDeselect={false}
          onChange={(v) => update({ source: (v || undefined) as TokensSearch['source'], offset: undefined })}
          w={160}
        />
      </Group>
      {list.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Tokens could not be loaded" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Loader size="sm" aria-label="Loading tokens" />
      ) : (
        <Stack gap="xs" component="section" aria-labelledby="token-list-heading">
          <Group justify="space-between">
            <Title order={2} size="h3" id="token-list-heading">
              Token list
            </Title>
            <Text size="sm" role="status">
              {list.data?.total ?? 0} token{list.data?.total === 1 ? '' : 's'}
            </Text>
          </Group>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover aria-labelledby="token-list-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Uid</Table.Th>
                  <Table.Th scope="col">Owner</Table.Th>
                  <Table.Th scope="col">Contract id</Table.Th>
                  <Table.Th scope="col">Source</Table.Th>
                  <Table.Th scope="col">Whitelist</Table.Th>
                  <Table.Th scope="col">Valid</Table.Th>
                  <Table.Th scope="col">Last authorization</Table.Th>
                  <Table.Th scope="col">Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data?.items.map((t) => (
                  <Table.Tr key={t.id} data-testid={`token-row-${t.uid}`}>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{t.uid}</Table.Td>
                    <Table.Td>
                      {t.country_code}-{t.party_id}
                      {t.partner_name ? <Text size="xs">{t.partner_name}</Text> : null}
                    </Table.Td>
                    <Table.Td>{t.contract_id}</Table.Td>
                    <Table.Td>{t.source === 'local' ? 'local card' : 'eMSP'}</Table.Td>
                    <Table.Td>{t.whitelist}</Table.Td>
                    <Table.Td>
                      <Badge variant="default" tt="none">
                        {t.valid ? 'valid' : 'not valid'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {t.last_authorization
                        ? `${t.last_authorization.result.replaceAll('_', ' ')}, ${formatTime(t.last_authorization.at)}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant={open === t.uid ? 'filled' : 'default'}
                        aria-pressed={open === t.uid}
                        aria-label={`Show token ${t.uid}`}
                        onClick={() => update({ uid: t.uid })}
                      >
                        Show
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data && list.data.items.length === 0 && <Text size="sm">No tokens match.</Text>}
          {list.data && list.data.total > PAGE && (
            <Pagination
              total={Math.ceil(list.data.total / PAGE)}
              value={page}
              onChange={(p) => update({ offset: (p - 1) * PAGE || undefined })}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
            />
          )}
        </Stack>
      )}
      {open && (
        <TokenDetail
          key={open}
          uid={open}
          token={list.data?.items.find((t) => t.uid === open)}
          onClose={() => update({ uid: undefined })}
        />
      )}
    </Stack>
  );
}
