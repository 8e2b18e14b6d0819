import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createScratchDatabase, logInWithBrowser, startAuthTestApp, type AuthTestApp } from '#server/auth/session.test-helpers.ts';
import { ManualClock } from '#server/clock.ts';
import { openDatabase, type Database } from '#server/db/database.ts';
import { CITIZENS, OFFICES } from '#server/dev/personas.ts';
import { addDays, osloDate } from '#common/time.ts';
import { freePort } from '#test/free-port.ts';
import { testDatabaseKind } from '#test/test-database.ts';
import { openSse, type SseFrame, type SseStream } from './live-stream.helpers.ts';

/**
 * Two app instances on one database, each with its own LISTEN (architecture: live updates scale
 * out with instances): a change made through one reaches a stream open on the other, and a logout
 * at one ends the session's streams on the other. One login, shared through the database, works
 * on both. On PostgreSQL (db-postgres) each instance has its own pool and its own LISTEN
 * connection, as two processes would; on db-pglite both share the embedded database in this
 * process. The heartbeat stays at its default 15 s, so an ended stream here was ended by NOTIFY.
 */
const onServer = testDatabaseKind() === 'postgres';
if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the two-instance test must run on PostgreSQL');
}

let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
let databases: Database[] = [];
let a: AuthTestApp;
let b: AuthTestApp;
let personId: string;
const streams: SseStream[] = [];

interface Login {
  cookie: string;
  csrfToken: string;
}

async function logIn(persona: string): Promise<Login> {
  const browser = new Browser();
  await logInWithBrowser(browser, a.config.publicUrl, { persona });
  const cookie = `sid=${browser.jar.get('sid')}`;
  const session = (await (await fetch(`${b.url}/api/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, csrfToken: session.csrfToken };
}

async function call(instance: AuthTestApp, login: Login, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${instance.url}${path}`, {
    method,
    headers: { cookie: login.cookie, 'x-csrf-token': login.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function stream(instance: AuthTestApp, login: Login): Promise<SseStream> {
  const opened = await openSse(`${instance.url}/api/persons/${personId}/events`, { cookie: login.cookie });
  streams.push(opened);
  expect(opened.status).toBe(200);
  await opened.waitFor((f) => f.retry !== undefined);
  return opened;
}

const planChanged = (activityId?: string) => (f: SseFrame) =>
  f.event === 'plan.changed' && (activityId === undefined || (f.data as { payload: { activityId?: string } }).payload.activityId === activityId);

async function createActivity(instance: AuthTestApp, login: Login, title: string): Promise<string> {
  const today = osloDate(new Date());
  const reply = await call(instance, login, 'POST', `/api/persons/${personId}/activities`, {
    type: 'SELF_DIRECTED',
    title,
    fromDate: today,
    toDate: addDays(today, 14),
    status: 'SUGGESTED',
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

let vera: Login;
let kari: Login;

beforeAll(async () => {
  if (onServer) {
    scratch = await createScratchDatabase();
    databases = [scratch.database, await openDatabase({ url: scratch.url, poolSize: 3 })];
  } else {
    const shared = await openDatabase({});
    databases = [shared, shared];
  }
  // The clock follows real time: the identity provider and cookies do.
  const clock = new ManualClock(new Date());
  clock.now = () => new Date();
  const publicPort = await freePort();
  const publicUrl = `http://127.0.0.1:${publicPort}`;
  a = await startAuthTestApp({ clock, database: databases[0]!, env: { PORT: String(publicPort) }, publicUrl });
  b = await startAuthTestApp({ clock, database: databases[1]!, publicUrl });
  await databases[0]!.db.insertInto('office').values(OFFICES).onConflict((oc) => oc.doNothing()).execute();

  [vera, kari] = await Promise.all([logIn('vera'), logIn('kari')]);
  const lookup = await call(a, vera, 'POST', '/api/persons/lookup', { nationalId: CITIZENS.find((c) => c.key === 'kari')!.nationalId });
  expect(lookup.status, JSON.stringify(lookup.body)).toBe(200);
  personId = lookup.body.id;
  expect((await call(b, vera, 'POST', `/api/persons/${personId}/periods`)).status).toBe(201);
});

afterEach(() => {
  streams.splice(0).forEach((s) => s.close());
});

afterAll(async () => {
  await b?.close();
  await a?.close();
  if (scratch) {
    await databases[1]?.close();
    await scratch.drop();
  } else {
    await databases[0]?.close();
  }
});

describe('live updates across two app instances on one database', () => {
  it("delivers a change made through A to the citizen's stream on B, and one made through B to the advisor's stream on A", async () => {
    const citizenOnB = await stream(b, kari);
    const advisorOnA = await stream(a, vera);

    const started = performance.now();
    const activityId = await createActivity(a, vera, 'Made through A');
    await citizenOnB.waitFor(planChanged(activityId), { timeoutMs: 2_000 });
    console.info(`live: A → B in ${Math.round(performance.now() - started)} ms (${testDatabaseKind()})`);

    const plan = await call(b, kari, 'GET', `/api/persons/${personId}/plan`);
    const goal = await call(b, kari, 'PUT', `/api/persons/${personId}/goal`, { version: plan.body.goal?.version ?? 0, text: 'Written through B' });
    expect(goal.status).toBe(200);
    const heard = await advisorOnA.waitFor((f) => f.event === 'plan.changed' && (f.data as { actorSide: string }).actorSide === 'CITIZEN', { timeoutMs: 2_000 });
    expect(heard.data).toMatchObject({ kind: 'plan.changed', actorSide: 'CITIZEN' });
  });

  it('catches up on B with an id that A handed out', async () => {
    const first = await stream(a, kari);
    const lastSeen = first.lastEventId()!;
    first.close();
    const missed = await createActivity(a, vera, 'Missed while switching instance');
    const again = await openSse(`${b.url}/api/persons/${personId}/events`, { cookie: kari.cookie, 'last-event-id': lastSeen });
    streams.push(again);
    await again.waitFor(planChanged(missed));
    expect(again.events()).toHaveLength(1);
  });

  it.runIf(onServer)('listens again after its LISTEN connection drops, tells open streams to resync, and goes on delivering', async () => {
    const citizenOnB = await stream(b, kari);
    const killed = await sql<{ pid: number }>`
      select pg_terminate_backend(pid) as pid from pg_stat_activity
      where application_name = 'aktivitetsplan-live' and datname = current_database()
    `.execute(databases[0]!.db);
    expect(killed.rows.length).toBe(2);
    await citizenOnB.waitFor((f) => f.event === 'resync', { timeoutMs: 10_000 });
    const activityId = await createActivity(a, vera, 'After the drop');
    await citizenOnB.waitFor(planChanged(activityId), { timeoutMs: 2_000 });
  });

  it('ends the streams of a session on B when it is logged out at A', async () => {
    const own = await logIn('kari');
    const onB = await stream(b, own);
    const otherLogin = await stream(b, kari);
    const logout = await call(a, own, 'POST', '/auth/logout');
    expect(logout.status).toBe(200);
    await onB.waitFor((f) => f.event === 'session.ended', { timeoutMs: 2_000 });
    await onB.closed;
    expect(otherLogin.isClosed()).toBe(false);
  });
});
