import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { memo, useEffect, useMemo, useState } from 'react';
import { apiJson } from '../api/client.js';
import type { paths } from '../api/schema.js';
import type { StationFilterField, StationFilterValues } from './station-filters.js';
import { statusLook } from './status.js';

export { filterParams, type StationFilterField, type StationFilterValues } from './station-filters.js';

/** `GET /api/v1/stations/filters`: the values stations have, for dropdowns. */
export type StationFilterOptions =
  paths['/api/v1/stations/filters']['get']['responses'][200]['content']['application/json'];

/** Dropdown values; not under ['stations'] so live station events do not refetch them each second. */
export function useStationFilterOptions() {
  return useQuery({
    queryKey: ['station-filters'],
    queryFn: () => apiJson<StationFilterOptions>('/stations/filters'),
    staleTime: 60_000,
  });
}

type SelectField = Exclude<StationFilterField, 'q'>;
interface SelectSpec {
  label: string;
  placeholder: string;
  width: number;
  /** Typing narrows the options (long lists). */
  searchable?: boolean;
  options: (
    all: StationFilterOptions | undefined,
    party: string | undefined,
  ) => Array<{ value: string; label: string }>;
}

/**
 * A fleet has thousands of locations: the dropdown renders at most this many options at a time,
 * typing finds the rest.
 */
const OPTIONS_SHOWN = 100;

/** One entry per dropdown filter, in the order they are shown. */
const SELECTS: Record<SelectField, SelectSpec> = {
  party: {
    label: 'Party',
    placeholder: 'All parties',
    width: 180,
    searchable: true,
    options: (all) => (all?.parties ?? []).map((p) => ({ value: p.id, label: p.name ? `${p.id} · ${p.name}` : p.id })),
  },
  location: {
    label: 'Location',
    placeholder: 'All locations',
    width: 200,
    searchable: true,
    options: (all, party) => {
      const locations = (all?.locations ?? []).filter((l) => !party || l.party === party);
      return [...new Map(locations.map((l) => [l.id, l])).values()].map((l) => ({
        value: l.id,
        label: l.name ? `${l.name} (${l.id})` : l.id,
      }));
    },
  },
  protocol: {
    label: 'Protocol',
    placeholder: 'Any protocol',
    width: 150,
    options: (all) => [
      ...(all?.protocols ?? []).map((p) => ({ value: p, label: `OCPP ${p}` })),
      { value: 'none', label: 'Never connected' },
    ],
  },
  status: {
    label: 'Status',
    placeholder: 'Any status',
    width: 150,
    options: (all) => (all?.statuses ?? []).map((s) => ({ value: s, label: statusLook(s).label })),
  },
  online: {
    label: 'Connection',
    placeholder: 'Online or offline',
    width: 150,
    options: () => [
      { value: 'true', label: 'Online' },
      { value: 'false', label: 'Offline' },
    ],
  },
};

/**
 * Labelled filter controls for stations: free text (debounced), party, location, protocol, worst
 * status and online. `onChange` gets only the changed field (undefined = cleared). Memoized: the
 * map and the table re-render often (live events), the dropdowns only when their inputs change.
 */
export const StationFilterFields = memo(StationFilterFieldsView, samePropsByValue);

interface StationFilterFieldsProps {
  fields: StationFilterField[];
  value: StationFilterValues;
  onChange: (patch: Partial<StationFilterValues>) => void;
}

/** Fields and values compared by content (callers build them afresh on each render). */
function samePropsByValue(a: StationFilterFieldsProps, b: StationFilterFieldsProps): boolean {
  const keys = new Set([...Object.keys(a.value), ...Object.keys(b.value)]) as Set<StationFilterField>;
  return (
    a.onChange === b.onChange &&
    a.fields.join() === b.fields.join() &&
    [...keys].every((key) => a.value[key] === b.value[key])
  );
}

function StationFilterFieldsView({ fields, value, onChange }: StationFilterFieldsProps) {
  const options = useStationFilterOptions().data;
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  const commitText = useDebouncedCallback((q: string) => onChange({ q: q.trim() || undefined }), 300);
  // The options depend on the party filter only (the locations of that party).
  const party = value.party;
  const selects = useMemo(
    () =>
      (Object.keys(SELECTS) as SelectField[])
        .filter((field) => fields.includes(field))
        .map((field) => ({ field, spec: SELECTS[field], data: SELECTS[field].options(options, party) })),
    [fields, options, party],
  );
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      {fields.includes('q') && (
        <TextInput
          label="Search"
          placeholder="Identity or location"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            commitText(e.currentTarget.value);
          }}
          w={200}
        />
      )}
      {selects.map(({ field, spec, data }) => (
        <Select
          key={field}
          label={spec.label}
          placeholder={spec.placeholder}
          clearable
          searchable={spec.searchable}
          limit={spec.searchable ? OPTIONS_SHOWN : undefined}
          value={value[field] ?? null}
          onChange={(v) => onChange({ [field]: v ?? undefined })}
          data={data}
          w={spec.width}
        />
      ))}
    </Group>
  );
}
