import { Alert, Button, Center, Paper, PasswordInput, Stack, Tabs, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError, apiJson } from '../api/client.js';

/** Sign in with an account, or with the hub's admin token (printed by `npm start`). */
export function LoginScreen() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = new URLSearchParams(window.location.search).get('next');

  async function submit(event: FormEvent<HTMLFormElement>, body: Record<string, string>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiJson('/auth/login', { method: 'POST', body: JSON.stringify(body) });
      window.location.assign(next?.startsWith('/') && !next.startsWith('//') ? next : '/');
    } catch (e) {
      setError(e instanceof ApiError ? e.message || 'Sign-in failed' : 'The hub cannot be reached');
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={380}>
        <Stack>
          <Title order={1} size="h3">
            Sign in to chargebridge
          </Title>
          {error && (
            <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="Not signed in" role="alert">
              {error}
            </Alert>
          )}
          <Tabs defaultValue="account">
            <Tabs.List grow>
              <Tabs.Tab value="account">Account</Tabs.Tab>
              <Tabs.Tab value="token">Admin token</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="account" pt="md">
              <form
                onSubmit={(e) => {
                  const data = new FormData(e.currentTarget);
                  void submit(e, { username: String(data.get('username')), password: String(data.get('password')) });
                }}
              >
                <Stack>
                  <TextInput name="username" label="Username" autoComplete="username" required />
                  <PasswordInput name="password" label="Password" autoComplete="current-password" required />
                  <Button type="submit" loading={busy}>
                    Sign in
                  </Button>
                </Stack>
              </form>
            </Tabs.Panel>
            <Tabs.Panel value="token" pt="md">
              <form
                onSubmit={(e) => {
                  const data = new FormData(e.currentTarget);
                  void submit(e, { admin_token: String(data.get('admin_token')) });
                }}
              >
                <Stack>
                  <PasswordInput
                    name="admin_token"
                    label="Admin token"
                    description="Printed by npm start, or the ADMIN_TOKEN variable"
                    required
                  />
                  <Button type="submit" loading={busy}>
                    Sign in with token
                  </Button>
                </Stack>
              </form>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      </Paper>
    </Center>
  );
}
