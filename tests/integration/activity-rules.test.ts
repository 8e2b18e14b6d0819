import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

let app: TestApp;
let kari: Client;
let vera: Client;
let personId: string;

beforeAll(async () => {
  app = await startTestApp();
  ({ personId } = await app.startPeriod('kari'));
  kari = await app.as('kari');
  vera = await app.as('vera');
});
afterAll(() => app.close());

/** Today in Oslo by the app's clock, read when used: a test that moves the clock may cross midnight. */
const today = () => osloDate(app.clock.now());

const selfDirected = () => ({ type: 'SELF_DIRECTED', title: 'Course', fromDate: today(), toDate: addDays(today(), 30) });
const create = async (who: Client, body: object) => {
  const reply = await who.post(`/api/persons/${personId}/activities`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};
const agree = (activity: { id: string; version: number }, advanceNotice: object = { type: 'NONE' }) =>
  vera.put(`/api/activities/${activity.id}/agreement`, { version: activity.version, advanceNotice });

describe('who creates what', () => {
  it('refuses meetings, summaries and job-search agreements from the citizen', async () => {
    for (const type of ['MEETING', 'CONVERSATION_SUMMARY', 'JOB_SEARCH_AGREEMENT']) {
      const reply = await kari.post(`/api/persons/${personId}/activities`, { type, title: 'x', fromDate: today(), toDate: today() });
      expect([400, 403]).toContain(reply.status);
    }
    const meeting = await kari.post(`/api/persons/${personId}/activities`, {
      type: 'MEETING', title: 'M', startsAt: new Date(app.clock.now().getTime() + 86_400_000).toISOString(), durationMinutes: 30, channel: 'PHONE', place: 'Phone', agenda: 'Talk',
    });
    expect(meeting.status).toBe(403);
  });

  it('checks that an end date is not before the start date, naming the field', async () => {
    const reply = await kari.post(`/api/persons/${personId}/activities`, { ...selfDirected(), toDate: addDays(today(), -1) });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('body.toDate');
  });
});

describe('reasons when ending', () => {
  it('requires a reason to cancel or complete an agreed activity', async () => {
    const activity = await create(kari, selfDirected());
    const agreed = (await agree(activity)).body;
    const noReason = await kari.put(`/api/activities/${activity.id}/status`, { version: agreed.version, status: 'CANCELLED' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.issues[0].field).toBe('body.closingReason');
    const tooLong = await kari.put(`/api/activities/${activity.id}/status`, { version: agreed.version, status: 'COMPLETED', closingReason: 'x'.repeat(256) });
    expect(tooLong.status).toBe(400);
    const ok = await kari.put(`/api/activities/${activity.id}/status`, { version: agreed.version, status: 'COMPLETED', closingReason: 'Done it' });
    expect(ok.status).toBe(200);
  });

  it('lets the citizen end an activity that is not agreed without a reason', async () => {
    const activity = await create(kari, selfDirected());
    const reply = await kari.put(`/api/activities/${activity.id}/status`, { version: 1, status: 'CANCELLED' });
    expect(reply.status).toBe(200);
  });
});

describe('meetings and conversation summaries', () => {
  const meetingBody = (startsAt: Date) => ({
    type: 'MEETING', title: 'Follow-up', startsAt: startsAt.toISOString(), durationMinutes: 45, channel: 'IN_PERSON', place: 'Office', agenda: 'Plan',
  });

  it('keeps a meeting from completion until its summary is shared, and needs a reason to cancel it', async () => {
    const meeting = await create(vera, meetingBody(new Date(app.clock.now().getTime() + 3_600_000)));
    expect(meeting.details).toMatchObject({ durationMinutes: 45, summaryShared: false });
    const citizenMove = await kari.put(`/api/activities/${meeting.id}/status`, { version: 1, status: 'IN_PROGRESS' });
    expect(citizenMove.status).toBe(403);
    const early = await vera.put(`/api/activities/${meeting.id}/status`, { version: 1, status: 'COMPLETED' });
    expect(early.status).toBe(409);
    const beforeStart = await vera.put(`/api/activities/${meeting.id}/summary`, { version: 1, summary: 'We talked', share: true });
    expect(beforeStart.status).toBe(409);
    app.clock.advance(2 * 3_600_000);
    const draft = (await vera.put(`/api/activities/${meeting.id}/summary`, { version: 1, summary: 'Draft text', share: false })).body;
    expect((await kari.get(`/api/activities/${meeting.id}`)).body.activity.details.summary).toBeUndefined();
    const shared = (await vera.put(`/api/activities/${meeting.id}/summary`, { version: draft.version, summary: 'We talked', share: true })).body;
    expect((await kari.get(`/api/activities/${meeting.id}`)).body.activity.details.summary).toBe('We talked');
    const done = await vera.put(`/api/activities/${meeting.id}/status`, { version: shared.version, status: 'COMPLETED' });
    expect(done.status).toBe(200);

    const other = await create(vera, meetingBody(new Date(app.clock.now().getTime() + 3_600_000)));
    const cancel = await vera.put(`/api/activities/${other.id}/status`, { version: 1, status: 'CANCELLED' });
    expect(cancel.body.error.details.issues[0].field).toBe('body.closingReason');
  });

  it('hides a conversation summary from the citizen until it is shared; it cannot be agreed', async () => {
    const summary = await create(vera, { type: 'CONVERSATION_SUMMARY', title: 'Phone call', fromDate: today(), channel: 'PHONE', summary: 'Notes', share: false });
    expect(summary.status).toBe('IN_PROGRESS');
    expect((await kari.get(`/api/activities/${summary.id}`)).status).toBe(404);
    expect((await kari.get(`/api/persons/${personId}/plan`)).body.activities.some((a: { id: string }) => a.id === summary.id)).toBe(false);
    expect((await agree(summary)).status).toBe(409);
    const end = await vera.put(`/api/activities/${summary.id}/status`, { version: 1, status: 'COMPLETED' });
    expect(end.status).toBe(409);
    await vera.put(`/api/activities/${summary.id}/summary`, { version: 1, summary: 'Notes', share: true });
    expect((await kari.get(`/api/activities/${summary.id}`)).status).toBe(200);
  });
});

describe('agreed with NAV', () => {
  it('locks the content for the citizen but lets them move it; NAV changes only the end date', async () => {
    const activity = await create(kari, selfDirected());
    const agreed = (await agree(activity)).body;
    expect(agreed).toMatchObject({ agreedWithNav: true, advanceNotice: { type: 'NONE' } });
    const edit = await kari.put(`/api/activities/${activity.id}`, { ...selfDirected(), title: 'Changed', version: agreed.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('locked');
    const advisorEdit = await vera.put(`/api/activities/${activity.id}`, { ...selfDirected(), title: 'Changed', version: agreed.version });
    expect(advisorEdit.body.error.code).toBe('locked');
    const endDate = await vera.put(`/api/activities/${activity.id}/end-date`, { version: agreed.version, toDate: addDays(today(), 40) });
    expect(endDate.status).toBe(200);
    expect(endDate.body.lastChange).toBe('END_DATE_CHANGED');
    const citizenEndDate = await kari.put(`/api/activities/${activity.id}/end-date`, { version: endDate.body.version, toDate: addDays(today(), 41) });
    expect(citizenEndDate.status).toBe(409);
    const move = await kari.put(`/api/activities/${activity.id}/status`, { version: endDate.body.version, status: 'IN_PROGRESS' });
    expect(move.status).toBe(200);
    expect((await agree(move.body)).status).toBe(409);
  });

  it('lets the citizen change only the end date of agreed medical treatment', async () => {
    const treatment = await create(kari, { type: 'MEDICAL_TREATMENT', treatmentType: 'Physiotherapy', treatmentPlace: 'Clinic', fromDate: today(), toDate: addDays(today(), 20) });
    const agreed = (await agree(treatment)).body;
    const reply = await kari.put(`/api/activities/${treatment.id}/end-date`, { version: agreed.version, toDate: addDays(today(), 25) });
    expect(reply.status).toBe(200);
    expect(reply.body.toDate).toBe(addDays(today(), 25));
  });

  it('offers only NONE when the end date is 7 days ahead or less, and says why', async () => {
    const soon = await create(kari, { ...selfDirected(), toDate: addDays(today(), 7) });
    const options = await vera.get(`/api/activities/${soon.id}/agreement-options`);
    expect(options.body).toMatchObject({ allowed: ['NONE'], reasons: ['END_DATE_TOO_SOON'] });
    expect((await agree(soon, { type: 'STANDARD' })).status).toBe(409);
    const later = await create(kari, { ...selfDirected(), toDate: addDays(today(), 8) });
    expect((await vera.get(`/api/activities/${later.id}/agreement-options`)).body.allowed).toEqual(['STANDARD', 'AAP_11_9', 'NONE']);
  });

  it('stores the standard notice in the citizen’s language, notifies through the outbox, and takes one read confirmation', async () => {
    const activity = await create(kari, selfDirected());
    const reply = await agree(activity, { type: 'STANDARD' });
    expect(reply.status).toBe(200);
    expect(reply.body.advanceNotice).toMatchObject({ type: 'STANDARD', language: 'nb', legalBasis: 'ACTIVITY_DUTY', readAt: null });
    expect(reply.body.advanceNotice.text).toContain('avtalt med NAV');
    const events = await app.testDb.database.db.selectFrom('outbox').selectAll().where('aggregateId', '=', activity.id).execute();
    expect(events.map((e) => e.topic)).toEqual(['advance_notice.created']);
    expect(JSON.stringify(events[0]!.payload)).not.toContain(reply.body.advanceNotice.text);

    expect((await vera.post(`/api/activities/${activity.id}/advance-notice/confirmation`, { version: reply.body.version })).status).toBe(403);
    const read = await kari.post(`/api/activities/${activity.id}/advance-notice/confirmation`, { version: reply.body.version });
    expect(read.status).toBe(200);
    expect(read.body.advanceNotice.readAt).not.toBeNull();
    const again = await kari.post(`/api/activities/${activity.id}/advance-notice/confirmation`, { version: read.body.version });
    expect(again.status).toBe(409);
    const notices = await app.testDb.database.db.selectFrom('advance_notice_version').selectAll().where('activityId', '=', activity.id).orderBy('version').execute();
    expect(notices.map((n) => n.readAt === null)).toEqual([true, false]);
  });

  it('requires the text of an AAP § 11-9 notice', async () => {
    const activity = await create(kari, selfDirected());
    const reply = await agree(activity, { type: 'AAP_11_9' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('body.advanceNotice.text');
  });
});

describe('finished activities', () => {
  it('locks the content of a finished job application but lets its application status change', async () => {
    const job = await create(kari, { type: 'JOB_APPLICATION', title: 'Cook', fromDate: today() });
    const done = (await kari.put(`/api/activities/${job.id}/status`, { version: 1, status: 'CANCELLED' })).body;
    const edit = await kari.put(`/api/activities/${job.id}`, { type: 'JOB_APPLICATION', title: 'Chef', fromDate: today(), version: done.version });
    expect(edit.body.error.code).toBe('locked');
    const back = await kari.put(`/api/activities/${job.id}/status`, { version: done.version, status: 'PLANNED' });
    expect(back.body.error.code).toBe('locked');
    const label = await kari.put(`/api/activities/${job.id}/application-status`, { version: done.version, applicationStatus: 'REJECTED' });
    expect(label.status).toBe(200);
  });
});

describe('suggestions, unread markers and filters', () => {
  it('lets the citizen take on an advisor’s suggestion, and marks the other party’s changes unread until read', async () => {
    const suggestion = await create(vera, { ...selfDirected(), status: 'SUGGESTED' });
    const board = (await kari.get(`/api/persons/${personId}/plan`)).body;
    expect(board.activities.find((a: { id: string }) => a.id === suggestion.id)).toMatchObject({ unread: true, proposedBy: 'ADVISOR' });
    expect((await kari.post(`/api/activities/${suggestion.id}/read`, { version: 1 })).status).toBe(204);
    const after = (await kari.get(`/api/persons/${personId}/plan`)).body;
    expect(after.activities.find((a: { id: string }) => a.id === suggestion.id).unread).toBe(false);
    const taken = await kari.put(`/api/activities/${suggestion.id}/status`, { version: 1, status: 'PLANNED' });
    expect(taken.status).toBe(200);
  });

  it('filters by type, status, agreed and label', async () => {
    const job = await create(kari, { type: 'JOB_APPLICATION', title: 'Driver', fromDate: today() });
    await kari.put(`/api/activities/${job.id}/application-status`, { version: 1, applicationStatus: 'INTERVIEW' });
    const byLabel = (await kari.get(`/api/persons/${personId}/plan?label=INTERVIEW`)).body.activities;
    expect(byLabel.map((a: { id: string }) => a.id)).toEqual([job.id]);
    const byType = (await kari.get(`/api/persons/${personId}/plan?type=MEDICAL_TREATMENT`)).body.activities;
    expect(byType.every((a: { type: string }) => a.type === 'MEDICAL_TREATMENT')).toBe(true);
    const agreed = (await kari.get(`/api/persons/${personId}/plan?agreed=true`)).body.activities;
    expect(agreed.length).toBeGreaterThan(0);
    expect(agreed.every((a: { agreedWithNav: boolean }) => a.agreedWithNav)).toBe(true);
    const statuses = (await kari.get(`/api/persons/${personId}/plan?status=CANCELLED,COMPLETED`)).body.activities;
    expect(statuses.every((a: { status: string }) => ['CANCELLED', 'COMPLETED'].includes(a.status))).toBe(true);
    expect((await kari.get(`/api/persons/${personId}/plan?status=DONE`)).status).toBe(400);
  });
});
