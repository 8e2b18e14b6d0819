import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

/**
 * Drafts kept on the server while typing (product.md C2): one per author and thread, private to
 * the author, gone when sent, after 24 hours, or when the period ends.
 */
let app: TestApp;
let kari: Client;
let vera: Client;
let siri: Client;
let personId: string;
let periodId: string;

const HOUR = 3600_000;
const db = () => app.testDb.database.db;
const drafts = (who: Client) => who.get(`/api/persons/${personId}/drafts`);
const save = (who: Client, body: Record<string, unknown>) => who.put(`/api/persons/${personId}/drafts`, body);

async function storedDrafts(): Promise<number> {
  const row = await db().selectFrom('draft').select((eb) => eb.fn.countAll<number>().as('n')).where('personId', '=', personId).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function login(): Promise<void> {
  [kari, vera, siri] = await Promise.all([app.as('kari'), app.as('vera'), app.as('siri')]);
}

beforeAll(async () => {
  app = await startTestApp();
  ({ personId, periodId } = await app.startPeriod('kari'));
  await login();
});
afterAll(() => app?.close());

describe('drafts', () => {
  it("keeps each author's draft private, one per thread, replaced by the next save", async () => {
    expect((await save(kari, { subject: 'My question', text: 'Half a sentence' })).status).toBe(204);
    expect((await save(kari, { subject: 'My question', text: 'Half a sentence, and more' })).status).toBe(204);
    expect((await save(vera, { subject: 'For Kari', text: 'Draft by Vera' })).status).toBe(204);

    const own = await drafts(kari);
    expect(own.status).toBe(200);
    expect(own.body).toEqual([{ threadId: null, activityId: null, subject: 'My question', text: 'Half a sentence, and more', updatedAt: app.clock.now().toISOString() }]);
    expect((await drafts(vera)).body.map((d: { text: string }) => d.text)).toEqual(['Draft by Vera']);
    // Another advisor at the same office sees none of Vera's.
    expect((await drafts(siri)).body).toEqual([]);
    expect(await storedDrafts()).toBe(2);
  });

  it('removes a draft saved with blank text', async () => {
    expect((await save(vera, { text: '  ' })).status).toBe(204);
    expect((await drafts(vera)).body).toEqual([]);
  });

  it('keeps a draft for an existing thread and for a first message about an activity, and drops each when sent', async () => {
    // Starting a general thread takes the draft of a new thread with it.
    const thread = (await kari.post(`/api/persons/${personId}/threads`, { subject: 'Course', text: 'First' })).body.thread;
    expect((await drafts(kari)).body).toEqual([]);
    const today = osloDate(app.clock.now());
    const created = await kari.post(`/api/persons/${personId}/activities`, { type: 'SELF_DIRECTED', title: 'Baking', fromDate: today, toDate: addDays(today, 30) });
    expect(created.status).toBe(201);
    const activity = created.body;
    await save(kari, { threadId: thread.id, text: 'Reply in progress' });
    await save(kari, { activityId: activity.id, text: 'About the baking' });
    await save(vera, { threadId: thread.id, text: "Vera's reply" });
    const keys = (await drafts(kari)).body.map((d: { threadId: string | null; activityId: string | null }) => [d.threadId, d.activityId]);
    expect(keys).toHaveLength(2);
    expect(keys).toEqual(expect.arrayContaining([[thread.id, null], [null, activity.id]]));

    expect((await kari.post(`/api/threads/${thread.id}/messages`, { text: 'Reply' })).status).toBe(201);
    expect((await drafts(kari)).body.some((d: { threadId: string | null }) => d.threadId === thread.id)).toBe(false);
    // Vera's draft for the same thread is hers, and stays.
    expect((await drafts(vera)).body.map((d: { text: string }) => d.text)).toEqual(["Vera's reply"]);

    expect((await kari.post(`/api/persons/${personId}/threads`, { text: 'About the baking', activityId: activity.id })).status).toBe(201);
    expect((await drafts(kari)).body.some((d: { activityId: string | null }) => d.activityId === activity.id)).toBe(false);
    expect((await drafts(kari)).body).toEqual([]);
  });

  it('forgets drafts 24 hours after their last change, and the expiry job deletes them', async () => {
    await save(kari, { subject: 'Old', text: 'Left behind' });
    app.clock.advance(23 * HOUR);
    await save(vera, { subject: 'Newer', text: 'Still fresh' });
    expect((await drafts(kari)).body).toHaveLength(1);
    app.clock.advance(1 * HOUR + 1000);
    await login(); // the test tokens live 24 hours too
    expect((await drafts(kari)).body).toEqual([]);
    expect((await drafts(vera)).body.map((d: { text: string }) => d.text)).toContain('Still fresh');
    const before = await storedDrafts();
    const expired = await app.server.services.dialog.expireDrafts(app.clock.now());
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(await storedDrafts()).toBe(before - expired);
    expect((await drafts(vera)).body.map((d: { text: string }) => d.text)).toContain('Still fresh');
  });

  it('refuses drafts for what the caller cannot reach, and bad input, naming the field', async () => {
    const missing = await save(kari, { threadId: randomUUID(), text: 'x' });
    expect(missing.status).toBe(404);
    const both = await save(kari, { threadId: randomUUID(), activityId: randomUUID(), text: 'x' });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/^body\.activityId:/);
    const long = await save(kari, { text: 'x'.repeat(5001) });
    expect(long.body.error.message).toMatch(/^body\.text:/);
    const unknown = await save(kari, { text: 'x', author: 'Z990001' });
    expect(unknown.body.error.message).toMatch(/^body\.author:/);
    const per = await app.as('per');
    expect((await per.get(`/api/persons/${personId}/drafts`)).status).toBe(404);
    expect((await save(per, { text: 'x' })).status).toBe(404);
    expect((await app.anonymous().get(`/api/persons/${personId}/drafts`)).status).toBe(401);
  });

  it('drops every draft of the person when the period ends', async () => {
    await save(kari, { subject: 'Kept?', text: 'No' });
    await save(vera, { subject: 'Kept?', text: 'No' });
    expect(await storedDrafts()).toBeGreaterThanOrEqual(2);
    expect((await vera.post(`/api/persons/${personId}/periods/${periodId}/end`)).status).toBe(200);
    expect(await storedDrafts()).toBe(0);
    expect((await drafts(kari)).body).toEqual([]);
    const refused = await save(kari, { text: 'No period' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.reason).toBe('NO_CURRENT_PERIOD');
  });
});
