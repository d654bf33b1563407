import { ActionIcon } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useCallback, useState } from 'react';

/** Which rows of a table are expanded, by id, and a toggle for one. */
export function useExpandedRows(): { isOpen: (id: number) => boolean; toggle: (id: number) => void } {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = useCallback(
    (id: number) =>
      setOpen((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  return { isOpen: (id) => open.has(id), toggle };
}

/** The chevron button that shows or hides a row's details, named for screen readers. */
export function ExpandToggle({ expanded, onToggle, what }: { expanded: boolean; onToggle: () => void; what: string }) {
  return (
    <ActionIcon
      variant="subtle"
      onClick={onToggle}
      aria-expanded={expanded}
      aria-label={`${expanded ? 'Hide' : 'Show'} ${what}`}
    >
      {expanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
    </ActionIcon>
  );
}
