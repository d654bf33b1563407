import { Alert, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMe } from '../../app/use-me.js';
import { allows } from '../../auth/session.js';
import { ApiTokensSection } from './ApiTokensSection.js';
import { AuditSection } from './AuditSection.js';
import { UsersSection } from './UsersSection.js';

/**
 * Users & access: accounts and their roles (admins), the caller's personal API tokens,
 * and the audit log of every change (operators and admins).
 */
export function AccessScreen() {
  const me = useMe();
  const admin = allows(me.role, 'admin');
  return (
    <Stack gap="xl">
      <Title order={1}>Users & access</Title>
      {!admin && (
        <Alert color="gray" icon={<IconLock aria-hidden />} title="Limited view">
          Managing accounts needs the admin role; you are signed in as {me.role}.
        </Alert>
      )}
      {admin && <UsersSection />}
      <ApiTokensSection />
      {allows(me.role, 'operator') && <AuditSection />}
    </Stack>
  );
}
