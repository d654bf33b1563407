import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertCircle, IconCheck, IconCopy, IconLink, IconUserPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { type Invitation, usePartnerMutations } from './partners-api.js';

const message = (error: unknown) =>
  error instanceof ApiError ? error.message || `Failed (${error.status})` : 'The hub cannot be reached';

function Copyable({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid={testId}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : `Copy ${label}`}>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={copy}
                aria-label={copied ? `${label} copied` : `Copy ${label}`}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** Invite: the hub issues a token A the partner registers with (credentials §POST, they call us). */
function InviteForm() {
  const { invite } = usePartnerMutations();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    invite.mutate(name, {
      onSuccess: (created) => {
        form.reset();
        setInvitation(created);
      },
    });
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        The hub creates a token A. Give it and the versions URL to the partner; it registers with the hub (OCPI
        credentials POST) and appears below once it has.
      </Text>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm">
          <TextInput name="name" label="Partner name" required maxLength={200} placeholder="e.g. Example eMSP" />
          <Button type="submit" loading={invite.isPending} leftSection={<IconUserPlus size={16} aria-hidden />}>
            Invite partner
          </Button>
        </Group>
      </form>
      {invite.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Invitation failed" role="alert">
          {message(invite.error)}
        </Alert>
      )}
      {invitation && (
        <Alert color="blue" title="Invitation created" role="status">
          <Stack gap="sm">
            <Text size="sm">Hand these to the partner now: the token is not shown again.</Text>
            <Copyable label="Token A" value={invitation.token_a} testId="invite-token-a" />
            <Copyable label="Versions URL" value={invitation.versions_url} testId="invite-versions-url" />
            <Group>
              <Button size="xs" variant="default" onClick={() => setInvitation(null)}>
                Done
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

/** Connect: the hub registers with a partner from its versions URL and token A (we call them). */
function ConnectForm() {
  const { connect } = usePartnerMutations();
  const [connected, setConnected] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      name: String(data.get('name') ?? '').trim(),
      versions_url: String(data.get('versions_url') ?? '').trim(),
      token: String(data.get('token') ?? '').trim(),
    };
    connect.mutate(body, {
      onSuccess: (partner) => {
        form.reset();
        setConnected(partner.name);
      },
    });
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        The hub reads the partner's versions with its token A, posts its own credentials and keeps the token the partner
        answers with.
      </Text>
      <form onSubmit={submit}>
        <Stack gap="sm" maw={560}>
          <TextInput name="name" label="Partner name" required maxLength={200} />
          <TextInput
            name="versions_url"
            label="Partner versions URL"
            required
            type="url"
            pattern="https?://.+"
            placeholder="https://partner.example/ocpi/versions"
          />
          <PasswordInput name="token" label="Partner token A" required maxLength={255} autoComplete="off" />
          <Group>
            <Button type="submit" loading={connect.isPending} leftSection={<IconLink size={16} aria-hidden />}>
              Connect to partner
            </Button>
          </Group>
        </Stack>
      </form>
      {connect.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Registration failed" role="alert">
          {message(connect.error)}
        </Alert>
      )}
      {connected && (
        <Alert color="blue" title="Registered" role="status" withCloseButton onClose={() => setConnected(null)}>
          The hub is registered with {connected}.
        </Alert>
      )}
    </Stack>
  );
}

/** Registration in either direction (admin only). */
export function RegisterPartner() {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="register-heading">
      <Title order={2} size="h3" id="register-heading" mb="sm">
        Register a partner
      </Title>
      <Tabs defaultValue="invite" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="invite">Invite a partner</Tabs.Tab>
          <Tabs.Tab value="connect">Connect to a partner</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="invite" pt="sm">
          <InviteForm />
        </Tabs.Panel>
        <Tabs.Panel value="connect" pt="sm">
          <ConnectForm />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
