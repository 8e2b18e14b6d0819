import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let app: TestApp;
let today: string;
beforeAll(async () => {
  app = await startTestApp();
  today = osloDate(app.clock.now());
});
afterAll(() => app.close());

const course = () => ({ type: 'SELF_DIRECTED', title: 'Course', fromDate: today, toDate: addDays(today, 30) });

describe('follow-up periods', () => {
  it('explains a plan without a current period, and lets only an advisor start one', async () => {
    const personId = await app.personId('nora');
    const nora = await app.as('nora');
    const empty = await nora.get(`/api/persons/${personId}/plan`);
    expect(empty.body).toMatchObject({ period: null, writable: false, readOnlyReason: 'NO_CURRENT_PERIOD', activities: [] });
    expect((await nora.post(`/api/persons/${personId}/activities`, course())).body.error.details.reason).toBe('NO_CURRENT_PERIOD');
    expect((await nora.post(`/api/persons/${personId}/periods`)).status).toBe(403);
    const vera = await app.as('vera');
    expect((await vera.post(`/api/persons/${personId}/periods`)).status).toBe(201);
    expect((await vera.post(`/api/persons/${personId}/periods`)).status).toBe(409);
  });

  it('makes an ended period read-only for everyone, keeps it readable, and starts the next one empty', async () => {
    const { personId, periodId } = await app.startPeriod('kari');
    const kari = await app.as('kari');
    const vera = await app.as('vera');
    const activity = (await kari.post(`/api/persons/${personId}/activities`, course())).body;
    await kari.put(`/api/persons/${personId}/goal`, { version: 0, text: 'Work in a shop' });
    const ended = await vera.post(`/api/persons/${personId}/periods/${periodId}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.current).toBe(false);

    const old = await kari.get(`/api/persons/${personId}/plan`);
    expect(old.body).toMatchObject({ writable: false, readOnlyReason: 'NO_CURRENT_PERIOD', goal: { text: 'Work in a shop' } });
    expect(old.body.activities[0]).toMatchObject({ id: activity.id, status: 'PLANNED', editable: false });
    for (const who of [kari, vera]) {
      const write = await who.put(`/api/activities/${activity.id}/status`, { version: 1, status: 'IN_PROGRESS' });
      expect(write.status).toBe(409);
      expect(write.body.error.code).toBe('locked');
    }
    const next = (await vera.post(`/api/persons/${personId}/periods`)).body;
    const fresh = await kari.get(`/api/persons/${personId}/plan`);
    expect(fresh.body).toMatchObject({ period: { id: next.id, current: true }, goal: null, activities: [], writable: true });
    expect(fresh.body.periods.map((p: { id: string }) => p.id)).toEqual([next.id, periodId]);
    const earlier = await kari.get(`/api/persons/${personId}/plan?periodId=${periodId}`);
    expect(earlier.body).toMatchObject({ readOnlyReason: 'PERIOD_ENDED', writable: false });
    expect(earlier.body.activities).toHaveLength(1);
    expect((await vera.post(`/api/persons/${personId}/periods/${periodId}/end`)).status).toBe(409);
  });
});

describe('digital and manual follow-up', () => {
  it('keeps the plan read-only for a manually followed citizen while the advisor writes it', async () => {
    const { personId } = await app.startPeriod('ola');
    await app.testDb.database.db
      .insertInto('manual_follow_up_log')
      .values({ personId, manual: true, reason: 'Paper', actorRole: 'ADVISOR', actorIdent: 'Z990001', createdAt: app.clock.now() })
      .execute();
    const ola = await app.as('ola');
    const plan = await ola.get(`/api/persons/${personId}/plan`);
    expect(plan.body).toMatchObject({ writable: false, readOnlyReason: 'MANUAL_FOLLOW_UP' });
    const refused = await ola.post(`/api/persons/${personId}/activities`, course());
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.reason).toBe('MANUAL_FOLLOW_UP');
    const vera = await app.as('vera');
    expect((await vera.post(`/api/persons/${personId}/activities`, course())).status).toBe(201);
    expect((await vera.get(`/api/persons/${personId}`)).body).toMatchObject({ manualFollowUp: true });
  });

  it('keeps the plan read-only for a citizen reserved in the contact register', async () => {
    const { personId } = await app.startPeriod('rita');
    const rita = await app.as('rita');
    const summary = await rita.get(`/api/persons/${personId}`);
    expect(summary.body.contact).toMatchObject({ available: true, reserved: true });
    const plan = await rita.get(`/api/persons/${personId}/plan`);
    expect(plan.body).toMatchObject({ writable: false, readOnlyReason: 'RESERVED' });
    const refused = await rita.put(`/api/persons/${personId}/goal`, { version: 0, text: 'A job' });
    expect(refused.body.error.details.reason).toBe('RESERVED');
    const vera = await app.as('vera');
    const activity = (await vera.post(`/api/persons/${personId}/activities`, course())).body;
    const options = await vera.get(`/api/activities/${activity.id}/agreement-options`);
    expect(options.body).toMatchObject({ allowed: ['NONE'], reasons: ['RESERVED'] });
  });

  it('shows outdated contact details and keeps the plan usable', async () => {
    const { personId } = await app.startPeriod('ove');
    const ove = await app.as('ove');
    expect((await ove.get(`/api/persons/${personId}`)).body.contact).toMatchObject({ outdated: true, reserved: false });
    expect((await ove.post(`/api/persons/${personId}/activities`, course())).status).toBe(201);
  });
});

describe('the goal', () => {
  it('keeps every version, refuses a stale write and marks the other side unread', async () => {
    const personId = await app.personId('kari');
    const kari = await app.as('kari');
    const vera = await app.as('vera');
    const plan = (await kari.get(`/api/persons/${personId}/plan`)).body;
    const start = plan.goal?.version ?? 0;
    const first = await kari.put(`/api/persons/${personId}/goal`, { version: start, text: 'Bakery' });
    expect(first.status).toBe(200);
    const second = await vera.put(`/api/persons/${personId}/goal`, { version: first.body.version, text: 'Bakery or shop' });
    expect(second.status).toBe(200);
    const stale = await kari.put(`/api/persons/${personId}/goal`, { version: first.body.version, text: 'Shop' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.text).toBe('Bakery or shop');
    const tooLong = await kari.put(`/api/persons/${personId}/goal`, { version: second.body.version, text: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);
    expect((await kari.get(`/api/persons/${personId}/plan`)).body.goal).toMatchObject({ unread: true, changedBy: { role: 'ADVISOR', ident: null } });
    const history = await kari.get(`/api/persons/${personId}/goal/history`);
    expect(history.body.map((h: { text: string }) => h.text).slice(0, 2)).toEqual(['Bakery or shop', 'Bakery']);
    await kari.post(`/api/persons/${personId}/goal/read`, { version: second.body.version });
    expect((await kari.get(`/api/persons/${personId}/plan`)).body.goal.unread).toBe(false);
  });
});
