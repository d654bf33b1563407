import { Checkbox, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { CatalogEntry } from './station-api.js';

type Field = CatalogEntry['fields'][number];
type Payload = Record<string, unknown>;

/** Fields a simple input can edit; objects and arrays stay in the JSON editor. */
export const isSimpleField = (f: Field) => f.type !== 'object' && f.type !== 'array';

/**
 * Inputs for the top-level simple fields of a command (enums as selects, numbers, text, flags).
 * They edit the same payload as the JSON editor: each change writes the field into the payload.
 */
export function CommandFields({
  fields,
  payload,
  onChange,
  disabled,
}: {
  fields: Field[];
  payload: Payload | null;
  onChange: (payload: Payload) => void;
  disabled: boolean;
}) {
  const simple = fields.filter(isSimpleField);
  if (simple.length === 0) return null;
  const set = (name: string, value: unknown) => {
    const next = { ...(payload ?? {}) };
    if (value === undefined || value === '') delete next[name];
    else next[name] = value;
    onChange(next);
  };
  const off = disabled || payload === null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {simple.map((f) => {
        const label = `${f.name}${f.required ? '' : ' (optional)'}`;
        const value = payload?.[f.name];
        const description = f.description ?? undefined;
        if (f.enum) {
          return (
            <Select
              key={f.name}
              label={label}
              description={description}
              data={f.enum}
              value={typeof value === 'string' ? value : null}
              onChange={(v) => set(f.name, v ?? undefined)}
              clearable={!f.required}
              disabled={off}
              withAsterisk={f.required}
            />
          );
        }
        if (f.type === 'integer' || f.type === 'number') {
          return (
            <NumberInput
              key={f.name}
              label={label}
              description={description}
              value={typeof value === 'number' ? value : ''}
              onChange={(v) => set(f.name, typeof v === 'number' ? v : undefined)}
              allowDecimal={f.type === 'number'}
              disabled={off}
              withAsterisk={f.required}
            />
          );
        }
        if (f.type === 'boolean') {
          return (
            <Checkbox
              key={f.name}
              label={label}
              description={description}
              checked={value === true}
              onChange={(e) => set(f.name, e.currentTarget.checked)}
              disabled={off}
              mt="lg"
            />
          );
        }
        return (
          <TextInput
            key={f.name}
            label={label}
            description={description}
            placeholder={f.format === 'date-time' ? 'YYYY-MM-DDThh:mm:ssZ' : undefined}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => set(f.name, e.currentTarget.value)}
            disabled={off}
            withAsterisk={f.required}
          />
        );
      })}
    </SimpleGrid>
  );
}
