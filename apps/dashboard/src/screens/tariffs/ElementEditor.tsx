import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import {
  COMPONENT_TYPES,
  COMPONENT_UNITS,
  DAYS,
  type DraftComponent,
  type DraftElement,
  describeRestrictions,
  RESERVATION_TYPES,
  withField,
  withRestriction,
} from './tariff-draft.js';

const num = (v: number | string) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function ComponentRow({
  component,
  index,
  onChange,
  onRemove,
  canRemove,
}: {
  component: DraftComponent;
  index: number;
  onChange: (next: DraftComponent) => void;
  onRemove: () => void;
  canRemove: boolean;
}) {
  const unit = COMPONENT_UNITS[component.type] ?? { price: '', step: '' };
  return (
    <Fieldset legend={`Price component ${index + 1}`} variant="filled" p="xs">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label="Type"
          data={[...COMPONENT_TYPES]}
          value={component.type}
          allowDeselect={false}
          onChange={(v) => v && onChange({ ...component, type: v })}
          w={160}
        />
        <NumberInput
          label={`Price excl. VAT (${unit.price})`}
          value={component.price}
          min={0}
          decimalScale={4}
          onChange={(v) => onChange({ ...component, price: num(v) ?? 0 })}
          w={190}
        />
        <NumberInput
          label="VAT % (empty: none)"
          value={component.vat ?? ''}
          min={0}
          max={100}
          decimalScale={2}
          onChange={(v) => onChange(withField(component, 'vat', num(v)))}
          w={150}
        />
        <NumberInput
          label={`Step size (${unit.step})`}
          value={component.step_size}
          min={component.type === 'FLAT' ? 0 : 1}
          allowDecimal={false}
          onChange={(v) => onChange({ ...component, step_size: num(v) ?? 1 })}
          w={140}
        />
        <Tooltip label="Remove this price component">
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={`Remove price component ${index + 1}`}
            onClick={onRemove}
            disabled={!canRemove}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Fieldset>
  );
}

function RestrictionsEditor({ element, onChange }: { element: DraftElement; onChange: (next: DraftElement) => void }) {
  const r = element.restrictions ?? {};
  const set = (key: string, value: unknown) => onChange(withRestriction(element, key, value));
  const numberField = (key: string, label: string) => (
    <NumberInput
      label={label}
      value={(r[key] as number | undefined) ?? ''}
      min={0}
      onChange={(v) => set(key, num(v))}
    />
  );
  return (
    <Fieldset legend="Restrictions (all must hold; none = always)" variant="default" p="xs">
      <Stack gap="xs">
        <Text size="xs">Now: {describeRestrictions(r)}. Times and dates are local to the location.</Text>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
          <TextInput
            label="Start time"
            type="time"
            value={r.start_time ?? ''}
            onChange={(e) => set('start_time', e.currentTarget.value)}
          />
          <TextInput
            label="End time"
            type="time"
            value={r.end_time ?? ''}
            onChange={(e) => set('end_time', e.currentTarget.value)}
          />
          <TextInput
            label="Start date"
            type="date"
            value={r.start_date ?? ''}
            onChange={(e) => set('start_date', e.currentTarget.value)}
          />
          <TextInput
            label="End date"
            type="date"
            value={r.end_date ?? ''}
            onChange={(e) => set('end_date', e.currentTarget.value)}
          />
          {numberField('min_kwh', 'Min kWh')}
          {numberField('max_kwh', 'Max kWh')}
          {numberField('min_power', 'Min power (kW)')}
          {numberField('max_power', 'Max power (kW)')}
          {numberField('min_current', 'Min current (A)')}
          {numberField('max_current', 'Max current (A)')}
          {numberField('min_duration', 'Min duration (s)')}
          {numberField('max_duration', 'Max duration (s)')}
        </SimpleGrid>
        <Checkbox.Group label="Days of week" value={r.day_of_week ?? []} onChange={(days) => set('day_of_week', days)}>
          <Group gap="sm" mt={4}>
            {DAYS.map((d) => (
              <Checkbox
                key={d}
                value={d}
                label={d.slice(0, 1) + d.slice(1, 3).toLowerCase()}
                aria-label={d.toLowerCase()}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Select
          label="Reservation"
          data={[
            { value: '', label: 'Not a reservation price' },
            ...RESERVATION_TYPES.map((t) => ({ value: t, label: t })),
          ]}
          value={r.reservation ?? ''}
          allowDeselect={false}
          onChange={(v) => set('reservation', v || undefined)}
          maw={260}
        />
      </Stack>
    </Fieldset>
  );
}

/** One tariff element: its price components and restrictions, with order and removal controls. */
export function ElementEditor({
  element,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  element: DraftElement;
  index: number;
  count: number;
  onChange: (next: DraftElement) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const components = element.price_components;
  const setComponent = (i: number, next: DraftComponent) =>
    onChange({ ...element, price_components: components.map((c, j) => (j === i ? next : c)) });
  return (
    <Fieldset legend={`Element ${index + 1}`} data-testid={`tariff-element-${index}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm">
            Applies {describeRestrictions(element.restrictions)}; the first element whose restrictions hold prices each
            dimension.
          </Text>
          <Group gap={4}>
            <ActionIcon
              variant="default"
              aria-label={`Move element ${index + 1} up`}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={`Move element ${index + 1} down`}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="default"
              aria-label={`Remove element ${index + 1}`}
              disabled={count === 1}
              onClick={onRemove}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        {components.map((c, i) => (
          <ComponentRow
            key={i}
            component={c}
            index={i}
            canRemove={components.length > 1}
            onChange={(next) => setComponent(i, next)}
            onRemove={() => onChange({ ...element, price_components: components.filter((_, j) => j !== i) })}
          />
        ))}
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              onChange({ ...element, price_components: [...components, { type: 'TIME', price: 0, step_size: 60 }] })
            }
          >
            Add price component
          </Button>
        </Group>
        <RestrictionsEditor element={element} onChange={onChange} />
      </Stack>
    </Fieldset>
  );
}
