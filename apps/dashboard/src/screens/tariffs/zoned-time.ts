/** Wall-clock ⇄ instant in an IANA zone, with Intl only (for the price preview's start time). */

function offsetMs(timeZone: string, t: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}

/** `2024-05-06T10:00` (a `datetime-local` value) read in `timeZone` → RFC 3339 UTC instant. */
export function wallToInstant(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  try {
    let t = wall - offsetMs(timeZone, wall);
    t = wall - offsetMs(timeZone, t);
    return new Date(t).toISOString();
  } catch {
    return null;
  }
}

/** An instant as a `datetime-local` value in `timeZone`. */
export function instantToWall(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMs(timeZone, instant.getTime()));
  return local.toISOString().slice(0, 16);
}

/** Every IANA zone the browser knows (UTC first), for the zone picker. */
export function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : [];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}
