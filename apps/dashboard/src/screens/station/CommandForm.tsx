import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useMe } from '../../app/use-me.js';
import { allows } from '../../auth/session.js';
import { CommandFields } from './CommandFields.js';
import { CommandPicker } from './CommandPicker.js';
import { fetchCatalog, sendCommand, stationKeys } from './station-api.js';

type Payload = Record<string, unknown>;

function parsePayload(text: string): Payload | null {
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Sends a command to the station: pick one of the commands its OCPP version has (common ones
 * first), edit its simple fields or the JSON payload (prefilled with an example), send. The hub
 * answers at once; the outcome appears in the history below.
 */
export function CommandForm({ identity, protocol }: { identity: string; protocol: string | null }) {
  const me = useMe();
  const mayCommand = allows(me.role, 'operator');
  const queryClient = useQueryClient();
  const catalog = useQuery({ queryKey: stationKeys.catalog(identity), queryFn: () => fetchCatalog(identity) });
  const [action, setAction] = useState<string | null>(null);
  const [text, setText] = useState('{}');
  const [timeoutSeconds, setTimeoutSeconds] = useState<number | ''>('');
  const entry = catalog.data?.actions.find((a) => a.action === action);
  const payload = useMemo(() => parsePayload(text), [text]);

  const send = useMutation({
    mutationFn: () =>
      sendCommand(identity, {
        action: action!,
        payload: payload!,
        ...(timeoutSeconds === '' ? {} : { timeout_ms: Math.round(timeoutSeconds * 1000) }),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: stationKeys.commands(identity) }),
  });

  const choose = (next: string) => {
    setAction(next);
    send.reset();
    const example = catalog.data?.actions.find((a) => a.action === next)?.example ?? {};
    setText(JSON.stringify(example, null, 2));
  };

  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (action && payload) send.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            Send a command
          </Title>
          <Text size="sm" c="dimmed">
            {protocol
              ? `Commands of OCPP ${protocol}, checked against the official schemas before sending.`
              : 'The station has not connected yet, so its OCPP version is unknown: commands of every version are listed.'}
          </Text>
          {catalog.error && <Alert color="red">{catalog.error.message}</Alert>}
          <CommandPicker
            actions={catalog.data?.actions ?? []}
            value={action}
            onChange={choose}
            loading={catalog.isPending}
          />
          {entry && (
            <>
              <CommandFields
                fields={entry.fields}
                payload={payload}
                onChange={(p) => setText(JSON.stringify(p, null, 2))}
                disabled={!mayCommand}
              />
              <Textarea
                label="Payload (JSON)"
                description="The request payload as sent; objects and lists are edited here."
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                autosize
                minRows={4}
                maxRows={18}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                error={payload === null ? 'Not a JSON object' : undefined}
                spellCheck={false}
              />
              <NumberInput
                label="Timeout (seconds, optional)"
                description="How long to wait for the station's answer (default: the hub's call timeout)."
                value={timeoutSeconds}
                onChange={(v) => setTimeoutSeconds(typeof v === 'number' ? v : '')}
                min={0.1}
                max={600}
                w={260}
              />
            </>
          )}
          {send.error && (
            <Alert color="red" title="Not sent">
              {send.error.message}
            </Alert>
          )}
          {send.data && (
            <Text size="sm" role="status">
              Command {send.data.id} queued; its outcome appears in the history below.
            </Text>
          )}
          <Group>
            <Button
              type="submit"
              data-testid="command-submit"
              leftSection={<IconSend size={16} aria-hidden />}
              disabled={!mayCommand || !action || payload === null}
              loading={send.isPending}
            >
              Send command
            </Button>
            {!mayCommand && <Text size="sm">Sending commands needs the operator role.</Text>}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
