import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '#server/clock.ts';
import { createPlanFixture, type PlanFixture } from '#test/api-fixtures.ts';
import { rawSql, type RawSql } from '#test/raw-sql.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * The audit log (product.md C3): one record per read of a person's data by an advisor and per
 * write, one per list or search query with the query, none for the citizen's own use; written in
 * the write's transaction (a refused write leaves none). And the citizen's page built on it, "who
 * has looked at my plan": name, office, when and what, per advisor and half hour.
 */
interface AuditRow {
  actorIdent: string;
  actorName: string;
  actorOfficeId: string | null;
  action: string;
  subject: string;
  personId: string | null;
  query: Record<string, unknown> | null;
}

let app: TestApp;
let sql: RawSql;
let f: PlanFixture;
// 09:10 in Oslo, so that the half hours below fall where the test says.
const clock = new ManualClock(new Date('2026-11-02T08:10:00Z'));

async function recordsSince(id: number): Promise<AuditRow[]> {
  return sql.query<AuditRow>(
    `select "actorIdent", "actorName", "actorOfficeId", action, subject, "personId", query from audit_record where id > ${id} order by id`,
  );
}

async function lastId(): Promise<number> {
  const rows = await sql.query<{ id: string | null }>('select max(id) as id from audit_record');
  return Number(rows[0]!.id ?? 0);
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  sql = rawSql(app.testDb.database);
  f = await createPlanFixture(app);
});
afterAll(() => app?.close());

describe('what is recorded', () => {
  it("records one READ per advisor read of Kari's data, naming the advisor, the office and what was opened", async () => {
    const vera = await app.as('vera');
    const from = await lastId();
    expect((await vera.get(`/api/persons/${f.kari.personId}/plan`)).status).toBe(200);
    expect((await vera.get(`/api/activities/${f.activities.jobApplication.id}`)).status).toBe(200);
    expect((await vera.get(`/api/persons/${f.kari.personId}/threads`)).status).toBe(200);
    expect((await vera.get(`/api/persons/${f.kari.personId}`)).status).toBe(200);
    const base = { actorIdent: 'Z990001', actorName: 'Vera Veileder', actorOfficeId: '0219', action: 'READ', personId: f.kari.personId, query: null };
    expect(await recordsSince(from)).toEqual([
      { ...base, subject: 'PLAN' },
      { ...base, subject: 'ACTIVITY' },
      { ...base, subject: 'DIALOG' },
      { ...base, subject: 'PERSON' },
    ]);
  });

  it('records nothing for the citizen reading her own plan', async () => {
    const kari = await app.as('kari');
    const from = await lastId();
    expect((await kari.get(`/api/persons/${f.kari.personId}/plan`)).status).toBe(200);
    expect((await kari.get(`/api/persons/${f.kari.personId}/threads`)).status).toBe(200);
    expect(await recordsSince(from)).toEqual([]);
  });

  it('records an advisor write in its own transaction: one WRITE when it lands, none when it is refused', async () => {
    const vera = await app.as('vera');
    const plan = await vera.get(`/api/persons/${f.kari.personId}/plan`);
    const version = plan.body.goal.version;
    let from = await lastId();
    const stale = await vera.put(`/api/persons/${f.kari.personId}/goal`, { version: version + 5, text: 'Stale' });
    expect(stale.status).toBe(409);
    expect(await recordsSince(from)).toEqual([]);

    from = await lastId();
    const written = await vera.put(`/api/persons/${f.kari.personId}/goal`, { version, text: 'Recorded goal' });
    expect(written.status).toBe(200);
    expect((await recordsSince(from)).map((r) => [r.action, r.subject, r.personId])).toEqual([['WRITE', 'GOAL', f.kari.personId]]);
  });

  it('records nothing for a refused read (out of reach), so nobody is said to have looked', async () => {
    const per = await app.as('per');
    const from = await lastId();
    expect((await per.get(`/api/persons/${f.kari.personId}/plan`)).status).toBe(404);
    expect((await per.get(`/api/persons/${randomUUID()}/plan`)).status).toBe(404);
    expect(await recordsSince(from)).toEqual([]);
  });

  it('records one SEARCH per search with the query, not one per person found', async () => {
    const siri = await app.as('siri');
    const from = await lastId();
    const found = await siri.post('/api/persons/search', { query: 'a' + 'n' });
    expect(found.status).toBe(200);
    const records = await recordsSince(from);
    expect(records).toEqual([{ actorIdent: 'Z990003', actorName: 'Siri Sikker', actorOfficeId: '0219', action: 'SEARCH', subject: 'SEARCH', personId: null, query: { query: 'an' } }]);
  });
});

describe('who has looked at my plan', () => {
  it("shows Kari each advisor's visits per half hour, with name, office and what was opened or changed", async () => {
    const vera = await app.as('vera');
    const siri = await app.as('siri');
    const kari = await app.as('kari');

    clock.set('2026-11-02T09:31:00Z'); // 10:31 in Oslo
    await vera.get(`/api/persons/${f.kari.personId}/plan`);
    clock.set('2026-11-02T09:44:00Z');
    await vera.get(`/api/activities/${f.activities.jobApplication.id}`);
    const plan = await vera.get(`/api/persons/${f.kari.personId}/plan`);
    await vera.put(`/api/persons/${f.kari.personId}/goal`, { version: plan.body.goal.version, text: 'Changed at 10:44' });
    clock.set('2026-11-02T10:02:00Z'); // 11:02, the next half hour
    await vera.get(`/api/persons/${f.kari.personId}/threads`);
    await siri.get(`/api/persons/${f.kari.personId}/plan`);

    const log = await kari.get(`/api/persons/${f.kari.personId}/access-log`);
    expect(log.status).toBe(200);
    const [latestSiri, latestVera, earlierVera] = log.body.visits;
    expect(latestSiri).toEqual({ advisor: { name: 'Siri Sikker' }, office: { id: '0219', name: 'NAV Bærum' }, from: '2026-11-02T10:00:00.000Z', to: '2026-11-02T10:02:00.000Z', opened: ['PLAN'], changed: [] });
    expect(latestVera).toEqual({ advisor: { name: 'Vera Veileder' }, office: { id: '0219', name: 'NAV Bærum' }, from: '2026-11-02T10:00:00.000Z', to: '2026-11-02T10:02:00.000Z', opened: ['DIALOG'], changed: [] });
    expect(earlierVera).toEqual({
      advisor: { name: 'Vera Veileder' },
      office: { id: '0219', name: 'NAV Bærum' },
      from: '2026-11-02T09:30:00.000Z',
      to: '2026-11-02T09:44:00.000Z',
      opened: ['ACTIVITY', 'PLAN'],
      changed: ['GOAL'],
    });
    expect(log.body.more).toBe(false);
    // Nothing the advisor does shows the advisor's NAV-ident to the citizen.
    expect(JSON.stringify(log.body)).not.toContain('Z99000');

    const older = await kari.get(`/api/persons/${f.kari.personId}/access-log?before=${encodeURIComponent('2026-11-02T09:30:00.000Z')}`);
    expect(older.status).toBe(200);
    expect(older.body.visits.every((v: { from: string }) => v.from < '2026-11-02T09:30:00.000Z')).toBe(true);
  });

  it('pages by whole half hours: an advisor in a half hour cut by the page size is not lost, and a crowded half hour comes whole', async () => {
    const personId = await app.personId('rita');
    const insert = (select: string) =>
      sql.query(`insert into audit_record (at, "actorIdent", "actorName", "actorOfficeId", action, subject, "personId") ${select}`, [personId]);
    const noon = "timestamptz '2026-10-01T12:00:00Z'";
    // 100 half hours with one advisor each, then one with 3 advisors (it straddles the first page's end), then one with 120.
    await insert(`select ${noon} - make_interval(mins => 30 * n), 'Z100000', 'Advisor Alone', '0219', 'READ', 'PLAN', $1 from generate_series(0, 99) n`);
    await insert(`select ${noon} - interval '3000 minutes' + make_interval(mins => n), 'Z2' || n, 'Advisor Few ' || n, '0219', 'READ', 'PLAN', $1 from generate_series(1, 3) n`);
    await insert(`select ${noon} - interval '3030 minutes' + make_interval(secs => n), 'Z3' || n, 'Advisor Many ' || n, '0219', 'READ', 'PLAN', $1 from generate_series(1, 120) n`);
    const rita = await app.as('rita');
    type Page = { visits: Array<{ advisor: { name: string }; from: string }>; more: boolean };
    const pages: Page[] = [];
    let before: string | null = null;
    do {
      const query: string = before ? `?before=${encodeURIComponent(before)}` : '';
      const reply = await rita.get<Page>(`/api/persons/${personId}/access-log${query}`);
      expect(reply.status).toBe(200);
      pages.push(reply.body);
      before = reply.body.visits.at(-1)?.from ?? null;
    } while (pages.at(-1)!.more && pages.length < 10);
    // Finding Rita was a visit too (the first row): the last lone half hour moves to page two.
    expect(pages.map((p) => [p.visits.length, p.more])).toEqual([
      [100, true],
      [4, true],
      [120, false],
    ]);
    expect(pages[1]!.visits.map((v) => v.advisor.name)).toEqual(['Advisor Alone', 'Advisor Few 3', 'Advisor Few 2', 'Advisor Few 1']);
    const seen = pages.flatMap((p) => p.visits.map((v) => `${v.advisor.name}@${v.from}`));
    expect(new Set(seen).size).toBe(224);
  });

  it('is the citizen\'s own page: 403 for the advisor, the 404 of a missing person for another citizen', async () => {
    const vera = await app.as('vera');
    const denied = await vera.get(`/api/persons/${f.kari.personId}/access-log`);
    expect({ status: denied.status, code: denied.body.error.code }).toEqual({ status: 403, code: 'forbidden' });
    await app.startPeriod('ove');
    const ove = await app.as('ove');
    const hidden = await ove.send('GET', `/api/persons/${f.kari.personId}/access-log`);
    const absent = await ove.send('GET', `/api/persons/${randomUUID()}/access-log`);
    expect({ status: hidden.status, body: hidden.body }).toEqual({ status: 404, body: absent.body });
  });

  it('refuses a malformed "before" naming the field', async () => {
    const kari = await app.as('kari');
    const reply = await kari.get(`/api/persons/${f.kari.personId}/access-log?before=yesterday`);
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('before');
  });
});
