/**
 * The finance export's record and its three renderings (CSV, JSON array, NDJSON): the one place
 * that decides the export's columns, their order and their text. Documented in
 * docs/finance-export.md — a column added here is added there.
 */

/** Export formats of `chargebridge cdr export` and `GET /api/v1/cdrs/export`. */
export type CdrExportFormat = 'csv' | 'json' | 'ndjson';

/** Every format, for validating input. */
export const CDR_EXPORT_FORMATS: readonly CdrExportFormat[] = ['csv', 'json', 'ndjson'];

/**
 * One CDR as the export reads it from the store. Decimals travel as their exact decimal text
 * (never floats: these are invoiced amounts); timestamps as UTC ISO 8601 text; absent = null.
 */
export interface CdrExportRow {
  cdr_id: string;
  /** The CPO that issued the CDR, `CC-PID`. */
  party: string;
  start_date_time: string;
  end_date_time: string;
  session_id: string | null;
  location_id: string | null;
  evse_uid: string | null;
  evse_id: string | null;
  token_uid: string | null;
  contract_id: string | null;
  /** The eMSP that owns the token, `CC-PID`. */
  token_owner: string | null;
  total_energy_kwh: string;
  total_time_h: string | null;
  total_parking_time_h: string | null;
  currency: string;
  total_cost_excl_vat: string;
  total_cost_incl_vat: string | null;
  total_fixed_cost_excl_vat: string | null;
  total_fixed_cost_incl_vat: string | null;
  total_energy_cost_excl_vat: string | null;
  total_energy_cost_incl_vat: string | null;
  total_time_cost_excl_vat: string | null;
  total_time_cost_incl_vat: string | null;
  total_parking_cost_excl_vat: string | null;
  total_parking_cost_incl_vat: string | null;
  total_reservation_cost_excl_vat: string | null;
  total_reservation_cost_incl_vat: string | null;
  credit: boolean;
  credit_reference_id: string | null;
  /** Ids of the tariffs the CDR was priced with, `;`-separated. */
  tariff_ids: string | null;
  last_updated: string;
}

type Kind = 'text' | 'decimal' | 'boolean';

/** The columns, in export order, with how each is written in JSON (CSV writes text for all). */
export const CDR_EXPORT_COLUMNS: ReadonlyArray<readonly [keyof CdrExportRow, Kind]> = [
  ['cdr_id', 'text'],
  ['party', 'text'],
  ['start_date_time', 'text'],
  ['end_date_time', 'text'],
  ['session_id', 'text'],
  ['location_id', 'text'],
  ['evse_uid', 'text'],
  ['evse_id', 'text'],
  ['token_uid', 'text'],
  ['contract_id', 'text'],
  ['token_owner', 'text'],
  ['total_energy_kwh', 'decimal'],
  ['total_time_h', 'decimal'],
  ['total_parking_time_h', 'decimal'],
  ['currency', 'text'],
  ['total_cost_excl_vat', 'decimal'],
  ['total_cost_incl_vat', 'decimal'],
  ['total_fixed_cost_excl_vat', 'decimal'],
  ['total_fixed_cost_incl_vat', 'decimal'],
  ['total_energy_cost_excl_vat', 'decimal'],
  ['total_energy_cost_incl_vat', 'decimal'],
  ['total_time_cost_excl_vat', 'decimal'],
  ['total_time_cost_incl_vat', 'decimal'],
  ['total_parking_cost_excl_vat', 'decimal'],
  ['total_parking_cost_incl_vat', 'decimal'],
  ['total_reservation_cost_excl_vat', 'decimal'],
  ['total_reservation_cost_incl_vat', 'decimal'],
  ['credit', 'boolean'],
  ['credit_reference_id', 'text'],
  ['tariff_ids', 'text'],
  ['last_updated', 'text'],
];

const NEEDS_QUOTES = /[",\r\n]/;
const DECIMAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** One CSV field per RFC 4180 §2: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'boolean' ? (value ? 'true' : 'false') : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV header line (CRLF-terminated, RFC 4180 §2.1). */
export function csvHeader(): string {
  return `${CDR_EXPORT_COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

// Decimal and boolean columns never hold a comma, quote or line break: only text is checked.
const CSV_TEXT_COLUMN = CDR_EXPORT_COLUMNS.map(([, kind]) => kind === 'text');
const CSV_NAMES = CDR_EXPORT_COLUMNS.map(([name]) => name);

/** One CDR as a CSV line (CRLF-terminated). */
export function csvLine(row: CdrExportRow): string {
  let line = '';
  for (let i = 0; i < CSV_NAMES.length; i++) {
    const value = row[CSV_NAMES[i] as keyof CdrExportRow];
    const field =
      value === null ? '' : CSV_TEXT_COLUMN[i] ? csvField(value) : typeof value === 'boolean' ? String(value) : value;
    line += i === 0 ? field : `,${field}`;
  }
  return `${line}\r\n`;
}

/**
 * One CDR as a JSON object text: the same fields as the CSV, decimals as JSON numbers written from
 * their exact decimal text (no float round trip), booleans as booleans, absent as null.
 */
export function jsonRecord(row: CdrExportRow): string {
  let out = '{';
  for (let i = 0; i < CDR_EXPORT_COLUMNS.length; i++) {
    const [name, kind] = CDR_EXPORT_COLUMNS[i] as readonly [keyof CdrExportRow, Kind];
    const value = row[name];
    let text: string;
    if (value === null) text = 'null';
    else if (kind === 'boolean') text = value ? 'true' : 'false';
    else if (kind === 'decimal' && DECIMAL.test(value as string)) text = value as string;
    else text = JSON.stringify(String(value));
    out += `${i > 0 ? ',' : ''}"${name}":${text}`;
  }
  return `${out}}`;
}

/** Renders rows in one format: what goes before the first row, each row (by position), and after the last. */
export interface CdrExportFormatter {
  readonly contentType: string;
  readonly extension: string;
  head(): string;
  row(row: CdrExportRow, index: number): string;
  tail(): string;
}

/** The formatter of `format`. */
export function cdrExportFormatter(format: CdrExportFormat): CdrExportFormatter {
  switch (format) {
    case 'csv':
      // RFC 4180 §3 registers text/csv with the optional `header` parameter.
      return {
        contentType: 'text/csv; charset=utf-8; header=present',
        extension: 'csv',
        head: csvHeader,
        row: csvLine,
        tail: () => '',
      };
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
        head: () => '[',
        row: (row, index) => `${index > 0 ? ',\n' : '\n'}${jsonRecord(row)}`,
        tail: () => '\n]\n',
      };
    case 'ndjson':
      return {
        contentType: 'application/x-ndjson; charset=utf-8',
        extension: 'ndjson',
        head: () => '',
        row: (row) => `${jsonRecord(row)}\n`,
        tail: () => '',
      };
  }
}
