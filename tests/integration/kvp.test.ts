import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '#server/auth/tokens.ts';
import { activityBodies } from '#test/api-fixtures.ts';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';
import { openSse, type SseFrame, type SseStream } from './live-stream.helpers.ts';

/**
 * KVP periods (product.md C3): an advisor at the person's office starts one during a follow-up
 * period; while it is open, new activities and messages are seen by the citizen and by advisors at
 * the KVP office only — in the plan, the activity and its history, writes, and live updates — and
 * only an advisor at the KVP office ends it. The outsider here reaches Kari by assignment from
 * another office (access-policy.ts): in reach, but not at the KVP office.
 */
let app: TestApp;
let kariId: string;
let vera: Client;
let kari: Client;
let outsider: Client;
let beforeKvp: string;
let kvpPeriodId: string;
const streams: SseStream[] = [];

const ivar = (offices: string[]): TokenClaims => ({ role: 'advisor', NAVident: 'Z990077', name: 'Ivar Innflytter', offices, rights: [] });
const kvpPath = () => `/api/persons/${kariId}/kvp-periods`;
const selfDirected = (title: string) => ({ ...activityBodies(app.clock.now())[2]!.body, title });
const planIds = async (client: Client): Promise<string[]> => (await client.get(`/api/persons/${kariId}/plan`)).body.activities.map((a: { id: string }) => a.id);

async function create(client: Client, title: string): Promise<{ id: string; version: number }> {
  const reply = await client.post(`/api/persons/${kariId}/activities`, selfDirected(title));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

beforeAll(async () => {
  app = await startTestApp();
  kariId = (await app.startPeriod('kari')).personId;
  [vera, kari] = [await app.as('vera'), await app.as('kari')];
  await vera.get('/api/me');
  await (await app.as(ivar(['0219']))).get('/api/me');
  expect((await vera.put(`/api/persons/${kariId}/assignment`, { advisorIdent: 'Z990077' })).status).toBe(200);
  outsider = await app.as(ivar(['0301']));
  beforeKvp = (await create(vera, 'Before KVP')).id;
});
afterEach(() => {
  streams.splice(0).forEach((s) => s.close());
});
afterAll(() => app?.close());

describe('starting a KVP period', () => {
  it("is for an advisor at the person's office, during a follow-up period, one at a time", async () => {
    const reason = { reason: 'Starts the qualification programme' };
    expect((await kari.post(kvpPath(), reason)).status).toBe(403);
    expect((await (await app.as('per')).post(kvpPath(), reason)).status).toBe(404);
    expect((await outsider.post(kvpPath(), reason)).status).toBe(403);
    const noraId = await app.personId('nora');
    const noPeriod = await vera.post(`/api/persons/${noraId}/kvp-periods`, reason);
    expect(noPeriod.status).toBe(409);
    expect(noPeriod.body.error.details).toEqual({ reason: 'NO_CURRENT_PERIOD' });
    expect((await vera.post(kvpPath(), { reason: ' ' })).status).toBe(400);

    const started = await vera.post(kvpPath(), reason);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body).toEqual({
      id: expect.any(String),
      officeId: '0219',
      startedAt: app.clock.now().toISOString(),
      startedBy: 'Z990001',
      startReason: 'Starts the qualification programme',
      endedAt: null,
      endedBy: null,
      endReason: null,
    });
    kvpPeriodId = started.body.id;
    expect((await vera.post(kvpPath(), reason)).body.error).toMatchObject({ code: 'conflict', details: { reason: 'KVP_OPEN' } });

    expect((await vera.get(`/api/persons/${kariId}`)).body).toMatchObject({ inKvp: true, kvp: { officeId: '0219', startedAt: started.body.startedAt } });
    expect((await vera.get(kvpPath())).body).toEqual({ kvpPeriods: [started.body] });
    // Periods at other offices are not listed to an advisor there (reference B4), and the citizen has no such list.
    expect((await outsider.get(kvpPath())).body).toEqual({ kvpPeriods: [] });
    expect((await kari.get(kvpPath())).status).toBe(403);
    const audit = await app.testDb.database.db.selectFrom('audit_record').select(['action', 'actorIdent']).where('personId', '=', kariId).where('subject', '=', 'KVP').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'WRITE', actorIdent: 'Z990001' },
      { action: 'READ', actorIdent: 'Z990001' },
      { action: 'READ', actorIdent: 'Z990077' },
    ]);
  });
});

describe('content made during the KVP period', () => {
  it('is hidden from an advisor outside the KVP office as if it did not exist, and seen by the citizen and the KVP office', async () => {
    const byVera = await create(vera, 'During KVP, by NAV');
    const byKari = await create(kari, 'During KVP, by Kari');
    const stamped = await app.testDb.database.db.selectFrom('activity').select('kvpOfficeId').where('id', 'in', [byVera.id, byKari.id]).execute();
    expect(stamped).toEqual([{ kvpOfficeId: '0219' }, { kvpOfficeId: '0219' }]);

    for (const client of [vera, kari]) {
      expect(await planIds(client)).toEqual(expect.arrayContaining([beforeKvp, byVera.id, byKari.id]));
      expect((await client.get(`/api/activities/${byVera.id}`)).status).toBe(200);
    }
    expect(await planIds(outsider)).toEqual([beforeKvp]);
    expect((await outsider.get(`/api/activities/${beforeKvp}`)).status).toBe(200);

    const missing = await outsider.get(`/api/activities/${randomUUID()}`);
    const navRead = () => app.testDb.database.db.selectFrom('activity').select(['version', 'navReadVersion']).where('id', 'in', [byVera.id, byKari.id]).orderBy('id').execute();
    const untouched = await navRead();
    const requests: Array<[string, string, unknown?]> = [
      ['GET', `/api/activities/${byVera.id}`],
      ['GET', `/api/activities/${byVera.id}/agreement-options`],
      ['PUT', `/api/activities/${byVera.id}/status`, { version: byVera.version, status: 'IN_PROGRESS' }],
      ['PUT', `/api/activities/${byKari.id}/end-date`, { version: byKari.version, toDate: activityBodies(app.clock.now())[2]!.body.toDate }],
      ['POST', `/api/activities/${byKari.id}/read`, { version: byKari.version }],
    ];
    for (const [method, path, body] of requests) {
      const reply = await outsider.send(method, path, body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      expect([method, path, reply.status, reply.body]).toEqual([method, path, 404, missing.body]);
    }
    expect(await navRead()).toEqual(untouched);

    // Adding to the plan now would make content the outsider cannot see.
    const added = await outsider.post(`/api/persons/${kariId}/activities`, selfDirected('By the outsider'));
    expect(added.status).toBe(403);
    // Nor may the outsider change the goal (reference B9), while the KVP office may.
    const goalVersion = async () => (await vera.get(`/api/persons/${kariId}/plan`)).body.goal?.version ?? 0;
    const goal = await outsider.put(`/api/persons/${kariId}/goal`, { version: await goalVersion(), text: 'Set by the outsider' });
    expect(goal.status).toBe(403);
    expect((await vera.put(`/api/persons/${kariId}/goal`, { version: await goalVersion(), text: 'Set by the KVP office' })).status).toBe(200);

    // Nor may the outsider start a conversation or a draft about a KVP activity (its title would show).
    const about = await outsider.post(`/api/persons/${kariId}/threads`, { text: 'About this', activityId: byVera.id });
    const aboutNothing = await outsider.post(`/api/persons/${kariId}/threads`, { text: 'About this', activityId: randomUUID() });
    expect({ status: about.status, body: about.body }).toEqual({ status: aboutNothing.status, body: aboutNothing.body });
    expect(about.status).toBeGreaterThanOrEqual(400);
    const draft = await outsider.put(`/api/persons/${kariId}/drafts`, { activityId: byVera.id, text: 'Half a thought' });
    const draftOfNothing = await outsider.put(`/api/persons/${kariId}/drafts`, { activityId: randomUUID(), text: 'Half a thought' });
    expect({ status: draft.status, body: draft.body }).toEqual({ status: draftOfNothing.status, body: draftOfNothing.body });
    expect((await vera.post(`/api/persons/${kariId}/threads`, { text: 'About this', activityId: byVera.id })).status).toBe(201);
  });

  it('is not told to an advisor outside the KVP office by live updates, live or on catching up', async () => {
    const open = async (client: Client, query = '') => {
      const s = await openSse(`${app.url}/api/persons/${kariId}/events${query}`, { authorization: `Bearer ${client.token}` });
      streams.push(s);
      await s.waitFor((f) => f.retry !== undefined);
      return s;
    };
    const [nav, outside] = [await open(vera), await open(outsider)];
    const hidden = await create(vera, 'Live during KVP');
    const sent = await kari.post(`/api/persons/${kariId}/threads`, { subject: 'During KVP', text: 'A message during KVP' });
    expect(sent.status).toBe(201);
    const about = (kind: string, key: string, id: string) => (f: SseFrame) => f.event === kind && (f.data as { payload: Record<string, string> }).payload[key] === id;
    await nav.waitFor(about('plan.changed', 'activityId', hidden.id));
    await nav.waitFor(about('message.sent', 'threadId', sent.body.thread.id));
    // A change everyone in reach may hear comes after: once it has arrived, the hidden ones would have too.
    const goal = (await vera.get(`/api/persons/${kariId}/plan`)).body.goal;
    expect((await vera.put(`/api/persons/${kariId}/goal`, { version: goal?.version ?? 0, text: `Goal ${randomUUID()}` })).status).toBe(200);
    const goalEvent = await outside.waitFor((f) => f.event === 'plan.changed' && Object.keys((f.data as { payload: object }).payload).length === 0);
    const heard = (s: SseStream) => s.events().filter((f) => about('plan.changed', 'activityId', hidden.id)(f) || about('message.sent', 'threadId', sent.body.thread.id)(f));
    expect(heard(outside)).toEqual([]);

    const again = await open(outsider, '?after=0');
    await again.waitFor((f) => f.id === goalEvent.id);
    expect(heard(again)).toEqual([]);
    const caughtUp = await open(vera, '?after=0');
    await caughtUp.waitFor(about('plan.changed', 'activityId', hidden.id));
  });
});

describe('ending the KVP period', () => {
  it('is for an advisor at the KVP office; the follow-up period cannot end before it; later content is seen by all again', async () => {
    const reason = { reason: 'Finished the programme' };
    const periodId = (await vera.get(`/api/persons/${kariId}`)).body.currentPeriodId;
    const periodEnd = await vera.post(`/api/persons/${kariId}/periods/${periodId}/end`);
    expect(periodEnd.status).toBe(409);

    expect((await outsider.post(`${kvpPath()}/${kvpPeriodId}/end`, reason)).status).toBe(403);
    expect((await kari.post(`${kvpPath()}/${kvpPeriodId}/end`, reason)).status).toBe(403);
    expect((await vera.post(`${kvpPath()}/${randomUUID()}/end`, reason)).status).toBe(404);
    expect((await vera.post(`${kvpPath()}/${kvpPeriodId}/end`, {})).status).toBe(400);

    const ended = await vera.post(`${kvpPath()}/${kvpPeriodId}/end`, reason);
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ id: kvpPeriodId, endedAt: app.clock.now().toISOString(), endedBy: 'Z990001', endReason: 'Finished the programme' });
    expect((await vera.post(`${kvpPath()}/${kvpPeriodId}/end`, reason)).status).toBe(409);
    expect((await vera.get(`/api/persons/${kariId}`)).body).toMatchObject({ inKvp: false, kvp: null });

    const after = await create(vera, 'After KVP');
    expect((await planIds(outsider)).sort()).toEqual([beforeKvp, after.id].sort());
    expect((await outsider.post(`/api/persons/${kariId}/activities`, selfDirected('By the outsider'))).status).toBe(201);
  });
});
