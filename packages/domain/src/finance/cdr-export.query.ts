import { CDR_EXPORT_FORMATS, type CdrExportFormat } from './cdr-export.format.js';

/** Input of an export, as the CLI flags and the API query string give it. */
export interface CdrExportInput {
  from?: string;
  to?: string;
  party?: string;
  format?: string;
}

/** A validated export request: `from` inclusive, `to` exclusive, on the CDR's `end_date_time`. */
export interface CdrExportQuery {
  from: Date;
  to: Date;
  party?: { country_code: string; party_id: string };
  format: CdrExportFormat;
}

/** Invalid export input; `message` is meant for the user. */
export class CdrExportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CdrExportInputError';
  }
}

// OCPI 2.2.1 DateTime (types §DateTime) plus an explicit offset, or a bare date (midnight UTC).
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function instant(name: string, value: string | undefined): Date {
  if (value === undefined || value === '') throw new CdrExportInputError(`--${name} is required (ISO 8601)`);
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
  // A time without an offset is UTC, as OCPI DateTime is.
  const text = bare ? `${value}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const date = new Date(text);
  if (!ISO.test(value) || Number.isNaN(date.getTime())) {
    throw new CdrExportInputError(`${name} "${value}" is not an ISO 8601 date-time`);
  }
  return date;
}

/** Validates and normalizes export input (dates, `CC-PID` party, format; csv by default). */
export function parseCdrExportQuery(input: CdrExportInput): CdrExportQuery {
  const from = instant('from', input.from);
  const to = instant('to', input.to);
  if (to.getTime() <= from.getTime()) throw new CdrExportInputError('to must be after from');
  const format = (input.format ?? 'csv') as CdrExportFormat;
  if (!CDR_EXPORT_FORMATS.includes(format)) {
    throw new CdrExportInputError(`format "${input.format}" is not one of ${CDR_EXPORT_FORMATS.join(', ')}`);
  }
  let party: CdrExportQuery['party'];
  if (input.party !== undefined) {
    // OCPI: country_code is ISO 3166-1 alpha-2, party_id 3 characters (ISO 15118).
    const m = /^([A-Za-z]{2})[-*]?([A-Za-z0-9]{3})$/.exec(input.party);
    if (!m) throw new CdrExportInputError(`party "${input.party}" is not CC-PID (e.g. NL-CBH)`);
    party = { country_code: (m[1] as string).toUpperCase(), party_id: (m[2] as string).toUpperCase() };
  }
  return { from, to, party, format };
}
