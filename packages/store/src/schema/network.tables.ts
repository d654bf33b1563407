import type { ColumnType, Generated } from 'kysely';
import type { DefaultJson, DefaultTimestamp, Json, Timestamp } from './columns.js';

/** The roaming network: the hub, its partners and hosted parties, locations, tokens and their authorizations, tariffs. */

export interface HubSettingsTable {
  key: string;
  value: string;
  updated_at: DefaultTimestamp;
}

export interface PartnersTable {
  id: string;
  name: string;
  status: ColumnType<PartnerStatus, PartnerStatus | undefined, PartnerStatus>;
  direction: 'inbound' | 'outbound';
  versions_url: string | null;
  version: string | null;
  endpoints: DefaultJson<PartnerEndpoint[]>;
  roles: DefaultJson<PartnerRole[]>;
  registration_token_hash: string | null;
  incoming_token_hash: string | null;
  outgoing_token: string | null;
  outgoing_token_encoding: ColumnType<'base64' | 'plain', 'base64' | 'plain' | undefined, 'base64' | 'plain'>;
  last_push_error: ColumnType<unknown, unknown, unknown> | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export type PartnerStatus = 'pending' | 'registered' | 'unregistered';

export interface PartnerEndpoint {
  identifier: string;
  role: 'SENDER' | 'RECEIVER';
  url: string;
}

export interface PartnerRole {
  role: string;
  country_code: string;
  party_id: string;
  business_details?: { name: string; website?: string };
}

export interface PartiesTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  name: string;
  roles: DefaultJson<string[]>;
  partner_id: string | null;
  business_details: ColumnType<unknown, unknown, unknown> | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface LocationsTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  location_id: string;
  data: Json<Record<string, unknown>>;
  time_zone: ColumnType<string, string | undefined, string>;
  publish: ColumnType<boolean, boolean | undefined, boolean>;
  last_updated: DefaultTimestamp;
}

export type TokenSource = 'local' | 'roaming';

export type WhitelistType = 'ALWAYS' | 'ALLOWED' | 'ALLOWED_OFFLINE' | 'NEVER';

export interface TokensTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  uid: string;
  type: ColumnType<string, string | undefined, string>;
  contract_id: string;
  source: TokenSource;
  partner_id: string | null;
  whitelist: ColumnType<WhitelistType, WhitelistType | undefined, WhitelistType>;
  valid: ColumnType<boolean, boolean | undefined, boolean>;
  data: Json<Record<string, unknown>>;
  last_updated: DefaultTimestamp;
}

export interface AuthorizationsTable {
  id: Generated<number>;
  station_id: number | null;
  id_token: string;
  token_type: string;
  token_id: number | null;
  result: string;
  allowed: string | null;
  source: string;
  reason: string | null;
  authorization_reference: string | null;
  location_id: number | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp | null;
}

export interface TariffsTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  tariff_id: string;
  currency: string;
  data: Json<Record<string, unknown>>;
  last_updated: DefaultTimestamp;
}
