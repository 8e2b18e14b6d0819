import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityBodies } from '#test/api-fixtures.ts';
import { startTestApp, type Client, type Reply, type TestApp } from '#test/test-app.ts';
import { serverUrl, testDatabaseKind } from '#test/test-database.ts';

/**
 * Writes to one plan happen one at a time behind the person's row lock, and a write that waited
 * for that lock decides on the person's state as the transaction before it left it. Under READ
 * COMMITTED a statement that waits for a row lock still reads other tables as of its start, so a
 * write waiting behind the end of the period (or a switch to manual follow-up, or the start of KVP)
 * would otherwise still see the period open and write into a plan that is read-only. Each case here holds the
 * person's lock in a transaction of its own, changes the state there as the services do, lets the
 * write queue up behind it, commits, and expects the write refused for the new state.
 *
 * Only on a PostgreSQL server: the embedded database has one connection, so nothing can wait there.
 */
const onServer = testDatabaseKind() === 'postgres';

let app: TestApp;
let kari: Client;
let personId: string;
let side: pg.Client;

beforeAll(async () => {
  if (!onServer) {
    return;
  }
  app = await startTestApp();
  ({ personId } = await app.startPeriod('kari'));
  kari = await app.as('kari');
  const { rows } = await app.testDb.database.pool!.query<{ name: string }>('select current_database() as name');
  side = new pg.Client({ connectionString: serverUrl(rows[0]!.name) });
  await side.connect();
});
afterAll(async () => {
  await side?.end();
  await app?.close();
});

async function createActivity(): Promise<{ id: string; version: number }> {
  const created = await kari.post(`/api/persons/${personId}/activities`, activityBodies(app.clock.now())[0]!.body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.id, version: created.body.version };
}

/** Waits until a backend of this database waits for a lock (the write has queued up behind `side`). */
async function untilSomeoneWaits(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await side.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    if (rows[0].n > 0) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the write never waited for the lock');
}

/** Runs `write` while `side` holds the person's lock and makes `change`, then commits it. */
async function behind(change: string[], write: () => Promise<Reply>): Promise<Reply> {
  await side.query('begin');
  await side.query('select id from person where id = $1 for update', [personId]);
  const reply = write();
  await untilSomeoneWaits();
  for (const statement of change) {
    await side.query(statement, [personId]);
  }
  await side.query('commit');
  return reply;
}

const locked = (reply: Reply, reason: string) => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(409);
  expect(reply.body.error).toMatchObject({ code: 'locked', details: { reason } });
};

const versionsOf = async (activityId: string) => Number((await side.query('select count(*) from activity_version where "activityId" = $1', [activityId])).rows[0].count);

describe.skipIf(!onServer)('a write that waited behind a change of the person state', () => {
  it('is refused when the citizen was switched to manual follow-up meanwhile (a change to an activity)', async () => {
    const activity = await createActivity();
    const reply = await behind(
      [`insert into manual_follow_up_log ("personId", manual, reason, "actorRole", "actorIdent", "createdAt") values ($1, true, 'Paper', 'ADVISOR', 'Z990001', now())`],
      () => kari.put(`/api/activities/${activity.id}/status`, { version: activity.version, status: 'IN_PROGRESS' }),
    );
    locked(reply, 'MANUAL_FOLLOW_UP');
    expect(await versionsOf(activity.id)).toBe(1);
    await side.query(`insert into manual_follow_up_log ("personId", manual, reason, "actorRole", "actorIdent", "createdAt") values ($1, false, 'Digital', 'ADVISOR', 'Z990001', now())`, [personId]);
  });

  it('is refused when the period ended meanwhile (a change to an activity, and a new activity)', async () => {
    const activity = await createActivity();
    const before = Number((await side.query('select count(*) from activity where "personId" = $1', [personId])).rows[0].count);
    const change = await behind([`update follow_up_period set "endedAt" = now(), "endedByIdent" = 'Z990001' where "personId" = $1 and "endedAt" is null`], () =>
      kari.put(`/api/activities/${activity.id}/status`, { version: activity.version, status: 'IN_PROGRESS' }),
    );
    locked(change, 'NO_CURRENT_PERIOD');
    expect(await versionsOf(activity.id)).toBe(1);

    await app.startPeriod('kari');
    const created = await behind([`update follow_up_period set "endedAt" = now(), "endedByIdent" = 'Z990001' where "personId" = $1 and "endedAt" is null`], () =>
      kari.post(`/api/persons/${personId}/activities`, activityBodies(app.clock.now())[0]!.body),
    );
    locked(created, 'NO_CURRENT_PERIOD');
    expect(Number((await side.query('select count(*) from activity where "personId" = $1', [personId])).rows[0].count)).toBe(before);
  });

  it('marks a new activity with the KVP office when KVP started meanwhile (else advisors elsewhere would see it)', async () => {
    await app.startPeriod('kari');
    const created = await behind(
      [`insert into kvp_period ("personId", "officeId", "startedAt", "startedByIdent", "startReason") select $1, "officeId", now(), 'Z990001', 'KVP' from person where id = $1`],
      () => kari.post(`/api/persons/${personId}/activities`, activityBodies(app.clock.now())[0]!.body),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { rows } = await side.query('select a."kvpOfficeId", p."officeId" from activity a join person p on p.id = a."personId" where a.id = $1', [created.body.id]);
    expect(rows[0].kvpOfficeId).toBe(rows[0].officeId);
    await side.query(`update kvp_period set "endedAt" = now(), "endedByIdent" = 'Z990001', "endReason" = 'Done' where "personId" = $1 and "endedAt" is null`, [personId]);
  });

  it('goes through when the holder of the lock changed nothing about the state', async () => {
    const activity = await createActivity();
    const reply = await behind([], () => kari.put(`/api/activities/${activity.id}/status`, { version: activity.version, status: 'IN_PROGRESS' }));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(await versionsOf(activity.id)).toBe(2);
  });
});
