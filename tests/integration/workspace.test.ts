import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { ManualClock } from '#server/clock.ts';
import { CITIZENS } from '#server/dev/personas.ts';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

/**
 * The advisor workspace (product.md C4): who is listed, each kind of attention as a filter with
 * its count, search, sorting and paging, the protected persons an advisor without the right never
 * sees nor counts, KVP threads, the audit record per query, and the office's "going passive" setting.
 * Tests run in order on one database; the clock only moves forward.
 */
const DAY = 86_400_000;
let app: TestApp;
let vera: Client;
let siri: Client;
let per: Client;
let kari: Client;
const ids: Record<string, string> = {};
const nationalId = (key: string) => CITIZENS.find((c) => c.key === key)!.nationalId;

async function clients(): Promise<void> {
  // Tokens are minted at the clock's time: new ones after the clock moves.
  [vera, siri, per, kari] = await Promise.all([app.as('vera'), app.as('siri'), app.as('per'), app.as('kari')]);
}

async function list(who: Client, body: Record<string, unknown>) {
  const reply = await who.post('/api/workspace/persons', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as {
    persons: Array<{ id: string; givenName: string; familyName: string; nationalId: string; assignedAdvisor: { ident: string; name: string | null } | null; manualFollowUp: boolean; attention: Record<string, number | boolean> }>;
    total: number;
    counts: Record<string, number>;
    page: number;
    pageSize: number;
    passiveAfterDays: number;
  };
}

const office = (extra: Record<string, unknown> = {}) => ({ scope: 'OFFICE', officeId: '0219', ...extra });
const names = (result: { persons: Array<{ givenName: string }> }) => result.persons.map((p) => p.givenName);
const row = (result: Awaited<ReturnType<typeof list>>, key: string) => result.persons.find((p) => p.id === ids[key]);

beforeAll(async () => {
  app = await startTestApp({ clock: new ManualClock(new Date('2025-03-10T10:00:00Z')) });
  await clients();
  for (const key of ['kari', 'ola', 'rita', 'stine', 'ove']) {
    ids[key] = (await app.startPeriod(key)).personId;
  }
  ids.nora = await app.personId('nora');
  await app.testDb.database.db
    .insertInto('manual_follow_up_log')
    .values({ personId: ids.ola!, manual: true, reason: 'Paper', actorRole: 'ADVISOR', actorIdent: 'Z990001', createdAt: app.clock.now() })
    .execute();
});
afterAll(() => app?.close());

describe('who may ask', () => {
  it('answers 403 to a citizen, to an advisor at another office, and 400 naming the field for OFFICE without an office', async () => {
    expect((await kari.post('/api/workspace/persons', office())).status).toBe(403);
    expect((await per.post('/api/workspace/persons', office())).status).toBe(403);
    expect((await vera.post('/api/workspace/persons', { scope: 'OFFICE', officeId: '4601' })).status).toBe(403);
    expect((await vera.post('/api/workspace/persons', { scope: 'MINE', officeId: '4601' })).status).toBe(403);
    const missing = await vera.post('/api/workspace/persons', { scope: 'OFFICE' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^body\.officeId:/);
    expect((await kari.get('/api/offices/0219/settings')).status).toBe(403);
    expect((await per.get('/api/offices/0219/settings')).status).toBe(403);
    expect((await per.put('/api/offices/0219/settings', { passiveAfterDays: 10 })).status).toBe(403);
  });

  it('gives the default setting until an advisor at the office changes it, and refuses numbers outside 1–365', async () => {
    expect((await vera.get('/api/offices/0219/settings')).body).toEqual({ officeId: '0219', officeName: 'NAV Bærum', passiveAfterDays: 30, updatedAt: null, updatedBy: null });
    for (const passiveAfterDays of [0, 366, 'x', 1.5, null]) {
      const reply = await vera.put('/api/offices/0219/settings', { passiveAfterDays });
      expect(reply.status, JSON.stringify(passiveAfterDays)).toBe(400);
      expect(reply.body.error.details.issues.map((i: { field: string }) => i.field)).toContain('body.passiveAfterDays');
    }
    const none = await app.testDb.database.db.selectFrom('office_setting').selectAll().execute();
    expect(none).toEqual([]);
  });
});

describe('who is listed', () => {
  it("lists the office's persons with a current period, leaving out protected persons for an advisor without the right", async () => {
    const forVera = await list(vera, office());
    expect(forVera.persons.map((p) => `${p.familyName} ${p.givenName}`)).toEqual(['Manuell Ola', 'Nordmann Kari', 'Reservert Rita']);
    expect(forVera.total).toBe(3);
    expect(forVera.counts.UNASSIGNED).toBe(3);
    expect(row(forVera, 'ola')!.manualFollowUp).toBe(true);
    expect(row(forVera, 'kari')).toMatchObject({ nationalId: nationalId('kari'), manualFollowUp: false, assignedAdvisor: null });

    const forSiri = await list(siri, office());
    expect(forSiri.persons.map((p) => p.givenName)).toEqual(['Ola', 'Kari', 'Rita', 'Stine']);
    expect(forSiri.counts.UNASSIGNED).toBe(4);
  });

  it('finds a protected person by name or national id only for the advisor with the right', async () => {
    for (const search of ['Stine', nationalId('stine')]) {
      expect((await list(vera, office({ search }))).total).toBe(0);
      expect(names(await list(siri, office({ search })))).toEqual(['Stine']);
    }
  });
});

describe('search, sorting and paging', () => {
  beforeAll(async () => {
    const db = app.testDb.database.db;
    const extras = [
      { givenName: 'Anna', familyName: 'Berg', nationalId: '70000000001', started: '2024-01-05T08:00:00Z' },
      { givenName: 'Bo', familyName: 'Dahl', nationalId: '70000000003', started: '2023-06-01T08:00:00Z' },
      { givenName: 'Cato', familyName: 'Eng', nationalId: '70000000002', started: '2024-09-30T08:00:00Z' },
    ];
    for (const extra of extras) {
      const { id } = await db
        .insertInto('person')
        .values({ nationalId: extra.nationalId, givenName: extra.givenName, familyName: extra.familyName, protectedAddress: null, officeId: '0219', registerRefreshedAt: app.clock.now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[extra.givenName] = id;
      await db.insertInto('follow_up_period').values({ personId: id, startedAt: extra.started, startedByIdent: 'Z990001' }).execute();
    }
    // Earlier periods of a person do not make them listed twice.
    await db.insertInto('follow_up_period').values({ personId: ids.Bo!, startedAt: '2020-01-01T08:00:00Z', endedAt: '2021-01-01T08:00:00Z', startedByIdent: 'Z990001' }).execute();
  });

  it('sorts by each key in both directions, ties broken by id', async () => {
    expect(names(await list(vera, office()))).toEqual(['Anna', 'Bo', 'Cato', 'Ola', 'Kari', 'Rita']);
    expect(names(await list(vera, office({ order: 'DESC' })))).toEqual(['Rita', 'Kari', 'Ola', 'Cato', 'Bo', 'Anna']);
    const byId = await list(vera, office({ sort: 'NATIONAL_ID' }));
    expect(byId.persons.map((p) => p.nationalId)).toEqual(byId.persons.map((p) => p.nationalId).sort());
    expect(names(await list(vera, office({ sort: 'PERIOD_START', order: 'ASC' }))).slice(0, 3)).toEqual(['Bo', 'Anna', 'Cato']);
    expect(names(await list(vera, office({ sort: 'PERIOD_START', order: 'DESC' }))).slice(3)).toEqual(['Cato', 'Anna', 'Bo']);
    // The three personas started at the same instant: the same order either way round, by id.
    const same = ['kari', 'ola', 'rita'].map((k) => ids[k]!).sort();
    const asc = (await list(vera, office({ sort: 'PERIOD_START', order: 'DESC' }))).persons.slice(0, 3).map((p) => p.id);
    expect(asc).toEqual(same);
  });

  it('pages, with the total and the counts on every page', async () => {
    const second = await list(vera, office({ page: 2, pageSize: 2 }));
    expect(names(second)).toEqual(['Cato', 'Ola']);
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    const beyond = await list(vera, office({ page: 9, pageSize: 2 }));
    expect(beyond).toMatchObject({ persons: [], total: 6 });
    expect(beyond.counts).toEqual(second.counts);
    expect(beyond.counts.UNASSIGNED).toBe(6);
  });

  it('searches every word in given or family names, wildcards taken literally, or a national id exactly', async () => {
    expect(names(await list(vera, office({ search: 'nord' })))).toEqual(['Kari']);
    expect(names(await list(vera, office({ search: '  KARI   nordmann ' })))).toEqual(['Kari']);
    expect((await list(vera, office({ search: 'kari berg' }))).total).toBe(0);
    expect((await list(vera, office({ search: '%' }))).total).toBe(0);
    expect((await list(vera, office({ search: 'a_' }))).total).toBe(0);
    expect(names(await list(vera, office({ search: nationalId('kari') })))).toEqual(['Kari']);
    expect((await list(vera, office({ search: nationalId('kari').slice(0, 10) }))).total).toBe(0);
    const searched = await list(vera, office({ search: 'a' }));
    expect(searched.counts.UNASSIGNED).toBe(searched.total);
  });

  it('records one audit record per query, with the query, and none per person listed', async () => {
    const db = app.testDb.database.db;
    const count = async () => (await db.selectFrom('audit_record').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    const before = Number(await count());
    await list(vera, office({ filters: ['UNASSIGNED'] }));
    await list(vera, office({ search: 'Kari' }));
    expect(Number(await count())).toBe(before + 2);
    const records = await db.selectFrom('audit_record').selectAll().orderBy('id', 'desc').limit(2).execute();
    expect(records.map((r) => [r.action, r.subject, r.personId, r.actorIdent, r.actorOfficeId])).toEqual([
      ['SEARCH', 'WORKSPACE', null, 'Z990001', '0219'],
      ['LIST', 'WORKSPACE', null, 'Z990001', '0219'],
    ]);
    expect(records[0]!.query).toMatchObject({ scope: 'OFFICE', officeId: '0219', search: 'Kari', filters: [] });
    expect(records[1]!.query).toMatchObject({ scope: 'OFFICE', filters: ['UNASSIGNED'], search: null, page: 1, pageSize: 50 });
  });
});

describe('what needs attention', () => {
  it('counts unread threads and threads awaiting NAV, each as its own filter', async () => {
    const thread = (await kari.post(`/api/persons/${ids.kari}/threads`, { subject: 'A question', text: 'When do we meet?' })).body.thread;
    let result = await list(vera, office({ filters: ['UNREAD_MESSAGES'] }));
    expect(names(result)).toEqual(['Kari']);
    expect(result.persons[0]!.attention).toMatchObject({ unreadMessages: 1, awaitingNav: true });
    expect(result.counts).toMatchObject({ UNREAD_MESSAGES: 1, AWAITING_NAV: 1 });

    expect((await vera.post(`/api/threads/${thread.id}/read`)).status).toBe(204);
    result = await list(vera, office({ filters: ['AWAITING_NAV'] }));
    expect(names(result)).toEqual(['Kari']);
    expect(result.counts).toMatchObject({ UNREAD_MESSAGES: 0, AWAITING_NAV: 1 });
    expect((await list(vera, office({ filters: ['UNREAD_MESSAGES'] }))).total).toBe(0);

    const current = (await vera.get(`/api/threads/${thread.id}`)).body;
    expect((await vera.put(`/api/threads/${thread.id}/status`, { version: current.version, awaitingNav: false })).status).toBe(200);
    expect((await list(vera, office({ filters: ['AWAITING_NAV'] }))).total).toBe(0);
  });

  it('counts activities past their end date, meetings today and unread advance notices by the Oslo date of the clock', async () => {
    const today = osloDate(app.clock.now());
    const tomorrow = addDays(today, 1);
    const create = async (body: Record<string, unknown>) => {
      const reply = await vera.post(`/api/persons/${ids.kari}/activities`, body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      return reply.body as { id: string; version: number };
    };
    await create({ type: 'SELF_DIRECTED', title: 'Open', fromDate: today, toDate: tomorrow });
    const done = await create({ type: 'SELF_DIRECTED', title: 'Done', fromDate: today, toDate: tomorrow });
    expect((await vera.put(`/api/activities/${done.id}/status`, { version: done.version, status: 'COMPLETED', closingReason: 'Done' })).status).toBe(200);
    const meeting = { type: 'MEETING', title: 'Talk', startsAt: `${tomorrow}T09:00:00+01:00`, durationMinutes: 30, channel: 'PHONE', place: 'Phone', agenda: 'Plan' };
    await create(meeting);
    const cancelled = await create({ ...meeting, title: 'Called off' });
    expect((await vera.put(`/api/activities/${cancelled.id}/status`, { version: cancelled.version, status: 'CANCELLED', closingReason: 'Ill' })).status).toBe(200);
    const toAgree = await create({ type: 'SELF_DIRECTED', title: 'Course', fromDate: today, toDate: addDays(today, 60) });
    const agreed = await vera.put(`/api/activities/${toAgree.id}/agreement`, { version: toAgree.version, advanceNotice: { type: 'STANDARD' } });
    expect(agreed.status).toBe(200);

    let result = await list(vera, office());
    expect(row(result, 'kari')!.attention).toMatchObject({ pastEndDate: 0, meetingsToday: 0, unreadAdvanceNotices: 1 });
    expect(result.counts).toMatchObject({ PAST_END_DATE: 0, MEETINGS_TODAY: 0, UNREAD_ADVANCE_NOTICES: 1 });
    expect(names(await list(vera, office({ filters: ['UNREAD_ADVANCE_NOTICES'] })))).toEqual(['Kari']);

    app.clock.advance(DAY);
    await clients();
    result = await list(vera, office({ filters: ['MEETINGS_TODAY'] }));
    expect(names(result)).toEqual(['Kari']);
    expect(result.persons[0]!.attention).toMatchObject({ meetingsToday: 1, pastEndDate: 0 });

    app.clock.advance(DAY);
    await clients();
    result = await list(vera, office({ filters: ['PAST_END_DATE'] }));
    expect(names(result)).toEqual(['Kari']);
    // The open activity and the meeting of yesterday (still planned); not the completed or the cancelled one.
    expect(result.persons[0]!.attention).toMatchObject({ pastEndDate: 2, meetingsToday: 0 });
    expect(result.counts.MEETINGS_TODAY).toBe(0);

    expect((await kari.post(`/api/activities/${toAgree.id}/advance-notice/confirmation`, { version: agreed.body.version })).status).toBe(200);
    expect((await list(vera, office({ filters: ['UNREAD_ADVANCE_NOTICES'] }))).total).toBe(0);
  });

  it('marks new and unassigned persons, and lists my people at any office until I open them', async () => {
    const db = app.testDb.database.db;
    await db.insertInto('advisor_directory').values({ ident: 'Z990001', name: 'Vera Veileder', offices: ['0219'], seenAt: app.clock.now() }).onConflict((oc) => oc.doNothing()).execute();
    for (const key of ['ola', 'ove']) {
      await db.updateTable('person').set({ assignedAdvisorIdent: 'Z990001', assignedAt: app.clock.now(), assigneeOpenedAt: null }).where('id', '=', ids[key]!).execute();
    }
    const mine = await list(vera, { scope: 'MINE' });
    expect(names(mine)).toEqual(['Ola', 'Ove']);
    expect(mine.persons.map((p) => [p.assignedAdvisor, p.attention.new])).toEqual([
      [{ ident: 'Z990001', name: 'Vera Veileder' }, true],
      [{ ident: 'Z990001', name: 'Vera Veileder' }, true],
    ]);
    expect(mine.counts).toMatchObject({ NEW: 2, UNASSIGNED: 0 });
    expect(names(await list(vera, { scope: 'MINE', officeId: '0219' }))).toEqual(['Ola']);
    expect((await list(siri, { scope: 'MINE' })).total).toBe(0);

    const all = await list(vera, office({ filters: ['UNASSIGNED'] }));
    expect(names(all)).toEqual(['Anna', 'Bo', 'Cato', 'Kari', 'Rita']);
    expect(all.counts).toMatchObject({ UNASSIGNED: 5, NEW: 6 });

    expect((await vera.get(`/api/persons/${ids.ola}`)).status).toBe(200);
    const opened = await list(vera, { scope: 'MINE', filters: ['NEW'] });
    expect(names(opened)).toEqual(['Ove']);
    // Opened by someone else: still new to the assignee.
    expect((await siri.get(`/api/persons/${ids.kari}`)).status).toBe(200);
    expect(names(await list(vera, office({ filters: ['NEW', 'UNASSIGNED'], search: 'kari' })))).toEqual(['Kari']);
  });

  it("counts persons going passive after the office's number of days without a change or message from the citizen", async () => {
    expect((await list(vera, office({ filters: ['GOING_PASSIVE'] }))).total).toBe(3); // the extras started long ago
    app.clock.advance(29 * DAY);
    await clients();
    // Ola and Rita never wrote, and their periods started 31 days ago; Kari confirmed a notice 29 days ago.
    const late = await list(vera, office({ filters: ['GOING_PASSIVE'] }));
    expect(names(late)).toEqual(['Anna', 'Bo', 'Cato', 'Ola', 'Rita']);
    expect(late.passiveAfterDays).toBe(30);
    app.clock.advance(2 * DAY);
    await clients();
    expect(names(await list(vera, office({ filters: ['GOING_PASSIVE'], search: 'kari' })))).toEqual(['Kari']);
    expect((await kari.post(`/api/persons/${ids.kari}/threads`, { subject: 'Still here', text: 'Hello again' })).status).toBe(201);
    expect(names(await list(vera, office({ filters: ['GOING_PASSIVE'], search: 'kari' })))).toEqual([]);

    const changed = await vera.put('/api/offices/0219/settings', { passiveAfterDays: 60 });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({ officeId: '0219', officeName: 'NAV Bærum', passiveAfterDays: 60, updatedAt: app.clock.now().toISOString(), updatedBy: 'Vera Veileder' });
    const relaxed = await list(vera, office({ filters: ['GOING_PASSIVE', 'UNASSIGNED'] }));
    expect(names(relaxed)).toEqual(['Anna', 'Bo', 'Cato']);
    expect(relaxed.passiveAfterDays).toBe(60);
    expect(relaxed.counts.GOING_PASSIVE).toBe(3);
    // A person at another office counts by that office's setting (4601 has none: 30 days).
    expect(row(await list(vera, { scope: 'MINE' }), 'ove')!.attention.goingPassive).toBe(true);

    const audit = await app.testDb.database.db.selectFrom('audit_record').selectAll().where('action', '=', 'SETTING').execute();
    expect(audit.map((r) => [r.subject, r.actorIdent, r.actorOfficeId, r.personId, r.query])).toEqual([
      ['OFFICE_SETTING', 'Z990001', '0219', null, { officeId: '0219', passiveAfterDays: { from: 30, to: 60 } }],
    ]);
  });

  it('does not count threads made during KVP at an office that is not the advisor’s', async () => {
    const db = app.testDb.database.db;
    await db
      .insertInto('kvp_period')
      .values({ personId: ids.kari!, officeId: '0301', startedAt: app.clock.now(), startedByIdent: 'Z990003', startReason: 'KVP' })
      .execute();
    const before = (await list(vera, office())).counts.UNREAD_MESSAGES;
    expect((await kari.post(`/api/persons/${ids.kari}/threads`, { subject: 'KVP', text: 'About the programme' })).status).toBe(201);
    const { rows } = await sql<{ kvpOfficeId: string | null }>`select "kvpOfficeId" from thread where subject = 'KVP'`.execute(db);
    expect(rows).toEqual([{ kvpOfficeId: '0301' }]);

    const forVera = await list(vera, office({ search: 'kari' }));
    const forSiri = await list(siri, office({ search: 'kari' }));
    expect(forSiri.persons[0]!.attention.unreadMessages).toBe(Number(forVera.persons[0]!.attention.unreadMessages) + 1);
    expect((await list(vera, office())).counts.UNREAD_MESSAGES).toBe(before);
  });
});
