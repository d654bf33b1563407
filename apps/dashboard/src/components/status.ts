/**
 * One place for what each status looks like: colour, icon name and words. Status is never shown
 * by colour alone (WCAG 1.4.1): every badge, marker and legend also carries the label.
 * Keys are OCPI EVSE statuses, OCPP connector statuses (any version), and "OFFLINE".
 */
export interface StatusLook {
  label: string;
  color: string;
  /** A glyph drawn on map markers and in legends beside the colour. */
  glyph: string;
  /** Lower = worse; the worst EVSE colours a station. */
  rank: number;
}

const LOOKS: Record<string, StatusLook> = {
  FAULTED: { label: 'Faulted', color: 'red', glyph: '!', rank: 0 },
  OUTOFORDER: { label: 'Out of order', color: 'red', glyph: '!', rank: 0 },
  UNAVAILABLE: { label: 'Unavailable', color: 'orange', glyph: '×', rank: 1 },
  INOPERATIVE: { label: 'Inoperative', color: 'orange', glyph: '×', rank: 1 },
  BLOCKED: { label: 'Blocked', color: 'orange', glyph: '×', rank: 1 },
  OFFLINE: { label: 'Offline', color: 'gray', glyph: '∅', rank: 2 },
  UNKNOWN: { label: 'Unknown', color: 'gray', glyph: '?', rank: 2 },
  CHARGING: { label: 'Charging', color: 'blue', glyph: '⚡', rank: 4 },
  OCCUPIED: { label: 'Occupied', color: 'blue', glyph: '●', rank: 4 },
  SUSPENDEDEV: { label: 'Suspended (EV)', color: 'cyan', glyph: '‖', rank: 4 },
  SUSPENDEDEVSE: { label: 'Suspended (EVSE)', color: 'cyan', glyph: '‖', rank: 4 },
  PREPARING: { label: 'Preparing', color: 'cyan', glyph: '…', rank: 4 },
  FINISHING: { label: 'Finishing', color: 'cyan', glyph: '…', rank: 4 },
  RESERVED: { label: 'Reserved', color: 'violet', glyph: 'R', rank: 3 },
  AVAILABLE: { label: 'Available', color: 'green', glyph: '✓', rank: 5 },
  PLANNED: { label: 'Planned', color: 'gray', glyph: '○', rank: 5 },
  REMOVED: { label: 'Removed', color: 'gray', glyph: '○', rank: 5 },
};

export function statusLook(status: string | null | undefined): StatusLook {
  const key = (status ?? 'UNKNOWN').toUpperCase().replace(/[^A-Z]/g, '');
  return LOOKS[key] ?? { label: status ?? 'Unknown', color: 'gray', glyph: '?', rank: 2 };
}

/** Hex colours for canvas/WebGL drawing (map markers, charts), readable on light and dark. */
export const STATUS_HEX: Record<string, string> = {
  red: '#e03131',
  orange: '#e8590c',
  gray: '#868e96',
  blue: '#1971c2',
  cyan: '#0c8599',
  violet: '#7048e8',
  green: '#2f9e44',
};
