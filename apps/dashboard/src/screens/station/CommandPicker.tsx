import { Combobox, InputBase, ScrollArea, Text, useCombobox } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CatalogEntry } from './station-api.js';

/**
 * The searchable "Command" picker: common commands first, then the rest. Built from Mantine's
 * combobox parts so the input alone carries the label "Command" (the option list has its own
 * name), and typing filters the list.
 */
export function CommandPicker({
  actions,
  value,
  onChange,
  loading,
}: {
  actions: CatalogEntry[];
  value: string | null;
  onChange: (action: string) => void;
  loading: boolean;
}) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState(value ?? '');
  useEffect(() => setSearch(value ?? ''), [value]);
  const needle = search === value ? '' : search.trim().toLowerCase();
  const shown = actions.filter((a) => a.action.toLowerCase().includes(needle));
  const group = (label: string, list: CatalogEntry[]) =>
    list.length === 0 ? null : (
      <Combobox.Group label={label}>
        {list.map((a) => (
          <Combobox.Option value={a.action} key={a.action} active={a.action === value}>
            {a.action}
          </Combobox.Option>
        ))}
      </Combobox.Group>
    );

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(action) => {
        onChange(action);
        setSearch(action);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target withExpandedAttribute>
        <InputBase
          label="Command"
          placeholder={loading ? 'Loading commands…' : 'Choose or type a command'}
          value={search}
          rightSection={<Combobox.Chevron />}
          rightSectionPointerEvents="none"
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => {
            combobox.closeDropdown();
            setSearch(value ?? '');
          }}
          onChange={(event) => {
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
            setSearch(event.currentTarget.value);
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options aria-label="Commands of this station">
          <ScrollArea.Autosize mah={320} type="scroll">
            {group(
              'Common',
              shown.filter((a) => a.common),
            )}
            {group(
              'All others',
              shown.filter((a) => !a.common),
            )}
            {shown.length === 0 && (
              <Combobox.Empty>
                <Text size="sm">No such command</Text>
              </Combobox.Empty>
            )}
          </ScrollArea.Autosize>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
