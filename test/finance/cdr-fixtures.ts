import type { Store } from '../../packages/store/src/index.js';

/** A CDR as the bridge writes it (OCPI 2.2.1 CDR object plus the table's columns). */
export interface CdrSeed {
  cdrId: string;
  cpo?: [string, string];
  owner?: [string, string];
  start: string;
  end: string;
  currency?: string;
  kwh: number;
  excl: number;
  incl: number;
  credit?: string;
  locationId?: string;
}

const price = (excl: number, incl: number) => ({ excl_vat: excl, incl_vat: incl });

/** Inserts CDRs (one statement, so they share `last_updated`: the keyset must break ties by id). */
export async function insertCdrs(store: Store, seeds: CdrSeed[]): Promise<void> {
  await store.db
    .insertInto('cdrs')
    .values(
      seeds.map((s) => {
        const [cc, pid] = s.cpo ?? ['NL', 'CPO'];
        const [tcc, tpid] = s.owner ?? ['DE', 'EMP'];
        const sign = s.credit ? -1 : 1;
        const data = {
          country_code: cc,
          party_id: pid,
          id: s.cdrId,
          start_date_time: s.start,
          end_date_time: s.end,
          session_id: `S-${s.cdrId}`,
          cdr_token: {
            country_code: tcc,
            party_id: tpid,
            uid: `UID-${s.cdrId}`,
            type: 'RFID',
            contract_id: `${tcc}-${tpid}-C1`,
          },
          auth_method: 'WHITELIST',
          cdr_location: {
            id: s.locationId ?? 'LOC1',
            name: 'Station',
            address: 'Main 1',
            city: 'Utrecht',
            country: 'NLD',
            coordinates: { latitude: '52.09', longitude: '5.12' },
            evse_uid: 'EVSE-1',
            evse_id: 'NL*CPO*E1',
            connector_id: '1',
            connector_standard: 'IEC_62196_T2',
            connector_format: 'SOCKET',
            connector_power_type: 'AC_3_PHASE',
          },
          currency: s.currency ?? 'EUR',
          tariffs: [{ id: 'T1' }, { id: 'T2' }],
          charging_periods: [],
          total_cost: price(sign * s.excl, sign * s.incl),
          total_fixed_cost: price(sign * 0.5, sign * 0.605),
          total_energy: sign * s.kwh,
          total_energy_cost: price(sign * (s.excl - 0.5), sign * (s.incl - 0.605)),
          total_time: sign * 1.25,
          total_parking_time: 0,
          credit: s.credit ? true : undefined,
          credit_reference_id: s.credit,
          last_updated: new Date().toISOString(),
        };
        return {
          country_code: cc,
          party_id: pid,
          cdr_id: s.cdrId,
          session_id: data.session_id,
          token_country_code: tcc,
          token_party_id: tpid,
          currency: data.currency,
          total_cost_excl_vat: sign * s.excl,
          total_cost_incl_vat: sign * s.incl,
          total_energy_kwh: sign * s.kwh,
          start_date_time: s.start,
          end_date_time: s.end,
          credit: Boolean(s.credit),
          credit_reference_id: s.credit ?? null,
          data: JSON.stringify(data),
        };
      }),
    )
    .execute();
}

/** RFC 4180 CSV to rows of fields (quoted fields, doubled quotes, CRLF inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(text.slice(-40))}`);
  return rows;
}

/** CSV rows as objects keyed by the header. */
export function csvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}
