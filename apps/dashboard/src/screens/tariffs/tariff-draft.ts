/**
 * The tariff being edited: an OCPI 2.2.1 Tariff (mod_tariffs "Tariff Object") as plain JSON.
 * Fields the form does not know are kept as they are, so the raw JSON tab can add them.
 */
export interface DraftComponent {
  type: string;
  price: number;
  vat?: number;
  step_size: number;
  [key: string]: unknown;
}

export interface DraftRestrictions {
  start_time?: string;
  end_time?: string;
  start_date?: string;
  end_date?: string;
  min_kwh?: number;
  max_kwh?: number;
  min_current?: number;
  max_current?: number;
  min_power?: number;
  max_power?: number;
  min_duration?: number;
  max_duration?: number;
  day_of_week?: string[];
  reservation?: string;
  [key: string]: unknown;
}

export interface DraftElement {
  price_components: DraftComponent[];
  restrictions?: DraftRestrictions;
  [key: string]: unknown;
}

export interface DraftPrice {
  excl_vat: number;
  incl_vat?: number;
}

export interface DraftTariff {
  country_code: string;
  party_id: string;
  id: string;
  currency: string;
  type?: string;
  min_price?: DraftPrice;
  max_price?: DraftPrice;
  start_date_time?: string;
  end_date_time?: string;
  elements: DraftElement[];
  [key: string]: unknown;
}

export const COMPONENT_TYPES = ['ENERGY', 'FLAT', 'TIME', 'PARKING_TIME'] as const;
export const TARIFF_TYPES = ['AD_HOC_PAYMENT', 'PROFILE_CHEAP', 'PROFILE_FAST', 'PROFILE_GREEN', 'REGULAR'] as const;
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const RESERVATION_TYPES = ['RESERVATION', 'RESERVATION_EXPIRES'] as const;

/** What each component type's price is per, and its step size's unit. */
export const COMPONENT_UNITS: Record<string, { price: string; step: string }> = {
  ENERGY: { price: 'per kWh', step: 'Wh' },
  FLAT: { price: 'per session', step: '—' },
  TIME: { price: 'per hour', step: 's' },
  PARKING_TIME: { price: 'per hour', step: 's' },
};

/** A new tariff: one energy price, for a party of the hub. */
export function newTariff(countryCode = '', partyId = ''): DraftTariff {
  return {
    country_code: countryCode,
    party_id: partyId,
    id: '',
    currency: 'EUR',
    type: 'REGULAR',
    elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 }] }],
  };
}

/** A copy of `record` with `key` set, or removed when `value` is undefined. */
export function withField<T extends Record<string, unknown>>(record: T, key: string, value: unknown): T {
  const next = { ...record } as Record<string, unknown>;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next as T;
}

/** An element with a restriction set or cleared; an empty restrictions object is dropped. */
export function withRestriction(element: DraftElement, key: string, value: unknown): DraftElement {
  const restrictions = withField(element.restrictions ?? {}, key, value);
  return withField(element, 'restrictions', Object.keys(restrictions).length > 0 ? restrictions : undefined);
}

/** Moves item `from` of a list to `to` (element order matters: the first match prices). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Restrictions in a few words, e.g. "23:00–07:00, MONDAY–FRIDAY, from 10 kWh". */
export function describeRestrictions(r: Record<string, unknown> | null | undefined): string {
  if (!r || Object.keys(r).length === 0) return 'always';
  const parts: string[] = [];
  if (r.start_time || r.end_time) parts.push(`${r.start_time ?? '00:00'}–${r.end_time ?? '24:00'}`);
  if (r.start_date || r.end_date) parts.push(`dates ${r.start_date ?? '…'} to ${r.end_date ?? '…'}`);
  if (Array.isArray(r.day_of_week) && r.day_of_week.length > 0) parts.push(r.day_of_week.join(', '));
  const range = (min: unknown, max: unknown, unit: string) => {
    if (min !== undefined && max !== undefined) parts.push(`${min}–${max} ${unit}`);
    else if (min !== undefined) parts.push(`from ${min} ${unit}`);
    else if (max !== undefined) parts.push(`below ${max} ${unit}`);
  };
  range(r.min_kwh, r.max_kwh, 'kWh');
  range(r.min_current, r.max_current, 'A');
  range(r.min_power, r.max_power, 'kW');
  range(r.min_duration, r.max_duration, 's');
  if (r.reservation) parts.push(String(r.reservation));
  return parts.join(', ') || 'always';
}

/** Parses the JSON tab's text: the draft, or why it is not one. */
export function parseDraft(text: string): { ok: true; tariff: DraftTariff } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'not JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'not a JSON object' };
  const t = value as Record<string, unknown>;
  if (!Array.isArray(t.elements)) return { ok: false, error: '"elements" must be an array' };
  for (const [i, e] of t.elements.entries()) {
    if (!e || typeof e !== 'object' || !Array.isArray((e as DraftElement).price_components)) {
      return { ok: false, error: `elements[${i}].price_components must be an array` };
    }
  }
  return { ok: true, tariff: value as DraftTariff };
}
