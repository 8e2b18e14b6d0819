import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '#test/test-app.ts';
import { MINUTE, persona, startNotificationHarness, type NotificationHarness } from './notifications.helpers.ts';

/**
 * Notifications of the dialog (product.md C2): a NAV message is told of 30 minutes after the first
 * unread one, later ones in that window merged into it, nothing if the citizen read the thread
 * first, never the message itself; citizens' own messages never notify; the escalation warning
 * has its own, urgent notification. Outdated details hold it, and NAV sees that on the thread.
 */
let h: NotificationHarness;
let vera: Client;
let kari: Client;
let kariId: string;

const SECRET = 'Your appointment about the debt collection case';

beforeAll(async () => {
  h = await startNotificationHarness();
  ({ personId: kariId } = await h.app.startPeriod('kari'));
  vera = await h.as('vera');
  kari = await h.as('kari');
});
afterAll(() => h?.close());

async function navThread(personId = kariId, advisor = vera, text = SECRET): Promise<{ threadId: string; hold: string | null }> {
  const reply = await advisor.post(`/api/persons/${personId}/threads`, { subject: 'Plan', text });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { threadId: reply.body.thread.id, hold: reply.body.notificationHold };
}

async function navMessage(threadId: string, text = SECRET, advisor = vera): Promise<void> {
  const reply = await advisor.post(`/api/threads/${threadId}/messages`, { text });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
}

async function readAs(client: Client, threadId: string): Promise<void> {
  expect((await client.post(`/api/threads/${threadId}/read`)).status).toBe(204);
}

describe('a message from NAV', () => {
  it('is told of once, 30 minutes later, in the citizen’s language, with a link and without the message', async () => {
    expect((await kari.put('/api/me/language', { language: 'nn' })).status).toBeLessThan(300);
    try {
      const { threadId } = await navThread();
      await h.run(29 * MINUTE);
      expect(await h.received(threadId)).toEqual({ emails: [], sms: [] });
      await h.run(MINUTE);
      const box = await h.received(threadId);
      expect(box.emails).toHaveLength(1);
      expect(box.sms).toHaveLength(1);
      const [email] = box.emails;
      expect(email).toMatchObject({ to: persona('kari').contact.email, subject: 'Ny melding frå NAV' });
      expect(email!.text).toContain('Rettleiaren din i NAV har skrive til deg');
      expect(email!.text).toContain(`${h.app.config.publicUrl}/dialog/${threadId}`);
      expect(box.sms[0]).toMatchObject({ to: persona('kari').contact.mobile });
      expect(box.sms[0]!.text).toContain(`/dialog/${threadId}`);
      for (const text of [email!.text, email!.subject, box.sms[0]!.text]) {
        expect(text).not.toContain('debt collection');
        expect(text).not.toMatch(/Kari|Nordmann|Vera/);
        expect(text).not.toContain(persona('kari').nationalId);
      }
      await h.run(60 * MINUTE);
      expect((await h.received(threadId)).emails).toHaveLength(1);
    } finally {
      await kari.put('/api/me/language', { language: 'nb' });
    }
  });

  it('merges the messages of the 30 minutes into one notification', async () => {
    const { threadId } = await navThread();
    await h.run(10 * MINUTE);
    await navMessage(threadId);
    await h.run(10 * MINUTE);
    await navMessage(threadId);
    await h.run(9 * MINUTE);
    expect(await h.notifications(threadId)).toMatchObject([{ kind: 'NAV_MESSAGE', status: 'PENDING', mergedCount: 3 }]);
    await h.run(MINUTE);
    expect((await h.received(threadId)).emails.map((m) => m.subject)).toEqual(['Ny melding fra NAV']);
    expect(await h.notifications(threadId)).toMatchObject([{ status: 'SENT' }]);
  });

  it('is not told of when the citizen reads the thread first; the next message notifies again', async () => {
    const { threadId } = await navThread();
    await h.run(5 * MINUTE);
    await readAs(kari, threadId);
    await h.run(30 * MINUTE);
    expect(await h.received(threadId)).toEqual({ emails: [], sms: [] });
    expect(await h.notifications(threadId)).toMatchObject([{ status: 'CANCELLED', reason: 'READ' }]);

    await navMessage(threadId);
    await h.run(30 * MINUTE);
    expect((await h.received(threadId)).emails).toHaveLength(1);
    expect((await h.notifications(threadId)).map((n) => n.status)).toEqual(['CANCELLED', 'SENT']);
  });

  it('is checked again when due, so a read handled out of order (another worker) still stops it', async () => {
    const { threadId } = await navThread();
    await readAs(kari, threadId);
    // As if another instance's worker had handled the read before this message's event.
    await h.app.testDb.database.db.updateTable('outbox').set({ processedAt: h.app.clock.now() }).where('topic', '=', 'thread.read').where('processedAt', 'is', null).execute();
    await h.run();
    expect(await h.notifications(threadId)).toMatchObject([{ status: 'PENDING' }]);
    await h.run(30 * MINUTE);
    expect(await h.notifications(threadId)).toMatchObject([{ status: 'CANCELLED', reason: 'READ' }]);
    expect(await h.received(threadId)).toEqual({ emails: [], sms: [] });
  });

  it('is not cancelled when NAV reads the thread', async () => {
    const { threadId } = await navThread();
    await readAs(vera, threadId);
    await h.run(30 * MINUTE);
    expect((await h.received(threadId)).emails).toHaveLength(1);
  });
});

describe('a message from the citizen', () => {
  it('never notifies anyone', async () => {
    const reply = await kari.post(`/api/persons/${kariId}/threads`, { subject: 'Question', text: 'When is my next meeting?' });
    expect(reply.status).toBe(201);
    const threadId = reply.body.thread.id;
    await h.run(60 * MINUTE);
    expect(await h.notifications(threadId)).toEqual([]);
    expect(await h.received(threadId)).toEqual({ emails: [], sms: [] });
  });
});

describe('outdated contact details', () => {
  it('hold the notification, show NAV why on the thread, and let it go once the details are confirmed', async () => {
    const per = await h.as('per');
    const { personId } = await h.app.startPeriod('ove');
    const { threadId, hold } = await navThread(personId, per);
    expect(hold).toBe('OUTDATED');
    await h.run(30 * MINUTE);
    const thread = await per.get(`/api/threads/${threadId}`);
    expect(thread.body.notification).toMatchObject({ status: 'HELD', reason: 'OUTDATED', sentAt: null });
    expect(await h.received(threadId)).toEqual({ emails: [], sms: [] });
    const ove = await h.as('ove');
    expect((await ove.get(`/api/threads/${threadId}`)).body.notification).toBeNull();

    await h.setContact('ove', {});
    await h.run(60 * MINUTE);
    expect((await per.get(`/api/threads/${threadId}`)).body.notification).toMatchObject({ status: 'SENT', reason: null });
    expect((await h.received(threadId)).emails.map((m) => m.to)).toEqual([persona('ove').contact.email]);
  });
});

describe('the escalation warning', () => {
  async function startWarning(): Promise<{ id: string; threadId: string }> {
    const reply = await vera.post(`/api/persons/${kariId}/escalation-warnings`, { reason: 'Did not attend', subject: 'Important', text: SECRET });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return { id: reply.body.id, threadId: reply.body.threadId };
  }
  async function stopWarning(id: string): Promise<void> {
    const reply = await vera.post(`/api/escalation-warnings/${id}/stop`, { reason: 'Attended', closingMessage: 'Thank you' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  }

  it('is told of at once with its own text, and not as an ordinary message', async () => {
    const warning = await startWarning();
    try {
      await h.run();
      const box = await h.received(warning.threadId);
      expect(box.emails.map((m) => m.subject)).toEqual(['Viktig: NAV vurderer å stanse utbetalingen din']);
      expect(box.emails[0]!.text).toContain(`/dialog/${warning.threadId}`);
      expect(box.emails[0]!.text).not.toContain('debt collection');
      expect(box.sms).toHaveLength(1);
    } finally {
      await stopWarning(warning.id);
    }
    // The closing message does not notify either.
    await h.run(60 * MINUTE);
    expect((await h.notifications(warning.threadId)).map((n) => n.kind)).toEqual(['ESCALATION_WARNING']);
    expect((await h.received(warning.threadId)).emails).toHaveLength(1);
  });

  it('is not sent when stopped before it went out', async () => {
    const early = await startWarning();
    await stopWarning(early.id);
    await h.run();
    expect(await h.notifications(early.threadId)).toEqual([]);

    // Held while the register is down, then stopped: cancelled, and nothing goes out when it is back.
    await h.setRegister('down');
    let held: { id: string; threadId: string };
    try {
      h.app.clock.advance(2 * MINUTE); // past the contact register answers the adapter keeps for 60 s
      held = await startWarning();
      await h.run();
      expect(await h.notifications(held.threadId)).toMatchObject([{ status: 'HELD', reason: 'REGISTER_DOWN' }]);
      await stopWarning(held.id);
    } finally {
      await h.setRegister('normal');
    }
    await h.run(60 * MINUTE);
    expect(await h.notifications(held.threadId)).toMatchObject([{ kind: 'ESCALATION_WARNING', status: 'CANCELLED', reason: 'STOPPED' }]);
    expect(await h.received(held.threadId)).toEqual({ emails: [], sms: [] });
    expect(await h.received(early.threadId)).toEqual({ emails: [], sms: [] });
  });
});

describe('the end of the period', () => {
  it('cancels a message notification that waits', async () => {
    const { personId } = await h.app.startPeriod('nora');
    const { threadId } = await navThread(personId);
    await h.run(MINUTE);
    const periods = (await vera.get(`/api/persons/${personId}/periods`)).body as Array<{ id: string; endedAt: string | null }>;
    expect((await vera.post(`/api/persons/${personId}/periods/${periods.find((p) => !p.endedAt)!.id}/end`)).status).toBe(200);
    await h.run(30 * MINUTE);
    expect(await h.notifications(threadId)).toMatchObject([{ status: 'CANCELLED', reason: 'PERIOD_ENDED' }]);
    expect(await h.received(threadId)).toEqual({ emails: [], sms: [] });
  });
});
