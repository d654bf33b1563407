import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertCircle, IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useFormatTime } from '../../app/time-zone.js';
import { useMe } from '../../app/use-me.js';
import { accessKeys, browserTimeZone, type CreatedApiToken, fetchTokens, useTokenMutations } from './access-api.js';

const message = (error: unknown) =>
  error instanceof ApiError ? error.message || `Failed (${error.status})` : 'The hub cannot be reached';

/** The secret of a token just created: shown once, with a copy button. */
function NewToken({ token, onDismiss }: { token: CreatedApiToken; onDismiss: () => void }) {
  return (
    <Alert color="green" icon={<IconKey aria-hidden />} title={`Token “${token.name}” created`} role="status">
      <Stack gap="xs">
        <Text size="sm">Copy it now: it is not shown again. Send it as “Authorization: Bearer …”.</Text>
        <Group gap="xs" wrap="nowrap">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-api-token">
            {token.token}
          </Code>
          <CopyButton value={token.token}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy token'}>
                <ActionIcon
                  variant="default"
                  size="lg"
                  onClick={copy}
                  aria-label={copied ? 'Token copied' : 'Copy token'}
                >
                  {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button size="xs" variant="default" onClick={onDismiss}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The signed-in account's personal API tokens: create (shown once), list, revoke. */
export function ApiTokensSection() {
  const me = useMe();
  const formatTime = useFormatTime();
  const hasAccount = me.username !== null;
  const tokens = useQuery({ queryKey: accessKeys.tokens, queryFn: fetchTokens, enabled: hasAccount });
  const { create, revoke } = useTokenMutations();
  const [fresh, setFresh] = useState<CreatedApiToken | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    create.mutate(name, {
      onSuccess: (created) => {
        form.reset();
        setFresh(created);
      },
    });
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="tokens-heading">
      <Title order={2} id="tokens-heading">
        My API tokens
      </Title>
      {!hasAccount ? (
        <Text size="sm">
          You are signed in with the admin token, which has no account and so no personal tokens. Sign in with an
          account to create some.
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            A personal token acts with your role ({me.role}) for scripts and tools; revoke it when it is no longer
            needed.
          </Text>
          <Paper withBorder p="md">
            <form onSubmit={submit}>
              <Group align="flex-end" gap="sm">
                <TextInput name="name" label="Token name" placeholder="e.g. billing export" required maxLength={100} />
                <Button type="submit" loading={create.isPending}>
                  Create token
                </Button>
              </Group>
            </form>
          </Paper>
          {fresh && <NewToken token={fresh} onDismiss={() => setFresh(null)} />}
          {(create.error || revoke.error || tokens.error) && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Token request failed" role="alert">
              {message(create.error ?? revoke.error ?? tokens.error)}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" aria-labelledby="tokens-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Starts with</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Last used</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>No tokens yet.</Table.Td>
                  </Table.Tr>
                )}
                {tokens.data?.items.map((token) => (
                  <Table.Tr key={token.id} data-testid={`api-token-row-${token.id}`}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{formatTime(token.created_at, browserTimeZone)}</Table.Td>
                    <Table.Td>
                      {token.last_used_at ? formatTime(token.last_used_at, browserTimeZone) : 'Never'}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={token.revoked_at ? 'gray' : 'green'}>
                        {token.revoked_at ? 'Revoked' : 'Active'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {!token.revoked_at && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke token ${token.name}`}
                          loading={revoke.isPending && revoke.variables === token.id}
                          onClick={() => revoke.mutate(token.id)}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
