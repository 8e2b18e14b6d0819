import { expect } from 'vitest';
import { ManualClock } from '#server/clock.ts';
import { CITIZENS, type CitizenPersona } from '#server/dev/personas.ts';
import type { MailboxContent } from '#server/notifications/dev-sinks.ts';
import { startLocalRegisterServices, type LocalRegisterServices } from '#server/registers/local/start.ts';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

/**
 * What the notification tests share. The registers run as their own services so that a test can
 * change a contact record or take the register down; mail and SMS really go over SMTP and HTTP to
 * the local sinks and are read back through /dev/mailbox.json. Time moves only by the
 * ManualClock and worker.runOnce().
 */
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export interface NotificationHarness {
  app: TestApp;
  registers: LocalRegisterServices;
  /** A client whose token outlives the days the clock is moved on. */
  as(key: string): Promise<Client>;
  /** Moves the clock and lets the worker do what is due. */
  run(advanceMs?: number): Promise<void>;
  /** What the sinks received about one subject (its id is in the link), newest first. */
  received(subjectId: string): Promise<MailboxContent>;
  notifications(subjectId: string): Promise<Array<{ id: string; kind: string; status: string; reason: string | null; dueAt: Date; mergedCount: number; attempts: number; channels: string[] | null }>>;
  deliveryLog(notificationId: string): Promise<Array<{ channel: string | null; outcome: string; detail: string | null }>>;
  setContact(key: string, patch: { confirmedAt?: string; reserved?: boolean }): Promise<void>;
  setRegister(mode: 'normal' | 'down'): Promise<void>;
  close(): Promise<void>;
}

export const persona = (key: string): CitizenPersona => CITIZENS.find((c) => c.key === key)!;

async function admin(url: string, body: unknown): Promise<void> {
  const reply = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(reply.status).toBe(200);
}

/** Starts on a Monday, 2 March 2026 08:00 in Oslo (UTC+1), unless told otherwise. */
export async function startNotificationHarness(start = '2026-03-02T07:00:00Z', env: Record<string, string> = {}): Promise<NotificationHarness> {
  const clock = new ManualClock(start);
  const registers = await startLocalRegisterServices({ clock });
  const app = await startTestApp({ clock, env: { PERSON_REGISTER_URL: registers.personUrl, CONTACT_REGISTER_URL: registers.contactUrl, ...env } });
  const db = app.testDb.database.db;
  return {
    app,
    registers,
    as: (key) => app.as(key, { ttlSeconds: 365 * 86_400 }),
    async run(advanceMs = 0) {
      app.clock.advance(advanceMs);
      await app.server.worker.runOnce();
    },
    async received(subjectId) {
      const reply = await app.anonymous().get('/dev/mailbox.json');
      expect(reply.status).toBe(200);
      const box = reply.body as MailboxContent;
      return { emails: box.emails.filter((m) => m.text.includes(subjectId)), sms: box.sms.filter((m) => m.text.includes(subjectId)) };
    },
    notifications: (subjectId) => db.selectFrom('notification').selectAll().where('subjectId', '=', subjectId).orderBy('createdAt').orderBy('kind').execute(),
    deliveryLog: (notificationId) =>
      db.selectFrom('notification_delivery_log').select(['channel', 'outcome', 'detail']).where('notificationId', '=', notificationId).orderBy('id').execute(),
    async setContact(key, patch) {
      const c = persona(key);
      const record = { nationalId: c.nationalId, reserved: c.contact.reserved, email: c.contact.email, mobile: c.contact.mobile, confirmedAt: clock.now().toISOString(), ...patch };
      await admin(`${registers.contactUrl}/admin/contacts`, { contacts: [record] });
    },
    setRegister: (mode) => admin(`${registers.contactUrl}/admin/behaviour`, { mode }),
    async close() {
      await app.close();
      await registers.close();
    },
  };
}

export const meetingBody = (startsAt: string) => ({ type: 'MEETING', title: 'Follow-up', startsAt, durationMinutes: 30, channel: 'PHONE', place: 'Phone', agenda: 'Plan' });

export async function createMeeting(advisor: Client, personId: string, startsAt: string): Promise<{ id: string; version: number }> {
  const reply = await advisor.post(`/api/persons/${personId}/activities`, meetingBody(startsAt));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}
