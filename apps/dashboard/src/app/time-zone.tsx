import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

type Mode = 'local' | 'utc';
const KEY = 'chargebridge-time-zone-mode';
const TimeZoneContext = createContext<{ mode: Mode; setMode: (mode: Mode) => void }>({
  mode: 'local',
  setMode: () => {},
});

/** Whether times show in the station's (location's) time zone or in UTC; kept per browser. */
export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [mode, setModeState] = useState<Mode>(() => (localStorage.getItem(KEY) === 'utc' ? 'utc' : 'local'));
  const value = useMemo(
    () => ({
      mode,
      setMode: (next: Mode) => {
        localStorage.setItem(KEY, next);
        setModeState(next);
      },
    }),
    [mode],
  );
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZoneMode() {
  return useContext(TimeZoneContext);
}

/**
 * Formats an instant for display: in `stationTimeZone` (an IANA zone from the location) or UTC,
 * always naming the zone so a reader never guesses.
 */
export function useFormatTime() {
  const { mode } = useTimeZoneMode();
  return (iso: string | null | undefined, stationTimeZone?: string | null, withDate = true) => {
    if (!iso) return '—';
    const timeZone = mode === 'utc' || !stationTimeZone ? 'UTC' : stationTimeZone;
    return new Intl.DateTimeFormat('en-GB', {
      timeZone,
      ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'short',
    }).format(new Date(iso));
  };
}
