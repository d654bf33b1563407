import type { Repositories, StationRow } from '@chargebridge/store';

/**
 * The admin view of a station: protocol, online state, last seen, boot info, EVSEs and connector
 * statuses. Never the password hash.
 */
export async function stationView(repos: Repositories, station: StationRow) {
  const evses = await repos.stations.listEvses(station.id);
  const connectors = await repos.stations.listConnectors(evses.map((e) => e.id));
  const location = station.location_id ? await repos.locations.findById(station.location_id) : undefined;
  return {
    identity: station.identity,
    country_code: station.country_code,
    party_id: station.party_id,
    location_id: location?.location_id ?? null,
    protocol: station.protocol,
    online: station.online,
    connected_node: station.connected_node,
    last_seen: station.last_seen_at?.toISOString() ?? null,
    last_boot: station.last_boot_at?.toISOString() ?? null,
    boot_info: station.boot_info,
    security_profile: station.security_profile,
    registration_status: station.registration_status,
    lenient: station.lenient,
    schema_violations: station.schema_violations,
    tariff_ids: station.tariff_ids,
    evses: evses.map((e) => ({
      uid: e.evse_uid,
      evse_id: e.evse_id,
      ocpp_evse_id: e.ocpp_evse_id,
      status: station.online ? e.status : 'UNKNOWN',
      connectors: connectors
        .filter((c) => c.evse_id === e.id)
        .map((c) => ({
          connector_id: c.ocpi_connector_id,
          ocpp_connector_id: c.ocpp_connector_id,
          ocpp_status: c.ocpp_status,
          error_code: c.ocpp_error_code,
          status_updated_at: c.status_updated_at?.toISOString() ?? null,
          standard: c.standard,
          format: c.format,
          power_type: c.power_type,
          max_voltage: c.max_voltage,
          max_amperage: c.max_amperage,
        })),
    })),
  };
}
