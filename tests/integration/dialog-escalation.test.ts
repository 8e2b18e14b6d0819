import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

/**
 * The escalation warning (product.md C2; reference A8): NAV only, at most one in force per person,
 * a marked thread with one important message and its own notification (never message.sent),
 * stopped by NAV with an optional closing message or by SYSTEM when the period ends.
 */
let app: TestApp;
let kari: Client;
let vera: Client;
let personId: string;
let periodId: string;

const db = () => app.testDb.database.db;
const warning = { reason: 'Has not attended two meetings', subject: 'Warning: your benefits may stop', text: 'NAV is considering stopping your benefits. Contact us.' };

async function outboxTopics(aggregateIds: string[]) {
  const rows = await db().selectFrom('outbox').select(['topic', 'aggregateId', 'payload']).where('aggregateId', 'in', aggregateIds).orderBy('id').execute();
  return rows.map((r) => ({ topic: r.topic, payload: r.payload }));
}

beforeAll(async () => {
  app = await startTestApp();
  ({ personId, periodId } = await app.startPeriod('kari'));
  kari = await app.as('kari');
  vera = await app.as('vera');
});
afterAll(() => app?.close());

describe('an escalation warning', () => {
  let warningId: string;
  let threadId: string;

  it('is given by NAV as a marked thread with one important message, awaiting the citizen', async () => {
    const started = await vera.post(`/api/persons/${personId}/escalation-warnings`, warning);
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ startedAt: app.clock.now().toISOString(), startedByIdent: 'Z990001', reason: warning.reason, stoppedAt: null, stoppedBy: null, stopReason: null });
    ({ id: warningId, threadId } = started.body);

    const forKari = (await kari.get(`/api/threads/${threadId}`)).body;
    expect(forKari).toMatchObject({ subject: warning.subject, escalation: true, escalationActive: true, awaitingCitizen: true, unreadCount: 1, messageCount: 1 });
    expect(forKari.messages).toEqual([expect.objectContaining({ side: 'NAV', important: true, text: warning.text, unread: true, senderIdent: null })]);
    const forVera = (await vera.get(`/api/threads/${threadId}`)).body;
    expect(forVera).toMatchObject({ unreadCount: 0, awaitingNav: false });

    const list = (await kari.get(`/api/persons/${personId}/threads`)).body;
    // The citizen sees that a warning is in force, not who gave it or NAV's reason.
    expect(list.escalation).toEqual({ id: warningId, threadId, startedAt: started.body.startedAt, startedByIdent: null, reason: null, stoppedAt: null, stoppedBy: null, stopReason: null });
    expect(list.threads[0]).toMatchObject({ id: threadId, escalation: true, escalationActive: true });
  });

  it('has its own outbox event and no message.sent, so the citizen gets one notification of its own kind', async () => {
    expect(await outboxTopics([threadId, warningId])).toEqual([{ topic: 'escalation.started', payload: { warningId, threadId, personId } }]);
    const live = await db().selectFrom('live_event').select(['kind', 'payload']).where('personId', '=', personId).orderBy('id').execute();
    expect(live.filter((e) => e.kind === 'escalation.changed').map((e) => e.payload)).toEqual([{ warningId, threadId }]);
  });

  it('allows one in force per person: a second is 409', async () => {
    const second = await vera.post(`/api/persons/${personId}/escalation-warnings`, warning);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    const rows = await db().selectFrom('escalation_warning').select('id').where('personId', '=', personId).execute();
    expect(rows).toHaveLength(1);
  });

  it('is NAV business: the citizen gets 403 for giving, listing and stopping one', async () => {
    expect((await kari.post(`/api/persons/${personId}/escalation-warnings`, warning)).status).toBe(403);
    expect((await kari.get(`/api/persons/${personId}/escalation-warnings`)).status).toBe(403);
    expect((await kari.post(`/api/escalation-warnings/${warningId}/stop`, { reason: 'Mine' })).status).toBe(403);
    const per = await app.as('per');
    const hidden = await per.post(`/api/escalation-warnings/${warningId}/stop`, { reason: 'x' });
    const absent = await per.post(`/api/escalation-warnings/${randomUUID()}/stop`, { reason: 'x' });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(absent.body);
    expect((await per.get(`/api/persons/${personId}/escalation-warnings`)).status).toBe(404);
  });

  it('is stopped by NAV with a closing message in its thread that notifies nobody', async () => {
    app.clock.advance(60_000);
    const stopped = await vera.post(`/api/escalation-warnings/${warningId}/stop`, { reason: 'Attended the meeting', closingMessage: 'Thank you for coming. The warning is withdrawn.' });
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ id: warningId, stoppedAt: app.clock.now().toISOString(), stoppedBy: 'ADVISOR', stopReason: 'Attended the meeting' });
    const thread = (await kari.get(`/api/threads/${threadId}`)).body;
    expect(thread).toMatchObject({ escalationActive: false, messageCount: 2, unreadCount: 2 });
    expect(thread.messages[1]).toMatchObject({ side: 'NAV', important: false, text: 'Thank you for coming. The warning is withdrawn.' });
    expect((await outboxTopics([threadId, warningId])).map((e) => e.topic)).toEqual(['escalation.started', 'escalation.stopped']);
    expect((await kari.get(`/api/persons/${personId}/threads`)).body.escalation).toBeNull();

    const again = await vera.post(`/api/escalation-warnings/${warningId}/stop`, { reason: 'Again' });
    expect(again.status).toBe(409);
    const history = (await vera.get(`/api/persons/${personId}/escalation-warnings`)).body;
    expect(history).toEqual([stopped.body]);
  });

  it('may be stopped without a closing message', async () => {
    const started = (await vera.post(`/api/persons/${personId}/escalation-warnings`, warning)).body;
    const stopped = await vera.post(`/api/escalation-warnings/${started.id}/stop`, { reason: 'Mistake' });
    expect(stopped.status).toBe(200);
    expect((await vera.get(`/api/threads/${started.threadId}`)).body.messageCount).toBe(1);
    const history = (await vera.get(`/api/persons/${personId}/escalation-warnings`)).body;
    expect(history.map((w: { id: string }) => w.id)).toEqual([started.id, warningId]);
  });

  it('is stopped by SYSTEM when the follow-up period ends', async () => {
    app.clock.advance(60_000);
    const started = (await vera.post(`/api/persons/${personId}/escalation-warnings`, warning)).body;
    app.clock.advance(60_000);
    expect((await vera.post(`/api/persons/${personId}/periods/${periodId}/end`)).status).toBe(200);
    const history = (await vera.get(`/api/persons/${personId}/escalation-warnings`)).body;
    expect(history[0]).toMatchObject({ id: started.id, stoppedAt: app.clock.now().toISOString(), stoppedBy: 'SYSTEM', stopReason: 'PERIOD_ENDED' });
    expect((await outboxTopics([started.id])).map((e) => e.topic)).toEqual(['escalation.started', 'escalation.stopped']);
    const refused = await vera.post(`/api/persons/${personId}/escalation-warnings`, warning);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'locked', details: { reason: 'NO_CURRENT_PERIOD' } });
  });
});

describe('preconditions', () => {
  it('refuses a warning to a person followed up manually or reserved in the contact register', async () => {
    const ola = (await app.startPeriod('ola')).personId;
    await db().insertInto('manual_follow_up_log').values({ personId: ola, manual: true, reason: 'Paper', actorRole: 'ADVISOR', actorIdent: 'Z990001', createdAt: app.clock.now() }).execute();
    const manual = await vera.post(`/api/persons/${ola}/escalation-warnings`, warning);
    expect(manual.status).toBe(409);
    expect(manual.body.error).toMatchObject({ code: 'locked', details: { reason: 'MANUAL_FOLLOW_UP' } });

    const rita = (await app.startPeriod('rita')).personId;
    const reserved = await vera.post(`/api/persons/${rita}/escalation-warnings`, warning);
    expect(reserved.body.error).toMatchObject({ code: 'locked', details: { reason: 'RESERVED' } });
    const none = await db().selectFrom('escalation_warning').select('id').where('personId', 'in', [ola, rita]).execute();
    expect(none).toEqual([]);
  });

  it('refuses bad input naming the field', async () => {
    const nora = await app.personId('nora');
    for (const [body, field] of [
      [{ ...warning, reason: 'x'.repeat(501) }, 'body.reason'],
      [{ ...warning, subject: '' }, 'body.subject'],
      [{ ...warning, text: 'a\u0000' }, 'body.text'],
      [{ ...warning, severity: 'high' }, 'body.severity'],
    ] as const) {
      const reply = await vera.post(`/api/persons/${nora}/escalation-warnings`, body);
      expect.soft({ field, status: reply.status, message: String(reply.body.error?.message).split(':')[0] }).toEqual({ field, status: 400, message: field });
    }
    const stop = await vera.post(`/api/escalation-warnings/${randomUUID()}/stop`, { reason: 'x', closingMessage: 'y'.repeat(5001) });
    expect(stop.body.error.message).toMatch(/^body\.closingMessage:/);
  });
});
