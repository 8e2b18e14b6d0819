import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

/**
 * The dialog between a citizen and NAV over HTTP (product.md C2): threads and messages, who waits
 * for whom, read state and receipts, what each side is shown, one thread per activity, and what
 * goes to the outbox and the live stream in the same transaction.
 */
let app: TestApp;
let kari: Client;
let vera: Client;
let personId: string;
let periodId: string;

const db = () => app.testDb.database.db;

async function outbox(topic: string, threadId: string) {
  return db().selectFrom('outbox').select(['topic', 'payload']).where('topic', '=', topic).where('aggregateId', '=', threadId).orderBy('id').execute();
}

async function statusLog(threadId: string): Promise<string[]> {
  const rows = await db().selectFrom('thread_status_log').select(['event']).where('threadId', '=', threadId).orderBy('id').execute();
  return rows.map((r) => r.event);
}

async function liveEvents(threadId: string) {
  const rows = await db().selectFrom('live_event').select(['kind', 'audience', 'actorSide', 'payload']).where('personId', '=', personId).orderBy('id').execute();
  return rows.filter((r) => (r.payload as Record<string, unknown>).threadId === threadId);
}

async function newThread(who: Client, body: Record<string, unknown>, person = personId) {
  const reply = await who.post(`/api/persons/${person}/threads`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

beforeAll(async () => {
  app = await startTestApp();
  ({ personId, periodId } = await app.startPeriod('kari'));
  kari = await app.as('kari');
  vera = await app.as('vera');
});
afterAll(() => app?.close());

describe('a conversation between the citizen and NAV', () => {
  let threadId: string;

  it('starts with the citizen: awaiting NAV, unread for the advisor, read for the citizen', async () => {
    const sent = await newThread(kari, { subject: 'About my course', text: 'When does the course start?' });
    threadId = sent.thread.id;
    expect(sent.notificationHold).toBeNull();
    expect(sent.thread).toMatchObject({ subject: 'About my course', periodId, activityId: null, awaitingNav: null, awaitingCitizen: false, unreadCount: 0, writable: true, messageCount: 1 });
    expect(sent.thread.messages).toEqual([
      expect.objectContaining({ id: sent.messageId, side: 'CITIZEN', senderIdent: null, office: null, text: 'When does the course start?', unread: false, readByCitizen: null }),
    ]);

    const list = await vera.get(`/api/persons/${personId}/threads`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ personId, periodId, unreadThreads: 1, canSend: true, sendBlockedReason: null, notificationHold: null, escalation: null });
    expect(list.body.threads[0]).toMatchObject({ id: threadId, unreadCount: 1, awaitingNav: true, awaitingCitizen: false, lastMessageSide: 'CITIZEN', preview: 'When does the course start?' });
    expect((await vera.get(`/api/persons/${personId}/threads/unread`)).body).toEqual({ unreadThreads: 1 });
    expect((await kari.get(`/api/persons/${personId}/threads/unread`)).body).toEqual({ unreadThreads: 0 });
    expect(await statusLog(threadId)).toEqual(['CREATED', 'MESSAGE_FROM_CITIZEN', 'AWAITING_NAV']);
  });

  it("is answered by NAV: handled, unread for the citizen, shown as from NAV and the office, never the advisor's ident", async () => {
    const answer = await vera.post(`/api/threads/${threadId}/messages`, { text: 'Monday at nine.' });
    expect(answer.status).toBe(201);
    expect(answer.body.thread).toMatchObject({ awaitingNav: false, unreadCount: 0, messageCount: 2, citizenReadAt: null });
    const navMessage = answer.body.thread.messages[1];
    expect(navMessage).toMatchObject({ side: 'NAV', senderIdent: 'Z990001', office: { id: '0219', name: 'NAV Bærum' }, readByCitizen: false, unread: false });
    // Sending marked the citizen's message read for NAV.
    expect(answer.body.thread.messages[0].unread).toBe(false);

    const forKari = await kari.get(`/api/threads/${threadId}`);
    expect(forKari.status).toBe(200);
    expect(forKari.body).toMatchObject({ unreadCount: 1, awaitingNav: null, citizenReadAt: null, notification: null });
    expect(forKari.body.messages[1]).toMatchObject({ side: 'NAV', senderIdent: null, office: { id: '0219', name: 'NAV Bærum' }, unread: true, readByCitizen: null });
    expect(JSON.stringify(forKari.body)).not.toContain('Z990001');
    expect((await kari.get(`/api/persons/${personId}/threads/unread`)).body).toEqual({ unreadThreads: 1 });
    expect((await vera.get(`/api/persons/${personId}/threads/unread`)).body).toEqual({ unreadThreads: 0 });
    expect(await statusLog(threadId)).toEqual(['CREATED', 'MESSAGE_FROM_CITIZEN', 'AWAITING_NAV', 'MESSAGE_FROM_NAV', 'ANSWERED_BY_NAV', 'READ_BY_NAV']);
  });

  it('tells the advisor when the citizen read it, once, and the outbox and live stream hear of it', async () => {
    app.clock.advance(60_000);
    const readAt = app.clock.now().toISOString();
    expect((await kari.post(`/api/threads/${threadId}/read`)).status).toBe(204);
    const forVera = (await vera.get(`/api/threads/${threadId}`)).body;
    expect(forVera.citizenReadAt).toBe(readAt);
    expect(forVera.messages[1].readByCitizen).toBe(true);
    expect((await kari.get(`/api/threads/${threadId}`)).body).toMatchObject({ unreadCount: 0, citizenReadAt: null });
    expect((await kari.get(`/api/threads/${threadId}`)).body.messages[1].unread).toBe(false);

    // Nothing more to read: no second event.
    app.clock.advance(60_000);
    expect((await kari.post(`/api/threads/${threadId}/read`)).status).toBe(204);
    expect((await vera.get(`/api/threads/${threadId}`)).body.citizenReadAt).toBe(readAt);
    const reads = await outbox('thread.read', threadId);
    expect(reads.map((r) => r.payload)).toEqual([{ threadId, personId, side: 'NAV' }, { threadId, personId, side: 'CITIZEN' }]);
    expect((await statusLog(threadId)).filter((e) => e === 'READ_BY_CITIZEN')).toHaveLength(1);
    const live = await liveEvents(threadId);
    expect(live.filter((e) => e.kind === 'thread.read')).toEqual([{ kind: 'thread.read', audience: 'ALL', actorSide: 'CITIZEN', payload: { threadId, side: 'CITIZEN' } }]);
  });

  it('writes message.sent to the outbox and the live stream for every message, with ids only', async () => {
    const sentEvents = await outbox('message.sent', threadId);
    expect(sentEvents.map((e) => (e.payload as { side: string }).side)).toEqual(['CITIZEN', 'NAV']);
    expect(Object.keys(sentEvents[1]!.payload as object).sort()).toEqual(['messageId', 'personId', 'side', 'threadId']);
    const live = (await liveEvents(threadId)).filter((e) => e.kind === 'message.sent');
    expect(live).toHaveLength(2);
    expect(live[1]).toMatchObject({ audience: 'ALL', actorSide: 'NAV', payload: { threadId } });
    expect(JSON.stringify(live)).not.toContain('Monday');
  });

  it('lets only NAV set the flags, naming the version it read; a stale version gets the current thread', async () => {
    const before = (await vera.get(`/api/threads/${threadId}`)).body;
    const citizenTry = await kari.put(`/api/threads/${threadId}/status`, { version: before.version, awaitingCitizen: true });
    expect(citizenTry.status).toBe(403);
    expect(citizenTry.body.error.code).toBe('forbidden');

    const set = await vera.put(`/api/threads/${threadId}/status`, { version: before.version, awaitingCitizen: true });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ awaitingCitizen: true, awaitingNav: false, version: before.version + 1 });
    const stale = await vera.put(`/api/threads/${threadId}/status`, { version: before.version, awaitingNav: true });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.details.current).toMatchObject({ id: threadId, version: before.version + 1, awaitingCitizen: true });
    // Marking "awaiting NAV" is NAV's own business: only NAV's pages hear of it.
    const reopened = await vera.put(`/api/threads/${threadId}/status`, { version: before.version + 1, awaitingNav: true });
    expect(reopened.body).toMatchObject({ awaitingNav: true, version: before.version + 2 });
    const changed = (await liveEvents(threadId)).filter((e) => e.kind === 'thread.changed');
    expect(changed.map((e) => e.audience)).toEqual(['ALL', 'NAV']);
    expect((await kari.get(`/api/threads/${threadId}`)).body).toMatchObject({ awaitingCitizen: true, awaitingNav: null });
    // Nothing changes: no new version.
    const same = await vera.put(`/api/threads/${threadId}/status`, { version: before.version + 2, awaitingNav: true });
    expect(same.body.version).toBe(before.version + 2);
  });

  it("clears 'awaiting the citizen' when the citizen answers, and waits for NAV", async () => {
    const current = (await vera.get(`/api/threads/${threadId}`)).body;
    await vera.put(`/api/threads/${threadId}/status`, { version: current.version, awaitingNav: false });
    const reply = await kari.post(`/api/threads/${threadId}/messages`, { text: 'Thank you!' });
    expect(reply.status).toBe(201);
    expect(reply.body.thread).toMatchObject({ awaitingCitizen: false, awaitingNav: null });
    expect((await vera.get(`/api/threads/${threadId}`)).body).toMatchObject({ awaitingCitizen: false, awaitingNav: true, unreadCount: 1 });
    expect((await statusLog(threadId)).slice(-3)).toEqual(['MESSAGE_FROM_CITIZEN', 'ANSWERED_BY_CITIZEN', 'AWAITING_NAV']);
  });

  it('starts a thread from NAV as handled, waiting for the citizen only when asked to', async () => {
    const plain = await newThread(vera, { subject: 'Your CV', text: 'Please update your CV.' });
    expect(plain.thread).toMatchObject({ awaitingNav: false, awaitingCitizen: false });
    const asking = await newThread(vera, { subject: 'Meeting time', text: 'Which day suits you?', awaitingCitizen: true });
    expect(asking.thread).toMatchObject({ awaitingNav: false, awaitingCitizen: true });
    expect(await statusLog(asking.thread.id)).toEqual(['CREATED', 'MESSAGE_FROM_NAV', 'AWAITING_CITIZEN']);
    const refused = await kari.post(`/api/persons/${personId}/threads`, { subject: 'x', text: 'y', awaitingCitizen: true });
    expect(refused.status).toBe(403);

    // Newest first, each with the start of its newest message.
    const list = (await kari.get(`/api/persons/${personId}/threads`)).body;
    expect(list.threads.map((t: { id: string }) => t.id).slice(0, 2)).toEqual([asking.thread.id, plain.thread.id]);
    expect(list.threads[0]).toMatchObject({ preview: 'Which day suits you?', lastMessageSide: 'NAV', unreadCount: 1, awaitingNav: null });
  });

  it('shows the first 120 characters of the newest message in the list', async () => {
    const long = `${'ø'.repeat(119)}🙂 and more`;
    const sent = await newThread(kari, { subject: 'Long', text: long });
    const list = (await vera.get(`/api/persons/${personId}/threads`)).body;
    const summary = list.threads.find((t: { id: string }) => t.id === sent.thread.id);
    expect(summary.preview).toBe(`${'ø'.repeat(119)}🙂`);
    expect(sent.thread.preview).toBe(summary.preview);
  });
});

describe('conversations about an activity', () => {
  const day = (days: number) => new Date(app.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

  it('keeps one thread per activity, titled after it: a second new thread about it adds to the first', async () => {
    const activity = (await kari.post(`/api/persons/${personId}/activities`, { type: 'SELF_DIRECTED', title: 'Bread baking course', fromDate: day(0), toDate: day(30) })).body;
    const first = await newThread(kari, { text: 'Can NAV pay for this?', activityId: activity.id, subject: 'ignored' });
    expect(first.thread).toMatchObject({ activityId: activity.id, subject: 'Bread baking course' });
    const second = await newThread(vera, { text: 'Yes, we can talk about it.', activityId: activity.id });
    expect(second.thread.id).toBe(first.thread.id);
    expect(second.thread.messageCount).toBe(2);
    const count = await db().selectFrom('thread').select((eb) => eb.fn.countAll<number>().as('n')).where('activityId', '=', activity.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("answers 404 for another person's activity, as for one that does not exist", async () => {
    const { personId: ritaId } = await app.startPeriod('rita');
    const ritas = await vera.post(`/api/persons/${ritaId}/activities`, { type: 'SELF_DIRECTED', title: 'Course', fromDate: day(0), toDate: day(30) });
    expect(ritas.status).toBe(201);
    const other = await vera.post(`/api/persons/${personId}/threads`, { text: 'Hello', activityId: ritas.body.id });
    const missing = await vera.post(`/api/persons/${personId}/threads`, { text: 'Hello', activityId: randomUUID() });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
  });

  it('does not let the citizen write about a conversation summary NAV has not shared', async () => {
    const summary = await vera.post(`/api/persons/${personId}/activities`, { type: 'CONVERSATION_SUMMARY', title: 'Talk', fromDate: day(0), channel: 'PHONE', summary: 'Notes', share: false });
    expect(summary.status).toBe(201);
    const citizen = await kari.post(`/api/persons/${personId}/threads`, { text: 'What is this?', activityId: summary.body.id });
    expect(citizen.status).toBe(404);
    expect((await vera.post(`/api/persons/${personId}/threads`, { text: 'About our talk', activityId: summary.body.id })).status).toBe(201);
  });
});

describe('access', () => {
  let threadId: string;
  beforeAll(async () => {
    threadId = (await newThread(kari, { subject: 'Private', text: 'Only for my office' })).thread.id;
  });

  it('answers an advisor at another office and another citizen as if the thread did not exist', async () => {
    const per = await app.as('per');
    await app.startPeriod('ove');
    const ove = await app.as('ove');
    for (const who of [per, ove]) {
      for (const [method, path, body] of [
        ['GET', `/api/threads/${threadId}`],
        ['POST', `/api/threads/${threadId}/messages`, { text: 'Hi' }],
        ['POST', `/api/threads/${threadId}/read`],
        ['PUT', `/api/threads/${threadId}/status`, { version: 1, awaitingNav: false }],
      ] as const) {
        const hidden = await who.send(method, path, body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {});
        const absent = await who.send(method, path.replace(threadId, randomUUID()), body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {});
        expect.soft({ path, status: hidden.status, body: hidden.body }).toEqual({ path, status: 404, body: absent.body });
      }
      expect((await who.get(`/api/persons/${personId}/threads`)).status).toBe(404);
    }
    expect((await app.anonymous().get(`/api/threads/${threadId}`)).status).toBe(401);
    expect((await app.anonymous().get(`/api/persons/${personId}/threads`)).status).toBe(401);
  });

  it('keeps threads started during KVP from advisors at other offices, out of lists and counts too', async () => {
    const [kvp] = await db()
      .insertInto('kvp_period')
      .values({ personId, officeId: '0301', startedAt: app.clock.now(), startedByIdent: 'Z990003', startReason: 'KVP' })
      .returning('id')
      .execute();
    const sent = await newThread(kari, { subject: 'During KVP', text: 'A question' });
    await db().updateTable('kvp_period').set({ endedAt: app.clock.now(), endedByIdent: 'Z990003', endReason: 'done' }).where('id', '=', kvp!.id).execute();
    const siri = await app.as('siri');

    expect((await vera.get(`/api/threads/${sent.thread.id}`)).status).toBe(404);
    expect((await vera.post(`/api/threads/${sent.thread.id}/messages`, { text: 'x' })).status).toBe(404);
    const veraList = (await vera.get(`/api/persons/${personId}/threads`)).body;
    expect(veraList.threads.map((t: { id: string }) => t.id)).not.toContain(sent.thread.id);
    const siriList = (await siri.get(`/api/persons/${personId}/threads`)).body;
    expect(siriList.threads.map((t: { id: string }) => t.id)).toContain(sent.thread.id);
    expect(siriList.unreadThreads).toBe(veraList.unreadThreads + 1);
    expect((await siri.get(`/api/persons/${personId}/threads/unread`)).body.unreadThreads).toBe(siriList.unreadThreads);
    expect((await siri.get(`/api/threads/${sent.thread.id}`)).status).toBe(200);
    expect((await kari.get(`/api/threads/${sent.thread.id}`)).status).toBe(200);
  });

  it('keeps messages written during KVP in an older thread from advisors at other offices, preview included', async () => {
    const before = await newThread(kari, { subject: 'Before KVP', text: 'Written before the programme' });
    const [kvp] = await db()
      .insertInto('kvp_period')
      .values({ personId, officeId: '0301', startedAt: app.clock.now(), startedByIdent: 'Z990003', startReason: 'KVP' })
      .returning('id')
      .execute();
    const during = await kari.post(`/api/threads/${before.thread.id}/messages`, { text: 'Written during the programme' });
    expect(during.status).toBe(201);
    await db().updateTable('kvp_period').set({ endedAt: app.clock.now(), endedByIdent: 'Z990003', endReason: 'done' }).where('id', '=', kvp!.id).execute();
    const siri = await app.as('siri');

    const texts = (thread: { messages: Array<{ text: string }> }) => thread.messages.map((m) => m.text);
    expect(texts((await vera.get(`/api/threads/${before.thread.id}`)).body)).toEqual(['Written before the programme']);
    expect(texts((await siri.get(`/api/threads/${before.thread.id}`)).body)).toEqual(['Written before the programme', 'Written during the programme']);
    expect(texts((await kari.get(`/api/threads/${before.thread.id}`)).body)).toEqual(['Written before the programme', 'Written during the programme']);
    const preview = async (who: Client) =>
      ((await who.get(`/api/persons/${personId}/threads`)).body.threads as Array<{ id: string; preview: string }>).find((t) => t.id === before.thread.id)?.preview;
    expect(await preview(vera)).toBe('Written before the programme');
    expect(await preview(siri)).toBe('Written during the programme');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', `/api/threads/${threadId}/messages`, { text: 'x'.repeat(5001) }, 'body.text'],
      ['POST', `/api/threads/${threadId}/messages`, { text: 'a\u0000b' }, 'body.text'],
      ['POST', `/api/threads/${threadId}/messages`, { text: '   ' }, 'body.text'],
      ['POST', `/api/threads/${threadId}/messages`, { text: 'ok', extra: 1 }, 'body.extra'],
      ['POST', `/api/threads/${threadId}/messages`, { text: 42 }, 'body.text'],
      ['POST', `/api/persons/${personId}/threads`, { text: 'No subject' }, 'body.subject'],
      ['POST', `/api/persons/${personId}/threads`, { subject: 's'.repeat(101), text: 'x' }, 'body.subject'],
      ['POST', `/api/persons/${personId}/threads`, { subject: 's', text: 'x', activityId: 'nope' }, 'body.activityId'],
      ['PUT', `/api/threads/${threadId}/status`, { version: 1 }, 'body.awaitingNav'],
      ['PUT', `/api/threads/${threadId}/status`, { version: 'one', awaitingNav: true }, 'body.version'],
      ['PUT', `/api/threads/${threadId}/status`, { version: 1, awaitingNav: 'yes' }, 'body.awaitingNav'],
      ['GET', `/api/threads/not-an-id`, undefined, 'params.threadId'],
      ['GET', `/api/persons/${personId}/threads?periodId=x`, undefined, 'querystring.periodId'],
    ];
    for (const [method, path, body, field] of cases) {
      const who = method === 'PUT' ? vera : kari;
      const reply = await who.send(method, path, body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      expect.soft({ path, body, status: reply.status, message: String(reply.body.error?.message).split(':')[0] }).toEqual({ path, body, status: 400, message: field });
    }
  });
});

describe('when the period ends', () => {
  it('keeps its threads readable and read-only for everyone, and a new period starts with none', async () => {
    const sent = await newThread(kari, { subject: 'Before the end', text: 'Last question' });
    expect((await vera.post(`/api/persons/${personId}/periods/${periodId}/end`)).status).toBe(200);

    const old = await kari.get(`/api/threads/${sent.thread.id}`);
    expect(old.status).toBe(200);
    expect(old.body.writable).toBe(false);
    for (const who of [kari, vera]) {
      const refused = await who.post(`/api/threads/${sent.thread.id}/messages`, { text: 'Too late' });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'locked', details: { reason: 'PERIOD_ENDED' } });
    }
    const status = await vera.put(`/api/threads/${sent.thread.id}/status`, { version: old.body.version, awaitingNav: false });
    expect(status.body.error).toMatchObject({ code: 'locked', details: { reason: 'PERIOD_ENDED' } });
    // Reading stays possible.
    expect((await vera.post(`/api/threads/${sent.thread.id}/read`)).status).toBe(204);

    const list = (await kari.get(`/api/persons/${personId}/threads`)).body;
    expect(list).toMatchObject({ periodId, canSend: false, sendBlockedReason: 'NO_CURRENT_PERIOD' });
    expect(list.threads.every((t: { writable: boolean }) => !t.writable)).toBe(true);
    const none = await kari.post(`/api/persons/${personId}/threads`, { subject: 'New', text: 'Anyone?' });
    expect(none.body.error).toMatchObject({ code: 'locked', details: { reason: 'NO_CURRENT_PERIOD' } });
    expect((await statusLog(sent.thread.id)).at(-2)).toBe('CLOSED_WITH_PERIOD');

    const next = (await vera.post(`/api/persons/${personId}/periods`)).body;
    const fresh = (await kari.get(`/api/persons/${personId}/threads`)).body;
    expect(fresh).toMatchObject({ periodId: next.id, threads: [], canSend: true, unreadThreads: 0 });
    const earlier = (await kari.get(`/api/persons/${personId}/threads?periodId=${periodId}`)).body;
    expect(earlier).toMatchObject({ periodId, canSend: false, sendBlockedReason: 'PERIOD_ENDED' });
    expect(earlier.threads.length).toBeGreaterThan(3);
    expect((await kari.get(`/api/persons/${personId}/threads?periodId=${randomUUID()}`)).status).toBe(404);
  });
});
