import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * OCPI hub (issue 4), additive only.
 *
 * Effective `last_updated`: OCPI says an EVSE's `last_updated` moves when one of its Connectors
 * changes, and a Location's when one of its EVSEs does (mod_locations §EVSE / §Location,
 * `last_updated`), and partners sync with `date_from` against it. Whoever writes EVSEs and
 * connectors (the OCPP gateway), these triggers keep that invariant in the store itself:
 * - a connector insert/update/delete raises its EVSE's `last_updated` to at least the
 *   connector's;
 * - an EVSE insert/update/delete, or a station moving between locations, raises the location's
 *   `last_updated` to at least `greatest(evse.last_updated, now())`. `now()` (the time the hub
 *   learned of the change) matters: a station may report a status with an old timestamp, and a
 *   partner that synced since must still see the change.
 * So `locations.last_updated` IS the effective one (greatest of its own and its EVSEs'), which
 * keeps the paging query on one index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index if not exists stations_location on stations (location_id)`,
    `create index if not exists evses_station on evses (station_id, evse_uid)`,
    `create index if not exists tokens_partner on tokens (partner_id, country_code, party_id, uid)`,
    `create function ocpi_connector_touch() returns trigger language plpgsql as $$
     declare
       row_ connectors%rowtype;
     begin
       if tg_op = 'DELETE' then row_ := old; else row_ := new; end if;
       update evses set last_updated = greatest(last_updated, row_.last_updated, now())
        where id = row_.evse_id and last_updated < greatest(row_.last_updated, now());
       return null;
     end $$`,
    `create trigger connectors_touch_evse after insert or update or delete on connectors
      for each row execute function ocpi_connector_touch()`,
    `create function ocpi_evse_touch() returns trigger language plpgsql as $$
     declare
       row_ evses%rowtype;
     begin
       if tg_op = 'DELETE' then row_ := old; else row_ := new; end if;
       update locations l set last_updated = greatest(l.last_updated, row_.last_updated, now())
         from stations s
        where s.id = row_.station_id and l.id = s.location_id
          and l.last_updated < greatest(row_.last_updated, now());
       return null;
     end $$`,
    `create trigger evses_touch_location after insert or update or delete on evses
      for each row execute function ocpi_evse_touch()`,
    `create function ocpi_station_location_touch() returns trigger language plpgsql as $$
     begin
       if new.location_id is distinct from old.location_id then
         update locations set last_updated = greatest(last_updated, now())
          where id in (old.location_id, new.location_id);
       end if;
       return null;
     end $$`,
    `create trigger stations_touch_location after update of location_id on stations
      for each row execute function ocpi_station_location_touch()`,
  ]);
}
