import {
  Alert,
  Button,
  Fieldset,
  Group,
  JsonInput,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useMe } from '../../app/use-me.js';
import { allows } from '../../auth/session.js';
import { ElementEditor } from './ElementEditor.js';
import { type DraftPrice, type DraftTariff, moved, parseDraft, TARIFF_TYPES, withField } from './tariff-draft.js';
import { useSaveTariff } from './tariffs-api.js';

const num = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function PriceBound({
  label,
  value,
  onChange,
}: {
  label: string;
  value: DraftPrice | undefined;
  onChange: (next: DraftPrice | undefined) => void;
}) {
  const set = (key: 'excl_vat' | 'incl_vat', v: number | undefined) => {
    const next = withField({ ...(value ?? {}) }, key, v) as Partial<DraftPrice>;
    onChange(next.excl_vat === undefined ? undefined : (next as DraftPrice));
  };
  return (
    <>
      <NumberInput
        label={`${label} excl. VAT`}
        value={value?.excl_vat ?? ''}
        min={0}
        decimalScale={4}
        onChange={(v) => set('excl_vat', num(v))}
      />
      <NumberInput
        label={`${label} incl. VAT`}
        value={value?.incl_vat ?? ''}
        min={0}
        decimalScale={4}
        disabled={value?.excl_vat === undefined}
        onChange={(v) => set('incl_vat', num(v))}
      />
    </>
  );
}

function TariffForm({
  draft,
  onChange,
  isNew,
}: {
  draft: DraftTariff;
  onChange: (next: DraftTariff) => void;
  isNew: boolean;
}) {
  const set = (key: string, value: unknown) => onChange(withField(draft, key, value));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <TextInput
          label="Country code"
          value={draft.country_code}
          maxLength={2}
          readOnly={!isNew}
          onChange={(e) => onChange({ ...draft, country_code: e.currentTarget.value.toUpperCase() })}
        />
        <TextInput
          label="Party id"
          value={draft.party_id}
          maxLength={3}
          readOnly={!isNew}
          onChange={(e) => onChange({ ...draft, party_id: e.currentTarget.value.toUpperCase() })}
        />
        <TextInput
          label="Tariff id"
          value={draft.id}
          maxLength={36}
          readOnly={!isNew}
          required
          onChange={(e) => onChange({ ...draft, id: e.currentTarget.value })}
        />
        <TextInput
          label="Currency"
          value={draft.currency}
          maxLength={3}
          onChange={(e) => onChange({ ...draft, currency: e.currentTarget.value.toUpperCase() })}
        />
        <Select
          label="Type"
          data={[{ value: '', label: '—' }, ...TARIFF_TYPES.map((t) => ({ value: t, label: t }))]}
          value={draft.type ?? ''}
          allowDeselect={false}
          onChange={(v) => set('type', v || undefined)}
        />
        <TextInput
          label="Valid from (RFC 3339)"
          placeholder="2025-01-01T00:00:00Z"
          value={draft.start_date_time ?? ''}
          onChange={(e) => set('start_date_time', e.currentTarget.value)}
        />
        <TextInput
          label="Valid until (RFC 3339)"
          value={draft.end_date_time ?? ''}
          onChange={(e) => set('end_date_time', e.currentTarget.value)}
        />
      </SimpleGrid>
      <Fieldset legend="Session price bounds (optional)" p="xs">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
          <PriceBound label="Min price" value={draft.min_price} onChange={(v) => set('min_price', v)} />
          <PriceBound label="Max price" value={draft.max_price} onChange={(v) => set('max_price', v)} />
        </SimpleGrid>
      </Fieldset>
      {draft.elements.map((element, i) => (
        <ElementEditor
          key={i}
          element={element}
          index={i}
          count={draft.elements.length}
          onChange={(next) => onChange({ ...draft, elements: draft.elements.map((e, j) => (j === i ? next : e)) })}
          onMove={(to) => onChange({ ...draft, elements: moved(draft.elements, i, to) })}
          onRemove={() => onChange({ ...draft, elements: draft.elements.filter((_, j) => j !== i) })}
        />
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() =>
            onChange({
              ...draft,
              elements: [...draft.elements, { price_components: [{ type: 'PARKING_TIME', price: 0, step_size: 60 }] }],
            })
          }
        >
          Add element
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The tariff editor: a form for elements, price components and restrictions, and the raw JSON,
 * both editing one draft (kept in sync both ways; invalid JSON is shown, not applied). Admins save
 * it with `PUT /tariffs/{cc}/{pid}/{id}`.
 */
export function TariffEditor({
  draft,
  onChange,
  isNew,
  onSaved,
}: {
  draft: DraftTariff;
  onChange: (next: DraftTariff) => void;
  isNew: boolean;
  onSaved: (saved: DraftTariff) => void;
}) {
  const me = useMe();
  const save = useSaveTariff();
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const fromJson = useRef(false);
  useEffect(() => {
    if (fromJson.current) {
      fromJson.current = false;
      return;
    }
    setText(JSON.stringify(draft, null, 2));
    setJsonError(null);
  }, [draft]);

  function editJson(next: string) {
    setText(next);
    const parsed = parseDraft(next);
    if (!parsed.ok) {
      setJsonError(parsed.error);
      return;
    }
    setJsonError(null);
    fromJson.current = true;
    onChange(parsed.tariff);
  }

  const canSave = allows(me.role, 'admin') && draft.country_code !== '' && draft.party_id !== '' && draft.id !== '';
  return (
    <Stack gap="sm">
      <Tabs defaultValue="form">
        <Tabs.List>
          <Tabs.Tab value="form">Form</Tabs.Tab>
          <Tabs.Tab value="json">Raw JSON</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="form" pt="sm">
          <TariffForm draft={draft} onChange={onChange} isNew={isNew} />
        </Tabs.Panel>
        <Tabs.Panel value="json" pt="sm">
          <Text size="sm" mb="xs">
            Edits apply to the form as soon as the text is a valid tariff object.
          </Text>
          <JsonInput
            label="OCPI Tariff (JSON)"
            value={text}
            onChange={editJson}
            autosize
            minRows={12}
            maxRows={40}
            error={jsonError}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
        </Tabs.Panel>
      </Tabs>
      {allows(me.role, 'admin') ? (
        <Group>
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            disabled={!canSave || jsonError !== null}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                {
                  ref: { country_code: draft.country_code, party_id: draft.party_id, tariff_id: draft.id },
                  tariff: draft,
                },
                { onSuccess: (saved) => onSaved(saved as DraftTariff) },
              )
            }
          >
            Save tariff
          </Button>
          {save.isSuccess && (
            <Text size="sm" role="status">
              Saved; the hub pushes it to its partners.
            </Text>
          )}
        </Group>
      ) : (
        <Text size="sm">Only an admin can save tariffs; the preview below works on this draft.</Text>
      )}
      {save.error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} title="The hub refused the tariff" role="alert">
          {save.error instanceof ApiError ? save.error.message : 'The hub cannot be reached'}
        </Alert>
      )}
    </Stack>
  );
}
