import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityBodies } from '#test/api-fixtures.ts';
import type { Client } from '#test/test-app.ts';
import { DAY, MINUTE, meetingBody, startNotificationHarness, type NotificationHarness } from './notifications.helpers.ts';

/**
 * Ending a follow-up period (product.md C3): its plan and dialog become read-only for everyone,
 * drafts are dropped, pending notifications are cancelled, activities keep their status; a new
 * period starts with an empty plan, and the citizen still reads the earlier one.
 */
let h: NotificationHarness;
let personId: string;
let oldPeriodId: string;
let kari: Client;
let vera: Client;
let activity: { id: string; version: number };
let threadId: string;

const locked = (reply: { status: number; body: any }, reason: string) => {
  expect(reply.status, JSON.stringify(reply.body)).toBe(409);
  expect(reply.body.error).toMatchObject({ code: 'locked', details: { reason } });
};

beforeAll(async () => {
  h = await startNotificationHarness();
  ({ personId, periodId: oldPeriodId } = await h.app.startPeriod('kari'));
  [kari, vera] = [await h.as('kari'), await h.as('vera')];
  expect((await vera.put(`/api/persons/${personId}/goal`, { version: 0, text: 'Work in a bakery' })).status).toBe(200);
  const created = await kari.post(`/api/persons/${personId}/activities`, activityBodies(h.app.clock.now())[0]!.body);
  const moved = await kari.put(`/api/activities/${created.body.id}/status`, { version: created.body.version, status: 'IN_PROGRESS' });
  expect(moved.status).toBe(200);
  activity = { id: moved.body.id, version: moved.body.version };
  // A meeting in three days (its reminder waits for the day before) and a NAV message (its notification waits 30 minutes).
  expect((await vera.post(`/api/persons/${personId}/activities`, meetingBody(new Date(h.app.clock.now().getTime() + 3 * DAY).toISOString()))).status).toBe(201);
  const sent = await vera.post(`/api/persons/${personId}/threads`, { subject: 'Your plan', text: 'Please have a look.' });
  expect(sent.status).toBe(201);
  threadId = sent.body.thread.id;
  expect((await kari.put(`/api/persons/${personId}/drafts`, { threadId, text: 'Half an answer' })).status).toBe(204);
  expect((await vera.put(`/api/persons/${personId}/drafts`, { subject: 'Next', text: 'Half a message' })).status).toBe(204);
  await h.run();
});
afterAll(() => h?.close());

const db = () => h.app.testDb.database.db;

describe('ending the period', () => {
  it('drops the drafts and cancels the notifications still waiting', async () => {
    const waiting = await db().selectFrom('notification').select(['kind', 'status']).where('personId', '=', personId).where('status', 'in', ['PENDING', 'HELD']).orderBy('kind').execute();
    expect(waiting.map((n) => n.kind)).toEqual(expect.arrayContaining(['MEETING_REMINDER', 'NAV_MESSAGE']));
    expect(await db().selectFrom('draft').select('author').where('personId', '=', personId).execute()).toHaveLength(2);

    const ended = await vera.post(`/api/persons/${personId}/periods/${oldPeriodId}/end`);
    expect(ended.status).toBe(200);
    expect(await db().selectFrom('draft').select('author').where('personId', '=', personId).execute()).toEqual([]);

    await h.run(31 * MINUTE);
    const after = await db().selectFrom('notification').select(['kind', 'status', 'reason']).where('personId', '=', personId).where('kind', 'in', ['MEETING_REMINDER', 'NAV_MESSAGE']).execute();
    expect(after).toHaveLength(waiting.length);
    expect(after.every((n) => n.status === 'CANCELLED' && n.reason === 'PERIOD_ENDED')).toBe(true);
    expect(await h.received(threadId)).toEqual({ emails: [], sms: [] });
  });

  it('leaves the plan and the dialog read-only for both sides, with the activities as they were', async () => {
    for (const who of [kari, vera]) {
      expect((await who.get(`/api/persons/${personId}/plan`)).body).toMatchObject({ writable: false, readOnlyReason: 'NO_CURRENT_PERIOD' });
      locked(await who.put(`/api/activities/${activity.id}/status`, { version: activity.version, status: 'COMPLETED' }), 'NO_CURRENT_PERIOD');
      locked(await who.put(`/api/persons/${personId}/goal`, { version: 1, text: 'Something else' }), 'NO_CURRENT_PERIOD');
      locked(await who.post(`/api/threads/${threadId}/messages`, { text: 'Still there?' }), 'PERIOD_ENDED');
      locked(await who.put(`/api/persons/${personId}/drafts`, { threadId, text: 'Again' }), 'PERIOD_ENDED');
    }
    const detail = await kari.get(`/api/activities/${activity.id}`);
    expect(detail.body.activity).toMatchObject({ status: 'IN_PROGRESS', editable: false });
  });
});

describe('a new period', () => {
  it('starts with an empty plan, while the citizen reads the earlier period as it was, read-only', async () => {
    const started = await vera.post(`/api/persons/${personId}/periods`);
    expect(started.status).toBe(201);
    const fresh = await kari.get(`/api/persons/${personId}/plan`);
    expect(fresh.body).toMatchObject({ period: { id: started.body.id, current: true }, goal: null, activities: [], writable: true });
    expect(fresh.body.periods.map((p: { id: string }) => p.id)).toEqual([started.body.id, oldPeriodId]);

    const earlier = await kari.get(`/api/persons/${personId}/plan?periodId=${oldPeriodId}`);
    expect(earlier.status).toBe(200);
    expect(earlier.body).toMatchObject({ period: { id: oldPeriodId, current: false }, goal: { text: 'Work in a bakery' }, writable: false, readOnlyReason: 'PERIOD_ENDED' });
    expect(earlier.body.activities.find((a: { id: string }) => a.id === activity.id)).toMatchObject({ status: 'IN_PROGRESS', editable: false });
    locked(await kari.put(`/api/activities/${activity.id}/status`, { version: activity.version, status: 'COMPLETED' }), 'PERIOD_ENDED');
    expect((await kari.get(`/api/threads/${threadId}`)).status).toBe(200);
  });
});
