import type { Migration } from 'kysely';
import * as initialSchema from './0001-initial-schema.js';
import * as gateway from './0002-gateway.js';
import * as ocpi from './0003-ocpi.js';
import * as dashboard from './0004-dashboard.js';
import * as pushAttemptsWindow from './0005-push-attempts-window.js';
import * as reservationSessions from './0006-reservation-sessions.js';
import * as autoRegisteredStations from './0007-auto-registered-stations.js';
import * as reservationAcceptedAt from './0008-reservation-accepted-at.js';
import * as stationEventsByTime from './0009-station-events-by-time.js';

/**
 * Forward-only, numbered migrations. Add new ones at the end; never edit a released one.
 * Listed statically (not read from disk) so they work from any working directory and bundle.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
  '0002-gateway': gateway,
  '0003-ocpi': ocpi,
  '0004-dashboard': dashboard,
  '0005-push-attempts-window': pushAttemptsWindow,
  '0006-reservation-sessions': reservationSessions,
  '0007-auto-registered-stations': autoRegisteredStations,
  '0008-reservation-accepted-at': reservationAcceptedAt,
  '0009-station-events-by-time': stationEventsByTime,
};
