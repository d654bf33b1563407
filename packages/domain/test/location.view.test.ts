import { describe, expect, it } from 'vitest';
import { type EvseViewInput, toOcpiEvse, toOcpiLocation } from '../src/index.js';

const anEvse = (overrides: Partial<EvseViewInput> = {}): EvseViewInput => ({
  evse_uid: 'CB1-1',
  evse_id: 'NL*CBH*E1',
  status: 'CHARGING',
  station_online: true,
  data: { capabilities: ['RFID_READER'] },
  last_updated: '2026-01-01T10:00:00.000Z',
  connectors: [
    {
      ocpi_connector_id: '1',
      standard: 'IEC_62196_T2',
      format: 'SOCKET',
      power_type: 'AC_3_PHASE',
      max_voltage: 230,
      max_amperage: 32,
      max_electric_power: null,
      tariff_ids: ['T1'],
      ocpp_status: 'Charging',
      last_updated: '2026-01-01T11:00:00.000Z',
    },
  ],
  ...overrides,
});

describe('OCPI location view', () => {
  it('publishes the stored EVSE status, keeps optional fields and raises last_updated to the newest connector', () => {
    const evse = toOcpiEvse(anEvse());
    expect(evse).toMatchObject({
      uid: 'CB1-1',
      evse_id: 'NL*CBH*E1',
      status: 'CHARGING',
      capabilities: ['RFID_READER'],
    });
    expect(evse.last_updated).toBe('2026-01-01T11:00:00.000Z');
    expect((evse.connectors as Array<Record<string, unknown>>)[0]).toMatchObject({ id: '1', tariff_ids: ['T1'] });
  });

  it('publishes every EVSE of an offline station as UNKNOWN (architecture.md status table)', () => {
    expect(toOcpiEvse(anEvse({ station_online: false })).status).toBe('UNKNOWN');
  });

  it('builds the location with its EVSEs and the hub-filled fields', () => {
    const location = toOcpiLocation({
      country_code: 'NL',
      party_id: 'CBH',
      location_id: 'LOC1',
      data: { name: 'Depot', address: 'Main 1', city: 'Utrecht', country: 'NLD' },
      time_zone: 'Europe/Amsterdam',
      publish: true,
      last_updated: '2026-01-01T09:00:00.000Z',
      evses: [anEvse(), anEvse({ evse_uid: 'CB1-2', station_online: false })],
    });
    expect(location).toMatchObject({ id: 'LOC1', country_code: 'NL', party_id: 'CBH', name: 'Depot' });
    expect((location.evses as Array<{ status: string }>).map((e) => e.status)).toEqual(['CHARGING', 'UNKNOWN']);
  });
});
