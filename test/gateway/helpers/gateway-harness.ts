import { loadConfig } from '@chargebridge/config';
import { hashStationPassword } from '@chargebridge/domain';
import { build, type Gateway, type GatewayTuning } from '@chargebridge/gateway';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { StationCalls } from '@chargebridge/routing';
import { repositories, type Store } from '@chargebridge/store';
import pino from 'pino';

export const PARTY = { cc: 'NL', pid: 'TST' };

/** Creates the hosted party and a location through the repositories (not the admin routes). */
export async function seedParty(store: Store): Promise<number> {
  const repos = repositories(store.db);
  await repos.parties.upsertHosted(PARTY.cc, PARTY.pid, 'Test CPO', ['CPO']);
  const { row } = await repos.locations.upsert({
    countryCode: PARTY.cc,
    partyId: PARTY.pid,
    locationId: 'LOC1',
    data: { name: 'Test site' },
    timeZone: 'Europe/Amsterdam',
    publish: true,
    lastUpdated: new Date(),
  });
  return row.id;
}

/** Provisions a station like the admin API does. */
export async function aStation(
  store: Store,
  s: { identity: string; password?: string; profile?: number; lenient?: boolean; registrationStatus?: string },
): Promise<number> {
  const { row } = await repositories(store.db).stations.upsert({
    identity: s.identity,
    country_code: PARTY.cc,
    party_id: PARTY.pid,
    security_profile: s.profile ?? (s.password ? 1 : 0),
    password_hash: s.password ? await hashStationPassword(s.password) : null,
    lenient: s.lenient ?? false,
    registration_status: s.registrationStatus ?? 'Accepted',
  });
  return row.id;
}

/** A known RFID card of the test party. */
export async function aToken(store: Store, uid: string, valid = true): Promise<void> {
  await repositories(store.db).tokens.upsert({
    countryCode: PARTY.cc,
    partyId: PARTY.pid,
    uid,
    type: 'RFID',
    contractId: `NL-TST-C${uid}`,
    source: 'local',
    partnerId: null,
    whitelist: 'ALLOWED',
    valid,
    data: {},
    lastUpdated: new Date(),
  });
}

/** Builds and starts a gateway on free ports against a test store. */
export async function startGateway(
  store: Store,
  databaseUrl: string,
  options: { env?: Record<string, string>; tuning?: GatewayTuning; stationCalls?: StationCalls; nodeId?: string } = {},
): Promise<{ gateway: Gateway; url: string; tlsUrl?: string; port: number }> {
  const config = loadConfig({
    OCPP_PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    OCPP_CALL_TIMEOUT_MS: '3000',
    ...options.env,
  });
  const gateway = await build({
    config,
    store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    nodeId: options.nodeId ?? 'test-node',
    stationCalls: options.stationCalls,
    tuning: options.tuning,
  });
  const { port, tlsPort } = await gateway.listen();
  return {
    gateway,
    port,
    url: `ws://127.0.0.1:${port}/ocpp`,
    tlsUrl: tlsPort ? `wss://localhost:${tlsPort}/ocpp` : undefined,
  };
}
