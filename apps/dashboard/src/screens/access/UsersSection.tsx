import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useFormatTime } from '../../app/time-zone.js';
import { useMe } from '../../app/use-me.js';
import {
  accessKeys,
  browserTimeZone,
  fetchUsers,
  ROLES,
  type Role,
  type User,
  useUserMutations,
} from './access-api.js';

const MIN_PASSWORD = 10;

const message = (error: unknown) =>
  error instanceof ApiError ? error.message || `Failed (${error.status})` : 'The hub cannot be reached';

/** Creates an account: username, display name, password, role. */
function CreateUserForm() {
  const { create } = useUserMutations();
  const [role, setRole] = useState<Role>('viewer');
  const [created, setCreated] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    create.mutate(
      {
        username,
        password: String(data.get('password') ?? ''),
        role,
        display_name: String(data.get('display_name') ?? '').trim() || null,
      },
      {
        onSuccess: () => {
          form.reset();
          setRole('viewer');
          setCreated(username);
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-account-heading">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={3} id="new-account-heading" size="h5">
            New account
          </Title>
          {create.error && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Not created" role="alert">
              {message(create.error)}
            </Alert>
          )}
          {created && !create.error && (
            <Text size="sm" role="status">
              Account “{created}” created.
            </Text>
          )}
          <Group align="flex-end" wrap="wrap" gap="sm">
            <TextInput
              name="username"
              label="Username"
              required
              maxLength={64}
              autoComplete="off"
              pattern="[A-Za-z0-9][A-Za-z0-9._@\-]{0,63}"
              title="Letters, digits, '.', '_', '@' or '-', starting with a letter or digit"
            />
            <TextInput name="display_name" label="Display name" maxLength={100} autoComplete="off" />
            <PasswordInput
              name="password"
              label="Password"
              description={`At least ${MIN_PASSWORD} characters`}
              required
              minLength={MIN_PASSWORD}
              maxLength={256}
              autoComplete="new-password"
            />
            <Select
              label="Role"
              data={ROLES}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
              allowDeselect={false}
              w={140}
            />
            <Button type="submit" loading={create.isPending} leftSection={<IconUserPlus size={16} aria-hidden />}>
              Create account
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Sets a new password for an account (its other browser sessions end). */
function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { update } = useUserMutations();
  return (
    <Modal opened={user !== null} onClose={onClose} title={`Reset the password of ${user?.username ?? ''}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!user) return;
          const password = String(new FormData(event.currentTarget).get('password') ?? '');
          update.mutate({ id: user.id, password }, { onSuccess: onClose });
        }}
      >
        <Stack gap="sm">
          {update.error && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Not changed" role="alert">
              {message(update.error)}
            </Alert>
          )}
          <PasswordInput
            name="password"
            label="New password"
            description={`At least ${MIN_PASSWORD} characters; the account's other sessions end`}
            required
            minLength={MIN_PASSWORD}
            maxLength={256}
            autoComplete="new-password"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Set password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Asks before deleting an account with its sessions and tokens. */
function DeleteUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { remove } = useUserMutations();
  return (
    <Modal opened={user !== null} onClose={onClose} title={`Delete the account ${user?.username ?? ''}?`}>
      <Stack gap="sm">
        {remove.error && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Not deleted" role="alert">
            {message(remove.error)}
          </Alert>
        )}
        <Text size="sm">
          Its sessions and personal API tokens stop working at once. The audit log keeps its entries.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => user && remove.mutate(user.id, { onSuccess: onClose })}
          >
            Delete account
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Every account: change its role, disable or enable it, reset its password, delete it. */
export function UsersSection() {
  const me = useMe();
  const formatTime = useFormatTime();
  const users = useQuery({ queryKey: accessKeys.users, queryFn: fetchUsers });
  const { update } = useUserMutations();
  const [resetting, setResetting] = useState<User | null>(null);
  const [deleting, setDeleting] = useState<User | null>(null);

  return (
    <Stack gap="sm" component="section" aria-labelledby="users-heading">
      <Title order={2} id="users-heading">
        Users
      </Title>
      <CreateUserForm />
      {users.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Accounts not loaded" role="alert">
          {message(users.error)}
        </Alert>
      )}
      {update.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Not changed" role="alert">
          {message(update.error)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover verticalSpacing="xs" aria-labelledby="users-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Username</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Last sign-in</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.isPending && (
              <Table.Tr>
                <Table.Td colSpan={5}>Loading accounts…</Table.Td>
              </Table.Tr>
            )}
            {users.data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>No accounts yet: create the first one above.</Table.Td>
              </Table.Tr>
            )}
            {users.data?.items.map((user) => (
              <Table.Tr key={user.id} data-testid={`user-row-${user.username}`}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {user.username}
                    {me.username === user.username && ' (you)'}
                  </Text>
                  {user.display_name && (
                    <Text size="xs" c="dimmed">
                      {user.display_name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Role of ${user.username}`}
                    data={ROLES}
                    value={user.role}
                    allowDeselect={false}
                    size="xs"
                    w={130}
                    disabled={update.isPending}
                    onChange={(role) =>
                      role && role !== user.role && update.mutate({ id: user.id, role: role as Role })
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={user.disabled ? 'gray' : 'green'}>
                    {user.disabled ? 'Disabled' : 'Enabled'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {user.last_login_at ? formatTime(user.last_login_at, browserTimeZone) : 'Never'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.username}`}
                      onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}
                    >
                      {user.disabled ? 'Enable' : 'Disable'}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Reset password of ${user.username}`}
                      onClick={() => setResetting(user)}
                    >
                      Reset password
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${user.username}`}
                      onClick={() => setDeleting(user)}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <DeleteUserModal user={deleting} onClose={() => setDeleting(null)} />
    </Stack>
  );
}
