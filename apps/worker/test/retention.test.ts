import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { RetentionSweeper } from '../src/retention/retention-sweeper.js';

const DAY = 86_400_000;
const now = new Date('2026-11-26T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.store.db;
  await db.insertInto('partners').values({ id: 'p1', name: 'Partner', direction: 'outbound' }).execute();
  await db
    .insertInto('ocpp_frames')
    .values(
      [15, 13, 1].map((d) => ({
        station_identity: 'CP-1',
        direction: 'in',
        raw: '[2,"1","Heartbeat",{}]',
        at: daysAgo(d),
      })),
    )
    .execute();
  await db
    .insertInto('push_attempts')
    .values(
      [31, 29].map((d) => ({
        partner_id: 'p1',
        module: 'locations',
        object_key: 'x',
        method: 'PUT',
        ok: true,
        at: daysAgo(d),
      })),
    )
    .execute();
  await db
    .insertInto('user_sessions')
    .values([
      { id_hash: 'expired', actor: 'admin-token', role: 'admin', expires_at: daysAgo(0.01) },
      { id_hash: 'live', actor: 'admin-token', role: 'admin', expires_at: new Date(now.getTime() + DAY) },
    ])
    .execute();
});
afterAll(async () => {
  await database.drop();
});

describe('the retention sweep', () => {
  it('deletes frames, push attempts and sessions past their retention, and keeps the rest', async () => {
    const sweeper = new RetentionSweeper(
      database.store,
      { frameLogDays: 14, pushAttemptDays: 30 },
      pino({ level: 'silent' }),
    );
    expect(await sweeper.sweep(now)).toEqual({ frames: 1, pushAttempts: 1, userSessions: 1 });
    const db = database.store.db;
    expect(await db.selectFrom('ocpp_frames').select('at').execute()).toHaveLength(2);
    expect(await db.selectFrom('push_attempts').select('at').execute()).toHaveLength(1);
    expect((await db.selectFrom('user_sessions').select('id_hash').execute()).map((r) => r.id_hash)).toEqual(['live']);
    // Idempotent: a second sweep finds nothing.
    expect(await sweeper.sweep(now)).toEqual({ frames: 0, pushAttempts: 0, userSessions: 0 });
  });

  it('keeps everything when the retention is 0 days', async () => {
    await database.store.db
      .insertInto('ocpp_frames')
      .values({ station_identity: 'CP-1', direction: 'in', raw: '[]', at: daysAgo(400) })
      .execute();
    const sweeper = new RetentionSweeper(
      database.store,
      { frameLogDays: 0, pushAttemptDays: 0 },
      pino({ level: 'silent' }),
    );
    expect((await sweeper.sweep(now)).frames).toBe(0);
    expect(await database.store.db.selectFrom('ocpp_frames').select('at').execute()).toHaveLength(3);
  });
});
