import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityBodies } from '#test/api-fixtures.ts';
import type { Client } from '#test/test-app.ts';
import { MINUTE, startNotificationHarness, type NotificationHarness } from './notifications.helpers.ts';

/**
 * The contact register in trouble (product.md C3), against the local register service:
 * - outdated details: the plan stays usable, the citizen is asked to update them, and nothing is
 *   sent to the old addresses (the notification is held);
 * - down, or slow past the timeout: the plan stays usable for both sides, the advisor is told the
 *   register could not be asked, and messages are accepted with their notification held.
 */
const TIMEOUT_MS = 300;
let h: NotificationHarness;

async function setBehaviour(behaviour: { mode: 'normal' | 'slow' | 'down'; delayMs?: number }): Promise<void> {
  const reply = await fetch(`${h.registers.contactUrl}/admin/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(behaviour) });
  expect(reply.status).toBe(200);
}

async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}

/** The citizen and the advisor both use the plan: read it writable, add an activity. */
async function expectPlanUsable(personId: string, citizen: Client, advisor: Client): Promise<void> {
  const body = { ...activityBodies(h.app.clock.now())[2]!.body, status: 'PLANNED' };
  for (const who of [citizen, advisor]) {
    const plan = await who.get(`/api/persons/${personId}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ writable: true, readOnlyReason: null });
    const created = await who.post(`/api/persons/${personId}/activities`, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
}

beforeAll(async () => {
  h = await startNotificationHarness(undefined, { CONTACT_CACHE_SECONDS: '0', REGISTER_TIMEOUT_MS: String(TIMEOUT_MS) });
});
afterAll(() => h?.close());

describe('outdated contact details', () => {
  it('keep the plan usable, ask the citizen to update them, and hold the notification of a NAV message', async () => {
    const { personId } = await h.app.startPeriod('ove');
    const [ove, per] = [await h.as('ove'), await h.as('per')];
    expect((await ove.get(`/api/persons/${personId}`)).body.contact).toEqual({ available: true, registered: true, reserved: false, outdated: true });
    await expectPlanUsable(personId, ove, per);

    const sent = await per.post(`/api/persons/${personId}/threads`, { subject: 'Your plan', text: 'Please have a look at your plan.' });
    expect(sent.status).toBe(201);
    expect(sent.body.notificationHold).toBe('OUTDATED');
    await h.run(31 * MINUTE);
    const threadId = sent.body.thread.id as string;
    expect(await h.notifications(threadId)).toEqual([expect.objectContaining({ kind: 'NAV_MESSAGE', status: 'HELD', reason: 'OUTDATED' })]);
    expect(await h.received(threadId)).toEqual({ emails: [], sms: [] });
  });
});

describe('a contact register that cannot be asked', () => {
  for (const behaviour of [{ mode: 'down' as const }, { mode: 'slow' as const, delayMs: 10 * TIMEOUT_MS }]) {
    it(`(${behaviour.mode}) keeps the plan usable for both, tells the advisor, and accepts messages with their notification held`, async () => {
      const { personId } = await h.app.startPeriod('kari');
      const [kari, vera] = [await h.as('kari'), await h.as('vera')];
      await setBehaviour(behaviour);
      try {
        const summary = await timed(() => vera.get(`/api/persons/${personId}`));
        expect(summary.result.status).toBe(200);
        expect(summary.result.body.contact).toEqual({ available: false, registered: null, reserved: null, outdated: null });
        // Within the timeout, not the register's delay.
        expect(summary.ms).toBeLessThan(5 * TIMEOUT_MS);
        expect((await kari.get(`/api/persons/${personId}`)).body.contact.available).toBe(false);

        const usable = await timed(() => expectPlanUsable(personId, kari, vera));
        expect(usable.ms).toBeLessThan(4 * 5 * TIMEOUT_MS);

        const sent = await vera.post(`/api/persons/${personId}/threads`, { subject: 'Hello', text: 'A message while the register cannot be asked' });
        expect(sent.status).toBe(201);
        expect(sent.body.notificationHold).toBe('REGISTER_DOWN');
        expect((await kari.post(`/api/threads/${sent.body.thread.id}/messages`, { text: 'Got it' })).status).toBe(201);
      } finally {
        await setBehaviour({ mode: 'normal' });
      }
      expect((await vera.get(`/api/persons/${personId}`)).body.contact.available).toBe(true);
      // End the period so that the next case starts Kari afresh.
      const periodId = (await vera.get(`/api/persons/${personId}`)).body.currentPeriodId;
      expect((await vera.post(`/api/persons/${personId}/periods/${periodId}/end`)).status).toBe(200);
    });
  }
});
