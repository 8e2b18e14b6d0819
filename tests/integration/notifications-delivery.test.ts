import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { createContactRegisterClient } from '#server/registers/contact-register.client.ts';
import { startNotifications } from '#server/notifications/notifications.ts';
import { createWorker } from '#server/outbox/worker.ts';
import type { Client } from '#test/test-app.ts';
import { createMeeting, MINUTE, persona, startNotificationHarness, type NotificationHarness } from './notifications.helpers.ts';

/**
 * Who is notified, and what happens when the register or a channel is in trouble: reserved and
 * manual persons get nothing, outdated details and a register that is down hold the notification
 * (retried, and NAV can see the attempts), a failed send is retried, an ended period cancels what
 * waits, and two workers send each notification once.
 */
let h: NotificationHarness;
let vera: Client;

beforeAll(async () => {
  h = await startNotificationHarness();
  vera = await h.as('vera');
});
afterAll(() => h?.close());

const started = new Map<string, string>();
async function withPeriod(key: string): Promise<string> {
  if (!started.has(key)) {
    started.set(key, (await h.app.startPeriod(key)).personId);
  }
  return started.get(key)!;
}

/** A meeting three days ahead (its reminder is due in two days). */
async function meetingFor(key: string, advisor: Client = vera): Promise<{ id: string; personId: string }> {
  const personId = await withPeriod(key);
  const meeting = await createMeeting(advisor, personId, `${addDays(osloDate(h.app.clock.now()), 3)}T12:00:00+01:00`);
  return { id: meeting.id, personId };
}

describe('no digital notification', () => {
  it('for a citizen reserved in the contact register', async () => {
    const meeting = await meetingFor('rita');
    await h.run();
    expect(await h.notifications(meeting.id)).toMatchObject([{ kind: 'MEETING_NEW', status: 'CANCELLED', reason: 'RESERVED' }, { kind: 'MEETING_REMINDER', status: 'PENDING' }]);
    expect(await h.received(meeting.id)).toEqual({ emails: [], sms: [] });
  });

  it('for a citizen followed up manually', async () => {
    const meeting = await meetingFor('ola');
    await h.app.testDb.database.db
      .insertInto('manual_follow_up_log')
      .values({ personId: meeting.personId, manual: true, reason: 'Paper', actorRole: 'ADVISOR', actorIdent: 'Z990001', createdAt: h.app.clock.now() })
      .execute();
    await h.run();
    expect((await h.notifications(meeting.id))[0]).toMatchObject({ status: 'CANCELLED', reason: 'MANUAL_FOLLOW_UP' });
    expect(await h.received(meeting.id)).toEqual({ emails: [], sms: [] });
  });
});

describe('held and retried', () => {
  it('holds while the contact details are outdated, and sends once the citizen has confirmed them', async () => {
    const meeting = await meetingFor('ove', await h.as('per'));
    await h.run();
    const [held] = await h.notifications(meeting.id);
    expect(held).toMatchObject({ kind: 'MEETING_NEW', status: 'HELD', reason: 'OUTDATED', attempts: 1 });
    expect(await h.deliveryLog(held!.id)).toEqual([{ channel: null, outcome: 'HELD', detail: 'OUTDATED' }]);
    await h.run(60 * MINUTE);
    expect((await h.notifications(meeting.id))[0]).toMatchObject({ status: 'HELD', attempts: 2 });
    expect(await h.received(meeting.id)).toEqual({ emails: [], sms: [] });

    await h.setContact('ove', {});
    await h.run(60 * MINUTE);
    expect((await h.notifications(meeting.id))[0]).toMatchObject({ status: 'SENT', reason: null, channels: ['EMAIL', 'SMS'] });
    const box = await h.received(meeting.id);
    expect(box.emails.map((m) => m.to)).toEqual([persona('ove').contact.email]);
    expect(box.sms.map((m) => m.to)).toEqual([persona('ove').contact.mobile]);
    expect((await h.deliveryLog(held!.id)).map((l) => `${l.outcome} ${l.channel}`)).toEqual(['HELD null', 'HELD null', 'SENT EMAIL', 'SENT SMS']);
  });

  it('holds while the contact register is down, retries sooner and sooner apart, and sends when it is back', async () => {
    const meeting = await meetingFor('kari');
    await h.setRegister('down');
    try {
      // Past the adapter's cache (60 s), which still holds the answer from when the period started.
      await h.run(2 * MINUTE);
      const [first] = await h.notifications(meeting.id);
      expect(first).toMatchObject({ status: 'HELD', reason: 'REGISTER_DOWN', attempts: 1 });
      expect(first!.dueAt.getTime() - h.app.clock.now().getTime()).toBe(MINUTE);
      await h.run(MINUTE);
      const [second] = await h.notifications(meeting.id);
      expect(second).toMatchObject({ status: 'HELD', attempts: 2 });
      expect(second!.dueAt.getTime() - h.app.clock.now().getTime()).toBe(2 * MINUTE);
    } finally {
      await h.setRegister('normal');
    }
    await h.run(MINUTE);
    expect((await h.received(meeting.id)).emails).toEqual([]);
    await h.run(MINUTE);
    expect((await h.notifications(meeting.id))[0]).toMatchObject({ status: 'SENT' });
    expect((await h.received(meeting.id)).emails).toHaveLength(1);
  });

  it('holds, and retries six-hourly, while the register has no address for the citizen', async () => {
    const c = persona('stine');
    const reply = await fetch(`${h.registers.contactUrl}/admin/contacts`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contacts: [{ nationalId: c.nationalId, reserved: false, email: null, mobile: null, confirmedAt: h.app.clock.now().toISOString() }] }),
    });
    expect(reply.status).toBe(200);
    const meeting = await meetingFor('stine', await h.as('siri'));
    await h.run(2 * MINUTE); // past the adapter's 60-second cache of the old record
    const [held] = await h.notifications(meeting.id);
    expect(held).toMatchObject({ status: 'HELD', reason: 'NOT_REGISTERED' });
    expect(held!.dueAt.getTime() - h.app.clock.now().getTime()).toBe(6 * 60 * MINUTE);
    await h.setContact('stine', {});
    await h.run(6 * 60 * MINUTE);
    expect((await h.received(meeting.id)).emails.map((m) => m.to)).toEqual([c.contact.email]);
  });

  it('retries a send that the mail server and the SMS gateway refused', async () => {
    const sinks = h.app.server.notificationSinks!;
    const meeting = await meetingFor('kari');
    sinks.setFailing(true);
    try {
      await h.run();
    } finally {
      sinks.setFailing(false);
    }
    const [failed] = await h.notifications(meeting.id);
    expect(failed).toMatchObject({ status: 'PENDING', reason: 'DELIVERY_FAILED', attempts: 1 });
    const log = await h.deliveryLog(failed!.id);
    expect(log).toEqual([
      { channel: 'EMAIL', outcome: 'FAILED', detail: expect.stringMatching(/^smtp /) },
      { channel: 'SMS', outcome: 'FAILED', detail: 'http 503' },
    ]);
    expect(JSON.stringify(log)).not.toContain(persona('kari').contact.email!);
    expect(await h.received(meeting.id)).toEqual({ emails: [], sms: [] });
    await h.run(MINUTE);
    expect((await h.notifications(meeting.id))[0]).toMatchObject({ status: 'SENT', attempts: 2 });
    expect((await h.received(meeting.id)).emails).toHaveLength(1);
  });
});

describe('the end of a period', () => {
  it('cancels what waits', async () => {
    const meeting = await meetingFor('nora');
    await h.run();
    const periods = await vera.get(`/api/persons/${meeting.personId}/periods`);
    const current = (periods.body as Array<{ id: string; endedAt: string | null }>).find((p) => !p.endedAt)!;
    expect((await vera.post(`/api/persons/${meeting.personId}/periods/${current.id}/end`)).status).toBe(200);
    await h.run();
    expect(await h.notifications(meeting.id)).toMatchObject([
      { kind: 'MEETING_NEW', status: 'SENT' },
      { kind: 'MEETING_REMINDER', status: 'CANCELLED', reason: 'PERIOD_ENDED' },
    ]);
  });
});

describe('several app instances', () => {
  it('handle each event and send each notification once when their workers race', async () => {
    const { app } = h;
    const sinks = app.server.notificationSinks!;
    const other = createWorker({ db: app.testDb.database.db, clock: app.clock, log: { info: () => undefined, error: () => undefined }, intervalMs: 1000 });
    const otherNotifications = await startNotifications({
      config: { ...app.config, notifications: { ...app.config.notifications, smtpUrl: sinks.smtpUrl, smsUrl: sinks.smsUrl } },
      db: app.testDb.database.db,
      clock: app.clock,
      contactRegister: createContactRegisterClient({ url: h.registers.contactUrl, timeoutMs: 1500, cacheSeconds: 60, clock: app.clock }),
      worker: other,
      log: { info: () => undefined, error: () => undefined },
    });
    try {
      const personId = await withPeriod('kari');
      const day = osloDate(app.clock.now());
      const meetings = [];
      for (let i = 0; i < 6; i++) {
        meetings.push(await createMeeting(vera, personId, `${addDays(day, 3)}T${10 + i}:00:00+01:00`));
      }
      await Promise.all([app.server.worker.runOnce(), other.runOnce(), app.server.worker.runOnce(), other.runOnce()]);
      for (const meeting of meetings) {
        expect((await h.notifications(meeting.id)).map((n) => `${n.kind} ${n.status}`)).toEqual(['MEETING_NEW SENT', 'MEETING_REMINDER PENDING']);
        const box = await h.received(meeting.id);
        expect([box.emails.length, box.sms.length]).toEqual([1, 1]);
      }
    } finally {
      await other.stop();
      await otherNotifications.close();
    }
  });
});
