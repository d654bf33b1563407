import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiJson } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { statusLook } from './status.js';

/** `GET /api/v1/stations/filters`: the values stations have, for dropdowns. */
export type StationFilterOptions =
  paths['/api/v1/stations/filters']['get']['responses'][200]['content']['application/json'];

/** The filters the stations table and the fleet map share (all URL search params). */
export interface StationFilterValues {
  q?: string;
  party?: string;
  location?: string;
  protocol?: string;
  status?: string;
  online?: 'true' | 'false';
}
export type StationFilterField = keyof StationFilterValues;

/** Dropdown values; not under ['stations'] so live station events do not refetch them each second. */
export function useStationFilterOptions() {
  return useQuery({
    queryKey: ['station-filters'],
    queryFn: () => apiJson<StationFilterOptions>('/stations/filters'),
    staleTime: 60_000,
  });
}

/** The query string of the given filters (empty values left out). */
export function filterParams(values: StationFilterValues, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...extra })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/**
 * Labelled filter controls for stations: free text (debounced), party, location, protocol, worst
 * status and online. `onChange` gets only the changed field (undefined = cleared).
 */
export function StationFilterFields({
  fields,
  value,
  onChange,
}: {
  fields: StationFilterField[];
  value: StationFilterValues;
  onChange: (patch: Partial<StationFilterValues>) => void;
}) {
  const options = useStationFilterOptions().data;
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  const commitText = useDebouncedCallback((q: string) => onChange({ q: q.trim() || undefined }), 300);
  const select = (field: StationFilterField) => (v: string | null) => onChange({ [field]: v ?? undefined });
  const locations = (options?.locations ?? []).filter((l) => !value.party || l.party === value.party);
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
      {fields.includes('party') && (
        <Select
          label="Party"
          placeholder="All parties"
          clearable
          searchable
          value={value.party ?? null}
          onChange={select('party')}
          data={(options?.parties ?? []).map((p) => ({ value: p.id, label: p.name ? `${p.id} · ${p.name}` : p.id }))}
          w={180}
        />
      )}
      {fields.includes('location') && (
        <Select
          label="Location"
          placeholder="All locations"
          clearable
          searchable
          value={value.location ?? null}
          onChange={select('location')}
          data={[...new Map(locations.map((l) => [l.id, l])).values()].map((l) => ({
            value: l.id,
            label: l.name ? `${l.name} (${l.id})` : l.id,
          }))}
          w={200}
        />
      )}
      {fields.includes('protocol') && (
        <Select
          label="Protocol"
          placeholder="Any protocol"
          clearable
          value={value.protocol ?? null}
          onChange={select('protocol')}
          data={[
            ...(options?.protocols ?? []).map((p) => ({ value: p, label: `OCPP ${p}` })),
            { value: 'none', label: 'Never connected' },
          ]}
          w={150}
        />
      )}
      {fields.includes('status') && (
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          value={value.status ?? null}
          onChange={select('status')}
          data={(options?.statuses ?? []).map((s) => ({ value: s, label: statusLook(s).label }))}
          w={150}
        />
      )}
      {fields.includes('online') && (
        <Select
          label="Connection"
          placeholder="Online or offline"
          clearable
          value={value.online ?? null}
          onChange={select('online')}
          data={[
            { value: 'true', label: 'Online' },
            { value: 'false', label: 'Offline' },
          ]}
          w={150}
        />
      )}
    </Group>
  );
}
