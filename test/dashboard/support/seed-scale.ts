import pg from 'pg';
import { CPO } from './seed-network.js';

/** What `seedScaleFleet` wrote. */
export interface ScaleFleet {
  stations: number;
  evses: number;
  connectors: number;
  locations: number;
  /** Stations seeded online (the rest are offline). */
  online: number;
  seconds: number;
}

/**
 * Seeds a large fleet straight into the hub's database with `generate_series` (seconds, not
 * minutes): `stations` stations of the hosted CPO (identities `SC00001`…, protocols 1.6 / 2.0.1 /
 * 2.1 round-robin, 9 in 10 online), 3 EVSEs with one connector each per station, statuses
 * mixed, and one location per 4 stations spread over Europe (lat 36–70, lon −9–28,
 * deterministic). Triggers are skipped while seeding (`session_replication_role = replica`),
 * then the tables are analysed.
 */
export async function seedScaleFleet(databaseUrl: string, stations = 10_000): Promise<ScaleFleet> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { country_code: cc, party_id: pid } = CPO;
  const locations = Math.ceil(stations / 4);
  try {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    await client.query(
      `insert into locations (country_code, party_id, location_id, data, time_zone, publish)
       select $1, $2, loc_id,
              jsonb_build_object(
                'country_code', $1::text, 'party_id', $2::text, 'id', loc_id, 'publish', true,
                'name', 'Scale site ' || g, 'address', 'Street ' || g, 'city', 'City ' || (g % 97),
                'country', 'NLD', 'time_zone', 'Europe/Amsterdam',
                'coordinates', jsonb_build_object(
                  'latitude', to_char(36 + ((g * 7919) % 3400) / 100.0, 'FM990.000000'),
                  'longitude', to_char(-9 + ((g * 104729) % 3700) / 100.0, 'FM990.000000')),
                'last_updated', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
              'Europe/Amsterdam', true
         from generate_series(1, $3::int) g, lateral (select 'SCL' || lpad(g::text, 5, '0') as loc_id) n`,
      [cc, pid, locations],
    );
    await client.query(
      `insert into stations (identity, country_code, party_id, location_id, protocol, security_profile,
                             online, last_seen_at, last_boot_at, boot_info)
       select 'SC' || lpad(g::text, 5, '0'), $1, $2, l.id,
              (array['1.6', '2.0.1', '2.1'])[1 + g % 3], 0,
              g % 10 <> 0, now() - (g % 600) * interval '1 second', now() - interval '1 day',
              jsonb_build_object('firmwareVersion', 'fw-1.' || (g % 7), 'vendor', 'Scale', 'model', 'S' || (g % 5))
         from generate_series(1, $3::int) g
         join locations l on l.country_code = $1 and l.party_id = $2
                         and l.location_id = 'SCL' || lpad(((g - 1) / 4 + 1)::text, 5, '0')`,
      [cc, pid, stations],
    );
    await client.query(
      `insert into evses (station_id, ocpp_evse_id, evse_uid, evse_id, status)
       select s.id, e, s.identity || '-' || e, $1 || '*' || $2 || '*E' || s.identity || '*' || e,
              case when not s.online then 'UNKNOWN'
                   else (array['AVAILABLE', 'CHARGING', 'AVAILABLE', 'UNAVAILABLE', 'AVAILABLE', 'OUTOFORDER',
                               'AVAILABLE', 'CHARGING', 'RESERVED', 'AVAILABLE'])[1 + (s.id * 3 + e) % 10] end
         from stations s cross join generate_series(1, 3) e
        where s.identity like 'SC%'`,
      [cc, pid],
    );
    await client.query(
      `insert into connectors (evse_id, ocpp_connector_id, ocpi_connector_id, ocpp_status, status_updated_at,
                               max_electric_power)
       select e.id, 1, '1',
              case e.status when 'AVAILABLE' then 'Available' when 'CHARGING' then 'Charging'
                            when 'UNAVAILABLE' then 'Unavailable' when 'OUTOFORDER' then 'Faulted'
                            when 'RESERVED' then 'Reserved' else null end,
              now() - (e.id % 3600) * interval '1 second', 22000
         from evses e join stations s on s.id = e.station_id
        where s.identity like 'SC%'`,
    );
    await client.query('commit');
    for (const table of ['locations', 'stations', 'evses', 'connectors']) await client.query(`analyze ${table}`);
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    return {
      stations: await count(`select count(*) as n from stations where identity like 'SC%'`),
      evses: await count(
        `select count(*) as n from evses e join stations s on s.id = e.station_id where s.identity like 'SC%'`,
      ),
      connectors: await count(
        `select count(*) as n from connectors c join evses e on e.id = c.evse_id
           join stations s on s.id = e.station_id where s.identity like 'SC%'`,
      ),
      locations: await count(`select count(*) as n from locations where location_id like 'SCL%'`),
      online: await count(`select count(*) as n from stations where identity like 'SC%' and online`),
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
