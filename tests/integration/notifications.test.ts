import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { startTestApp, type Client } from '#test/test-app.ts';
import { createMeeting as create, DAY, meetingBody, MINUTE, persona, startNotificationHarness, type NotificationHarness } from './notifications.helpers.ts';

/**
 * Notifications about the plan (product.md C2): meetings, advance notices and shared summaries,
 * by e-mail and SMS, at the right time, with a link and nothing of the plan's content.
 */
let h: NotificationHarness;
let vera: Client;
let kari: Client;
let kariId: string;

beforeAll(async () => {
  h = await startNotificationHarness();
  ({ personId: kariId } = await h.app.startPeriod('kari'));
  vera = await h.as('vera');
  kari = await h.as('kari');
});
afterAll(() => h?.close());

const run = (advanceMs?: number) => h.run(advanceMs);
const received = (subjectId: string) => h.received(subjectId);
const notifications = (subjectId: string) => h.notifications(subjectId);
const createMeeting = (personId: string, startsAt: string) => create(vera, personId, startsAt);

describe('meetings', () => {
  it('tells of a new meeting at once, by e-mail and SMS with a link, and reminds at 10:00 the day before', async () => {
    // Thursday 5 March 09:30 Oslo.
    const meeting = await createMeeting(kariId, '2026-03-05T09:30:00+01:00');
    await run();
    const now = await received(meeting.id);
    expect(now.emails).toHaveLength(1);
    expect(now.sms).toHaveLength(1);
    const email = now.emails[0]!;
    expect(email.to).toBe(persona('kari').contact.email);
    expect(email.subject).toBe('Nytt møte med NAV');
    expect(email.text).toContain(`${h.app.config.publicUrl}/activities/${meeting.id}`);
    expect(email.text).not.toMatch(/Kari|Nordmann|Follow-up|Plan/);
    expect(email.text).not.toContain(persona('kari').nationalId);
    expect(now.sms[0]).toMatchObject({ to: persona('kari').contact.mobile });
    expect(now.sms[0]!.text.length).toBeLessThan(160);

    // The reminder: Wednesday 4 March 10:00 Oslo = 09:00 UTC; not a minute before.
    h.app.clock.set('2026-03-04T08:59:00Z');
    await run();
    expect((await received(meeting.id)).emails).toHaveLength(1);
    await run(MINUTE);
    const after = await received(meeting.id);
    expect(after.emails.map((m) => m.subject)).toEqual(['Påminnelse: møte med NAV', 'Nytt møte med NAV']);
    expect(after.sms).toHaveLength(2);
    await run(DAY);
    expect((await received(meeting.id)).emails).toHaveLength(2);
  });

  it('tells of a changed meeting at once and moves its reminder', async () => {
    const day = osloDate(h.app.clock.now());
    const meeting = await createMeeting(kariId, `${addDays(day, 3)}T13:00:00+01:00`);
    await run();
    const changed = await vera.put(`/api/activities/${meeting.id}`, { ...meetingBody(`${addDays(day, 5)}T13:00:00+01:00`), version: meeting.version });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await run();
    expect((await received(meeting.id)).emails.map((m) => m.subject)).toEqual(['Endret møte med NAV', 'Nytt møte med NAV']);
    const reminders = (await notifications(meeting.id)).filter((n) => n.kind === 'MEETING_REMINDER');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.dueAt.toISOString()).toBe(`${addDays(day, 4)}T09:00:00.000Z`);
    // The old reminder day passes without a reminder; the new one brings it.
    h.app.clock.set(`${addDays(day, 2)}T12:00:00Z`);
    await run();
    expect((await received(meeting.id)).emails).toHaveLength(2);
    h.app.clock.set(`${addDays(day, 4)}T09:00:00Z`);
    await run();
    expect((await received(meeting.id)).emails[0]!.subject).toBe('Påminnelse: møte med NAV');
  });

  it('sends no reminder for a cancelled meeting', async () => {
    const day = osloDate(h.app.clock.now());
    const meeting = await createMeeting(kariId, `${addDays(day, 2)}T12:00:00+01:00`);
    await run();
    const cancelled = await vera.put(`/api/activities/${meeting.id}/status`, { version: meeting.version, status: 'CANCELLED', closingReason: 'Moved online' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    h.app.clock.set(`${addDays(day, 1)}T09:00:00Z`);
    await run();
    expect((await received(meeting.id)).emails.map((m) => m.subject)).toEqual(['Nytt møte med NAV']);
    expect((await notifications(meeting.id)).find((n) => n.kind === 'MEETING_REMINDER')).toMatchObject({ status: 'CANCELLED', reason: 'MEETING_CANCELLED' });
  });

  it('plans no reminder when the day before has already passed its hour', async () => {
    const meeting = await createMeeting(kariId, new Date(h.app.clock.now().getTime() + 3 * 3_600_000).toISOString());
    await run();
    expect((await notifications(meeting.id)).map((n) => n.kind)).toEqual(['MEETING_NEW']);
  });
});

describe('advance notices', () => {
  const today = () => osloDate(h.app.clock.now());
  async function agreedWithNotice(): Promise<{ id: string; version: number }> {
    const created = await vera.post(`/api/persons/${kariId}/activities`, { type: 'SELF_DIRECTED', title: 'Course', fromDate: today(), toDate: addDays(today(), 30) });
    expect(created.status).toBe(201);
    const agreed = await vera.put(`/api/activities/${created.body.id}/agreement`, { version: created.body.version, advanceNotice: { type: 'STANDARD' } });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    return agreed.body;
  }

  it('tells at once and again after 7 days while unread', async () => {
    const notice = await agreedWithNotice();
    await run();
    expect((await received(notice.id)).emails.map((m) => m.subject)).toEqual(['Du har fått et forhåndsvarsel fra NAV']);
    await run(7 * DAY - MINUTE);
    expect((await received(notice.id)).emails).toHaveLength(1);
    await run(MINUTE);
    const box = await received(notice.id);
    expect(box.emails.map((m) => m.subject)).toEqual(['Påminnelse: forhåndsvarsel fra NAV som ikke er lest', 'Du har fått et forhåndsvarsel fra NAV']);
    expect(box.sms).toHaveLength(2);
  });

  it('sends no reminder once the citizen has confirmed reading', async () => {
    const notice = await agreedWithNotice();
    await run();
    const read = await kari.post(`/api/activities/${notice.id}/advance-notice/confirmation`, { version: notice.version });
    expect(read.status).toBe(200);
    await run(8 * DAY);
    expect((await received(notice.id)).emails).toHaveLength(1);
    expect((await notifications(notice.id)).find((n) => n.kind === 'ADVANCE_NOTICE_REMINDER')).toMatchObject({ status: 'CANCELLED', reason: 'READ' });
  });

  it('sends nothing for an agreement without a notice', async () => {
    const created = await vera.post(`/api/persons/${kariId}/activities`, { type: 'SELF_DIRECTED', title: 'Course', fromDate: today(), toDate: addDays(today(), 30) });
    await vera.put(`/api/activities/${created.body.id}/agreement`, { version: created.body.version, advanceNotice: { type: 'NONE' } });
    await run();
    expect(await notifications(created.body.id)).toEqual([]);
  });
});

describe('shared summaries', () => {
  it('tells when a summary is shared, not when it is only saved', async () => {
    const day = osloDate(h.app.clock.now());
    const created = await vera.post(`/api/persons/${kariId}/activities`, { type: 'CONVERSATION_SUMMARY', title: 'Talk', fromDate: day, channel: 'PHONE', summary: 'We talked', share: false });
    expect(created.status).toBe(201);
    await run();
    expect(await notifications(created.body.id)).toEqual([]);
    const shared = await vera.put(`/api/activities/${created.body.id}/summary`, { version: created.body.version, summary: 'We talked', share: true });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    await run();
    const box = await received(created.body.id);
    expect(box.emails.map((m) => m.subject)).toEqual(['Nytt referat fra NAV']);
    expect(box.emails[0]!.text).not.toContain('We talked');
  });
});

describe('the development mailbox', () => {
  it('shows what the sinks received as a page of its own', async () => {
    const page = await h.app.anonymous().get('/dev/mailbox');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<title>Development mailbox');
    expect(page.body).toContain('Nytt møte med NAV');
    expect(page.body).toContain(persona('kari').contact.mobile);
  });

  it('is not there when a real mail server and SMS gateway are configured, nor taken for a page of the web app', async () => {
    const webDir = mkdtempSync(path.join(tmpdir(), 'mailbox-test-'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="nb"><head><title>stand-in</title></head><body></body></html>');
    const other = await startTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:9', SMS_URL: 'http://127.0.0.1:9/sms', WEB_DIR: webDir } });
    try {
      expect(other.server.notificationSinks).toBeNull();
      expect((await other.anonymous().get('/activities/x')).body).toContain('stand-in');
      const page = await other.anonymous().get('/dev/mailbox');
      expect(page.status).toBe(404);
      expect(page.body).toMatchObject({ error: { code: 'not_found' } });
      expect((await other.anonymous().get('/dev/mailbox.json')).status).toBe(404);
    } finally {
      await other.close();
      rmSync(webDir, { recursive: true, force: true });
    }
  });
});
