import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSessionService } from '#server/auth/session.service.ts';
import { principalFromClaims } from '#server/auth/verify.ts';
import { publishLive, pruneLiveEvents } from '#server/live/live.repository.ts';
import { CATCH_UP_LIMIT } from '#server/live/live.stream.ts';
import { activityBodies } from '#test/api-fixtures.ts';
import { claimsFor, startTestApp, type Client, type TestApp } from '#test/test-app.ts';
import { testDatabaseKind } from '#test/test-database.ts';
import { openSse, settle, type SseFrame, type SseStream } from './live-stream.helpers.ts';

/**
 * Live updates (issue 4): a change commits → NOTIFY → this instance's hub → the SSE streams of
 * that person, filtered by audience; a reconnect catches up by event id; a stream ends with its
 * login. Heartbeats every 100 ms here, so that a check of the login comes quickly after the
 * manual clock moves.
 */
const HEARTBEAT_MS = 100;
let app: TestApp;
let kari: Client;
let vera: Client;
let personId: string;
const streams: SseStream[] = [];

async function stream(path: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const opened = await openSse(`${app.url}${path}`, headers);
  streams.push(opened);
  return opened;
}

const bearer = (client: Client) => ({ authorization: `Bearer ${client.token}` });
const eventsPath = () => `/api/persons/${personId}/events`;
const planChanged = (activityId?: string) => (f: SseFrame) =>
  f.event === 'plan.changed' && (activityId === undefined || (f.data as { payload: { activityId?: string } }).payload.activityId === activityId);

/** A web session as a browser login leaves it, made directly through the session service. */
async function sessionFor(persona: string): Promise<{ cookie: string; csrfToken: string; id: string }> {
  const sessions = createSessionService(app.server.database.db, app.clock, app.config.session);
  const { cookieValue, session } = await sessions.create({ principal: principalFromClaims({ ...claimsFor(persona) }), displayName: null, idToken: null });
  return { cookie: `sid=${cookieValue}`, csrfToken: session.csrfToken, id: session.id };
}

async function createActivity(client: Client, body: Record<string, unknown>): Promise<string> {
  const reply = await client.post(`/api/persons/${personId}/activities`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

const selfDirected = (title: string) => ({ ...activityBodies(app.clock.now())[2]!.body, title });
const summary = () => activityBodies(app.clock.now()).find((b) => b.body.type === 'CONVERSATION_SUMMARY')!.body;

beforeAll(async () => {
  app = await startTestApp({ env: { LIVE_HEARTBEAT_MS: String(HEARTBEAT_MS) } });
  personId = (await app.startPeriod('kari')).personId;
});
// Tokens are minted at the clock's time, which some tests move by a day.
beforeEach(async () => {
  kari = await app.as('kari');
  vera = await app.as('vera');
});
afterEach(() => {
  streams.splice(0).forEach((s) => s.close());
});
afterAll(() => app?.close());

describe('a stream', () => {
  it('is in the OpenAPI document as text/event-stream of LiveEvent', async () => {
    const doc = (await app.anonymous().get('/api/docs/json')).body;
    const operation = doc.paths['/api/persons/{personId}/events'].get;
    expect(operation.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['after', 'personId']);
    const schema = operation.responses['200'].content['text/event-stream'].schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['actorSide', 'at', 'id', 'kind', 'payload']);
    expect(schema.properties.kind.enum).toContain('plan.changed');
    expect(operation.responses['404']).toBeDefined();
  });

  it('opens as an unbuffered event stream with a retry time and the id to count from', async () => {
    const s = await stream(eventsPath(), bearer(kari));
    expect(s.status).toBe(200);
    expect(s.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(s.headers.get('cache-control')).toBe('no-store');
    expect(s.headers.get('x-accel-buffering')).toBe('no');
    const opening = await s.waitFor((f) => f.retry !== undefined);
    expect(opening.id).toMatch(/^\d+$/);
    await s.waitFor((f) => f.comment === 'heartbeat');
  });

  it("hears the other party's new activity within moments, with its id and side", async () => {
    const s = await stream(eventsPath(), bearer(kari));
    await s.waitFor((f) => f.retry !== undefined);
    const started = performance.now();
    const activityId = await createActivity(vera, selfDirected('Pushed to the citizen'));
    const frame = await s.waitFor(planChanged(activityId), { timeoutMs: 1_000 });
    console.info(`live: plan.changed arrived ${Math.round(performance.now() - started)} ms after the create request started (${testDatabaseKind()})`);
    expect(frame.id).toBe((frame.data as { id: string }).id);
    expect(frame.data).toMatchObject({ kind: 'plan.changed', actorSide: 'NAV', payload: { activityId } });
  });

  it("tells the advisor of the citizen's goal and status changes, and of a period that ends and starts", async () => {
    const s = await stream(eventsPath(), bearer(vera));
    await s.waitFor((f) => f.retry !== undefined);
    const goal = await kari.get(`/api/persons/${personId}/plan`);
    expect((await kari.put(`/api/persons/${personId}/goal`, { version: goal.body.goal?.version ?? 0, text: `Goal ${randomUUID()}` })).status).toBe(200);
    await s.waitFor((f) => f.event === 'plan.changed' && (f.data as { actorSide: string }).actorSide === 'CITIZEN');
    const activityId = await createActivity(kari, selfDirected('Moved by the citizen'));
    const from = s.frames.length;
    expect((await kari.put(`/api/activities/${activityId}/status`, { version: 1, status: 'IN_PROGRESS' })).status).toBe(200);
    await s.waitFor(planChanged(activityId), { from });
  });

  it('never lets the citizen hear of what only NAV may see (an unshared conversation summary)', async () => {
    const citizen = await stream(eventsPath(), bearer(kari));
    const advisor = await stream(eventsPath(), bearer(vera));
    await Promise.all([citizen, advisor].map((s) => s.waitFor((f) => f.retry !== undefined)));
    const hidden = await createActivity(vera, summary());
    await advisor.waitFor(planChanged(hidden));
    // A change both may hear comes after it: once it has arrived, the hidden one would have too.
    const visible = await createActivity(vera, selfDirected('Both hear of this'));
    await citizen.waitFor(planChanged(visible));
    expect(citizen.events().some(planChanged(hidden))).toBe(false);
    // Nor on catching up.
    const again = await stream(`${eventsPath()}?after=0`, bearer(kari));
    await again.waitFor(planChanged(visible));
    expect(again.events().some(planChanged(hidden))).toBe(false);
  });
});

describe('the dialog', () => {
  it('tells each side of the other side\'s message, and the advisor that the citizen read it, but not the citizen that NAV did', async () => {
    const citizen = await stream(eventsPath(), bearer(kari));
    const advisor = await stream(eventsPath(), bearer(vera));
    await Promise.all([citizen, advisor].map((s) => s.waitFor((f) => f.retry !== undefined)));

    const started = performance.now();
    const asked = await kari.post(`/api/persons/${personId}/threads`, { subject: 'A question', text: 'Is the plan right?' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const threadId = asked.body.thread.id as string;
    const sent = await advisor.waitFor((f) => f.event === 'message.sent', { timeoutMs: 1_000 });
    console.info(`live: message.sent arrived ${Math.round(performance.now() - started)} ms after the send started (${testDatabaseKind()})`);
    expect(sent.data).toMatchObject({ kind: 'message.sent', actorSide: 'CITIZEN', payload: { threadId, messageId: asked.body.messageId } });

    expect((await vera.post(`/api/threads/${threadId}/read`)).status).toBe(204);
    const answered = await vera.post(`/api/threads/${threadId}/messages`, { text: 'Yes, it is.' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    await citizen.waitFor((f) => f.event === 'message.sent' && (f.data as { actorSide: string }).actorSide === 'NAV');
    // NAV's read receipt is NAV's own: the citizen's stream never carries it.
    expect(citizen.events().filter((f) => f.event === 'thread.read')).toEqual([]);

    const from = advisor.frames.length;
    expect((await kari.post(`/api/threads/${threadId}/read`)).status).toBe(204);
    const read = await advisor.waitFor((f) => f.event === 'thread.read', { from });
    expect(read.data).toMatchObject({ actorSide: 'CITIZEN', payload: { threadId, side: 'CITIZEN' } });
  });
});

describe('catching up after a reconnect', () => {
  it('sends exactly what was missed after Last-Event-ID, in order, and then goes on live without duplicates', async () => {
    const first = await stream(eventsPath(), bearer(kari));
    await first.waitFor((f) => f.retry !== undefined);
    const lastSeen = first.lastEventId()!;
    first.close();
    const missed = [];
    for (const title of ['Missed one', 'Missed two', 'Missed three']) {
      missed.push(await createActivity(vera, selfDirected(title)));
    }
    const second = await stream(eventsPath(), { ...bearer(kari), 'last-event-id': lastSeen });
    await second.waitFor(planChanged(missed[2]));
    const live = await createActivity(vera, selfDirected('After the reconnect'));
    await second.waitFor(planChanged(live));
    await settle(HEARTBEAT_MS * 2);
    const activityIds = second.events().map((f) => (f.data as { payload: { activityId: string } }).payload.activityId);
    expect(activityIds).toEqual([...missed, live]);
    const ids = second.events().map((f) => Number(f.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBeGreaterThan(Number(lastSeen));
  });

  it('takes ?after= the same way, and Last-Event-ID over it (EventSource keeps the first URL on reconnect)', async () => {
    const first = await stream(eventsPath(), bearer(kari));
    await first.waitFor((f) => f.retry !== undefined);
    const before = first.lastEventId()!;
    const one = await createActivity(vera, selfDirected('After one'));
    const newer = (await first.waitFor(planChanged(one))).id!;
    const two = await createActivity(vera, selfDirected('After two'));
    await first.waitFor(planChanged(two));

    const byQuery = await stream(`${eventsPath()}?after=${before}`, bearer(kari));
    await byQuery.waitFor(planChanged(two));
    expect(byQuery.events().map((f) => f.id)).toHaveLength(2);

    const byHeader = await stream(`${eventsPath()}?after=${before}`, { ...bearer(kari), 'last-event-id': newer });
    await byHeader.waitFor(planChanged(two));
    expect(byHeader.events()).toHaveLength(1);
  });

  it('says resync when more was missed than it sends, or when what was missed is no longer kept', async () => {
    const first = await stream(eventsPath(), bearer(kari));
    const lastSeen = (await first.waitFor((f) => f.retry !== undefined)).id!;
    first.close();
    const db = app.server.database.db;
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i <= CATCH_UP_LIMIT; i++) {
        await publishLive(tx, personId, { kind: 'plan.changed', actorSide: 'NAV', payload: {} }, app.clock.now());
      }
    });
    const tooMany = await stream(eventsPath(), { ...bearer(kari), 'last-event-id': lastSeen });
    const resync = await tooMany.waitFor((f) => f.event === 'resync');
    expect(tooMany.events()).toHaveLength(1);
    // Its id is where the page counts from now: asking after it gives nothing more.
    expect(Number(resync.id)).toBeGreaterThan(Number(lastSeen) + CATCH_UP_LIMIT);

    // A day later the old events are pruned; an id from before that cannot be caught up on.
    app.clock.advance(25 * 3600_000);
    kari = await app.as('kari');
    const current = await createActivity(await app.as('vera'), selfDirected('Kept'));
    const deleted = await pruneLiveEvents(db, new Date(app.clock.now().getTime() - 24 * 3600_000));
    expect(deleted).toBeGreaterThan(CATCH_UP_LIMIT);
    const pruned = await stream(eventsPath(), { ...bearer(kari), 'last-event-id': lastSeen });
    await pruned.waitFor((f) => f.event === 'resync');
    // …while an id still kept catches up normally.
    const kept = await stream(eventsPath(), { ...bearer(kari), 'last-event-id': resync.id! });
    await kept.waitFor(planChanged(current));
    expect(kept.events().map((f) => f.event)).toEqual(['plan.changed']);
  });
});

describe('who may open a stream', () => {
  it('answers 401 without a login', async () => {
    const s = await stream(eventsPath());
    expect(s.status).toBe(401);
    expect(s.errorBody).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers a person out of reach exactly like one that does not exist (404)', async () => {
    const per = await app.as('per');
    const ola = await app.as('ola');
    for (const client of [per, ola]) {
      const hidden = await fetch(`${app.url}${eventsPath()}`, { headers: bearer(client) });
      const missing = await fetch(`${app.url}/api/persons/${randomUUID()}/events`, { headers: bearer(client) });
      expect(missing.status).toBe(404);
      expect({ status: hidden.status, body: await hidden.text() }).toEqual({ status: 404, body: await missing.text() });
    }
  });

  it('refuses an id that is not an event id in ?after= (400 naming it)', async () => {
    const reply = await kari.get(`${eventsPath()}?after=abc`);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code, JSON.stringify(reply.body)).toBe('validation_failed');
    expect(reply.body.error.details.issues).toEqual([expect.objectContaining({ field: expect.stringMatching(/^query(string)?\.after$/) })]);
  });
});

describe('a stream and its login', () => {
  it('does not extend the session idle timeout, while a request the person makes does', async () => {
    const session = await sessionFor('kari');
    const lastSeen = async () =>
      (await app.server.database.db.selectFrom('web_session').select('lastSeenAt').where('id', '=', session.id).executeTakeFirstOrThrow()).lastSeenAt;
    const before = await lastSeen();
    app.clock.advance(5 * 60_000);
    const s = await stream(eventsPath(), { cookie: session.cookie });
    expect(s.status).toBe(200);
    await s.waitFor((f) => f.comment === 'heartbeat');
    expect(await lastSeen()).toEqual(before);
    expect((await fetch(`${app.url}/api/persons/${personId}/plan`, { headers: { cookie: session.cookie } })).status).toBe(200);
    expect(await lastSeen()).not.toEqual(before);
  });

  it('ends with session.ended at logout', async () => {
    const session = await sessionFor('kari');
    const s = await stream(eventsPath(), { cookie: session.cookie });
    await s.waitFor((f) => f.retry !== undefined);
    const other = await stream(eventsPath(), bearer(kari));
    await other.waitFor((f) => f.retry !== undefined);
    const logout = await fetch(`${app.url}/auth/logout`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    expect(logout.status).toBe(200);
    await s.waitFor((f) => f.event === 'session.ended', { timeoutMs: 2_000 });
    await s.closed;
    // Only that session's streams.
    expect(other.isClosed()).toBe(false);
  });

  it('ends with session.ended at the first heartbeat after the session expired', async () => {
    const session = await sessionFor('kari');
    const s = await stream(eventsPath(), { cookie: session.cookie });
    await s.waitFor((f) => f.comment === 'heartbeat');
    await settle(HEARTBEAT_MS * 3);
    expect(s.isClosed()).toBe(false);
    app.clock.advance((app.config.session.idleMinutes + 1) * 60_000);
    await s.waitFor((f) => f.event === 'session.ended', { timeoutMs: 2_000 });
    await s.closed;
  });

  it('ends a Bearer stream when its token runs out', async () => {
    const shortLived = await app.as('kari', { ttlSeconds: 60 });
    const s = await stream(eventsPath(), bearer(shortLived));
    await s.waitFor((f) => f.comment === 'heartbeat');
    app.clock.advance(30_000);
    await settle(HEARTBEAT_MS * 3);
    expect(s.isClosed()).toBe(false);
    app.clock.advance(31_000);
    await s.waitFor((f) => f.event === 'session.ended', { timeoutMs: 2_000 });
    await s.closed;
  });

  it('lets go of a stream the client closes, and records ended streams by route pattern', async () => {
    const hub = app.server.app.liveHub;
    await settle(HEARTBEAT_MS);
    const before = hub.subscriberCount();
    const s = await stream(eventsPath(), bearer(kari));
    await s.waitFor((f) => f.retry !== undefined);
    expect(hub.subscriberCount()).toBe(before + 1);
    s.close();
    await expect.poll(() => hub.subscriberCount(), { timeout: 2_000 }).toBe(before);
    const metrics = await app.anonymous().get('/metrics');
    expect(metrics.body).toContain('route="/api/persons/:personId/events"');
    expect(metrics.body).not.toContain(personId);
  });
});
