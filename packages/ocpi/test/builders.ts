/** Hand-written builders of valid OCPI objects, independent of the shared spec examples. */
import type {
  CDR,
  CdrToken,
  ClientInfo,
  Connector,
  Credentials,
  EVSE,
  Location,
  Session,
  Tariff,
  Token,
} from '../src/index.js';

const T = '2024-05-01T12:00:00Z';

export function connector(overrides: Partial<Connector> = {}): Connector {
  return {
    id: '1',
    standard: 'IEC_62196_T2',
    format: 'SOCKET',
    power_type: 'AC_3_PHASE',
    max_voltage: 230,
    max_amperage: 32,
    last_updated: T,
    ...overrides,
  };
}

export function evse(overrides: Partial<EVSE> = {}): EVSE {
  return { uid: 'EVSE-1', status: 'AVAILABLE', connectors: [connector()], last_updated: T, ...overrides };
}

export function location(overrides: Partial<Location> = {}): Location {
  return {
    country_code: 'NL',
    party_id: 'CBR',
    id: 'LOC-1',
    publish: true,
    address: 'Stationsplein 1',
    city: 'Utrecht',
    country: 'NLD',
    coordinates: { latitude: '52.089444', longitude: '5.110278' },
    evses: [evse()],
    time_zone: 'Europe/Amsterdam',
    last_updated: T,
    ...overrides,
  };
}

export function tariff(overrides: Partial<Tariff> = {}): Tariff {
  return {
    country_code: 'NL',
    party_id: 'CBR',
    id: 'TARIFF-1',
    currency: 'EUR',
    elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 }] }],
    last_updated: T,
    ...overrides,
  };
}

export function token(overrides: Partial<Token> = {}): Token {
  return {
    country_code: 'DE',
    party_id: 'MSP',
    uid: '04A1B2C3D4E5F6',
    type: 'RFID',
    contract_id: 'DE-MSP-C00000001-X',
    issuer: 'Example MSP',
    valid: true,
    whitelist: 'ALLOWED',
    last_updated: T,
    ...overrides,
  };
}

export function cdrToken(): CdrToken {
  const { country_code, party_id, uid, type, contract_id } = token();
  return { country_code, party_id, uid, type, contract_id };
}

export function session(overrides: Partial<Session> = {}): Session {
  return {
    country_code: 'NL',
    party_id: 'CBR',
    id: 'SESSION-1',
    start_date_time: T,
    kwh: 0,
    cdr_token: cdrToken(),
    auth_method: 'AUTH_REQUEST',
    location_id: 'LOC-1',
    evse_uid: 'EVSE-1',
    connector_id: '1',
    currency: 'EUR',
    status: 'ACTIVE',
    last_updated: T,
    ...overrides,
  };
}

export function cdr(overrides: Partial<CDR> = {}): CDR {
  return {
    country_code: 'NL',
    party_id: 'CBR',
    id: 'CDR-1',
    start_date_time: T,
    end_date_time: '2024-05-01T13:00:00Z',
    cdr_token: cdrToken(),
    auth_method: 'AUTH_REQUEST',
    cdr_location: {
      id: 'LOC-1',
      address: 'Stationsplein 1',
      city: 'Utrecht',
      country: 'NLD',
      coordinates: { latitude: '52.089444', longitude: '5.110278' },
      evse_uid: 'EVSE-1',
      evse_id: 'NL*CBR*E1',
      connector_id: '1',
      connector_standard: 'IEC_62196_T2',
      connector_format: 'SOCKET',
      connector_power_type: 'AC_3_PHASE',
    },
    currency: 'EUR',
    charging_periods: [{ start_date_time: T, dimensions: [{ type: 'ENERGY', volume: 11 }] }],
    total_cost: { excl_vat: 3.3, incl_vat: 3.99 },
    total_energy: 11,
    total_time: 1,
    last_updated: '2024-05-01T13:00:05Z',
    ...overrides,
  };
}

export function credentials(overrides: Partial<Credentials> = {}): Credentials {
  return {
    token: 'token-b-0123456789',
    url: 'https://hub.example.com/ocpi/versions',
    roles: [{ role: 'HUB', party_id: 'CBR', country_code: 'NL', business_details: { name: 'chargebridge' } }],
    ...overrides,
  };
}

export function clientInfo(overrides: Partial<ClientInfo> = {}): ClientInfo {
  return { party_id: 'ABC', country_code: 'BE', role: 'CPO', status: 'CONNECTED', last_updated: T, ...overrides };
}
