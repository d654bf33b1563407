/**
 * Generic OCPI 2.2.1 data types (spec chapter "Types", types.asciidoc).
 *
 * Strings carry their spec maximum length; CiStrings are additionally limited to printable
 * ASCII. Objects built here leave `additionalProperties` unset so parsing stays lenient to
 * fields added by newer versions or custom extensions.
 */
import { type Static, type TObject, Type } from 'typebox';

/** Printable ASCII, used for CiString (types §CiString). */
export const CI_STRING_PATTERN = '^[\\x20-\\x7E]*$';

/**
 * RFC 3339 timestamp as restricted by OCPI (types §DateTime): UTC only, `Z` optional,
 * fractional seconds allowed, no numeric offsets (`+00:00` is not allowed).
 */
export const DATE_TIME_PATTERN =
  '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?Z?$';

/** `CiString(n)`: case-insensitive, printable ASCII string of at most `maxLength` characters. */
export function CiString(maxLength: number) {
  return Type.String({ maxLength, pattern: CI_STRING_PATTERN });
}

/** `string(n)`: case-sensitive UTF-8 string of at most `maxLength` characters (types §string). */
export function OcpiString(maxLength: number) {
  return Type.String({ maxLength });
}

/** `DateTime` (types §DateTime): string(25) in OCPI's RFC 3339 profile. */
export const DateTime = Type.String({ maxLength: 25, pattern: DATE_TIME_PATTERN });
/** Static type of {@link DateTime}. */
export type DateTime = Static<typeof DateTime>;

/** `URL` (types §URL): string(255). Not further validated, partners use many URL styles. */
export const Url = Type.String({ maxLength: 255 });
/** Static type of {@link Url}. */
export type Url = Static<typeof Url>;

/** `DisplayText` class (types §DisplayText). */
export const DisplayText = Type.Object({
  language: OcpiString(2),
  text: OcpiString(512),
});
/** Static type of {@link DisplayText}. */
export type DisplayText = Static<typeof DisplayText>;

/** `Price` class (types §Price). */
export const Price = Type.Object({
  excl_vat: Type.Number(),
  incl_vat: Type.Optional(Type.Number()),
});
/** Static type of {@link Price}. */
export type Price = Static<typeof Price>;

/** `Role` enum (types §Role). */
export const Role = Type.Enum(['CPO', 'EMSP', 'HUB', 'NAP', 'NSP', 'OTHER', 'SCSP'], {
  type: 'string',
});
/** Static type of {@link Role}. */
export type Role = Static<typeof Role>;

/** ISO-3166 alpha-2 country code of a party: `CiString(2)` (credentials §CredentialsRole). */
export const CountryCode = CiString(2);
/** ISO-15118 party id: `CiString(3)` (credentials §CredentialsRole). */
export const PartyId = CiString(3);

/**
 * Compares two CiStrings the way the spec asks (types §CiString: case-insensitive).
 * Only ASCII is allowed in CiStrings, so a plain upper-case comparison is exact.
 */
export function ciEquals(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.toUpperCase() === b.toUpperCase();
}

/** Formats a `Date` as an OCPI `DateTime` (UTC, `Z` designator, milliseconds). */
export function toOcpiDateTime(date: Date = new Date()): DateTime {
  return date.toISOString();
}

/**
 * Parses an OCPI `DateTime` into a `Date`; a missing time zone designator means UTC
 * (types §DateTime). Returns `undefined` when the string is not a valid OCPI DateTime.
 */
export function parseOcpiDateTime(value: string): Date | undefined {
  if (value.length > 25 || !new RegExp(DATE_TIME_PATTERN).test(value)) return undefined;
  const date = new Date(value.endsWith('Z') ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * Body of a PATCH request on `schema` (transport_and_format §PATCH): every field optional except
 * `last_updated`, which every PATCH SHALL contain (locations, sessions and tokens §PATCH Method).
 */
export function PatchOf<T extends TObject>(schema: T) {
  return Type.Evaluate(Type.Intersect([Type.Partial(schema), Type.Object({ last_updated: DateTime })]));
}
