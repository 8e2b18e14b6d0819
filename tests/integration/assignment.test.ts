import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '#server/auth/tokens.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * Who follows a person up (product.md C3): the advisor directory is filled as advisors log in;
 * an advisor in reach assigns an advisor at the person's office; the assignee then reaches the
 * person from any office; citizens never learn which advisor.
 */
let app: TestApp;
let kariId: string;

const directory = () => app.testDb.database.db.selectFrom('advisor_directory').selectAll().orderBy('ident').execute();
const assignmentOf = (personId: string) => `/api/persons/${personId}/assignment`;
/** An advisor who has moved: known here at Kari's office, now logged in at NAV Oslo sentrum only. */
const ivar = (offices: string[]): TokenClaims => ({ role: 'advisor', NAVident: 'Z990077', name: 'Ivar Innflytter', offices, rights: [] });

beforeAll(async () => {
  app = await startTestApp();
  kariId = (await app.startPeriod('kari')).personId;
  for (const key of ['vera', 'siri', 'per']) {
    expect((await (await app.as(key)).get('/api/me')).status).toBe(200);
  }
});
afterAll(() => app?.close());

describe('the advisor directory', () => {
  it('holds each advisor seen, and writes again only when their name or offices change', async () => {
    expect((await directory()).map((a) => [a.ident, a.name, a.offices])).toEqual([
      ['Z990001', 'Vera Veileder', ['0219']],
      ['Z990002', 'Per Pettersen', ['4601']],
      ['Z990003', 'Siri Sikker', ['0219', '0301']],
    ]);
    const seen = (await directory()).find((a) => a.ident === 'Z990001')!.seenAt;
    app.clock.advance(60_000);
    await (await app.as('vera')).get('/api/me');
    expect((await directory()).find((a) => a.ident === 'Z990001')!.seenAt).toEqual(seen);
    await (await app.as({ role: 'advisor', NAVident: 'Z990001', name: 'Vera Veileder-Berg', offices: ['0219'], rights: [] })).get('/api/me');
    const renamed = (await directory()).find((a) => a.ident === 'Z990001')!;
    expect(renamed.name).toBe('Vera Veileder-Berg');
    expect(renamed.seenAt).not.toEqual(seen);
    await (await app.as('vera')).get('/api/me');
  });

  it("lists an office's advisors to advisors at that office only", async () => {
    const vera = await app.as('vera');
    const listed = await vera.get('/api/offices/0219/advisors');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ advisors: [{ ident: 'Z990003', name: 'Siri Sikker' }, { ident: 'Z990001', name: 'Vera Veileder' }] });
    expect((await vera.get('/api/offices/4601/advisors')).status).toBe(403);
    expect((await (await app.as('per')).get('/api/offices/4601/advisors')).body).toEqual({ advisors: [{ ident: 'Z990002', name: 'Per Pettersen' }] });
    expect((await (await app.as('kari')).get('/api/offices/0219/advisors')).status).toBe(403);
    expect((await vera.get('/api/offices/12/advisors')).status).toBe(400);
  });
});

describe('assigning a person', () => {
  it('takes only an advisor at the person’s office, and changes nothing otherwise', async () => {
    const vera = await app.as('vera');
    for (const advisorIdent of ['Z990002', 'Z999999']) {
      const refused = await vera.put(assignmentOf(kariId), { advisorIdent });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.issues).toEqual([{ field: 'body.advisorIdent', message: expect.any(String) }]);
    }
    expect((await vera.get(assignmentOf(kariId))).body).toEqual({ advisor: null, assignedAt: null });
    const log = await app.testDb.database.db.selectFrom('advisor_assignment_log').selectAll().execute();
    expect(log).toEqual([]);
  });

  it('records who assigned whom, shows the advisor (never the citizen) who follows the person up, and refuses the same again', async () => {
    const vera = await app.as('vera');
    const kari = await app.as('kari');
    const assigned = await vera.put(assignmentOf(kariId), { advisorIdent: 'Z990003' });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toEqual({ advisor: { ident: 'Z990003', name: 'Siri Sikker' }, assignedAt: app.clock.now().toISOString() });
    expect((await vera.get(assignmentOf(kariId))).body).toEqual(assigned.body);

    const db = app.testDb.database.db;
    expect(await db.selectFrom('advisor_assignment_log').select(['personId', 'advisorIdent', 'actorIdent']).execute()).toEqual([
      { personId: kariId, advisorIdent: 'Z990003', actorIdent: 'Z990001' },
    ]);
    const person = await db.selectFrom('person').select(['assignedAdvisorIdent', 'assigneeOpenedAt']).where('id', '=', kariId).executeTakeFirstOrThrow();
    expect(person).toEqual({ assignedAdvisorIdent: 'Z990003', assigneeOpenedAt: null });
    const audit = await db.selectFrom('audit_record').select(['action', 'actorIdent']).where('personId', '=', kariId).where('subject', '=', 'ASSIGNMENT').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'READ', actorIdent: 'Z990001' },
      { action: 'WRITE', actorIdent: 'Z990001' },
      { action: 'READ', actorIdent: 'Z990001' },
    ]);

    expect((await vera.get(`/api/persons/${kariId}`)).body.assignedAdvisor).toEqual({ ident: 'Z990003', name: 'Siri Sikker' });
    const seenByKari = (await kari.get(`/api/persons/${kariId}`)).body;
    expect(seenByKari).not.toHaveProperty('assignedAdvisor');
    expect(seenByKari).not.toHaveProperty('kvp');
    expect((await kari.get(assignmentOf(kariId))).status).toBe(403);
    expect((await kari.put(assignmentOf(kariId), { advisorIdent: 'Z990001' })).status).toBe(403);

    const again = await vera.put(assignmentOf(kariId), { advisorIdent: 'Z990003' });
    expect(again.status).toBe(409);
    expect(await db.selectFrom('advisor_assignment_log').select('id').execute()).toHaveLength(1);
  });

  it('lets the assignee reach the person from another office, and no one else there', async () => {
    const vera = await app.as('vera');
    expect((await (await app.as(ivar(['0219']))).get('/api/me')).status).toBe(200);
    expect((await vera.put(assignmentOf(kariId), { advisorIdent: 'Z990077' })).status).toBe(200);

    const moved = await app.as(ivar(['0301']));
    expect((await moved.get(`/api/persons/${kariId}/plan`)).status).toBe(200);
    expect((await moved.get(`/api/persons/${kariId}`)).body.id).toBe(kariId);
    const stranger = await app.as({ role: 'advisor', NAVident: 'Z990078', name: 'Other Advisor', offices: ['0301'], rights: [] });
    expect((await stranger.get(`/api/persons/${kariId}/plan`)).status).toBe(404);

    // Opening the person ends "new" for the assignee.
    const person = await app.testDb.database.db.selectFrom('person').select('assigneeOpenedAt').where('id', '=', kariId).executeTakeFirstOrThrow();
    expect(person.assigneeOpenedAt).not.toBeNull();

    // Reassigned to someone else, the moved advisor reaches Kari no more.
    expect((await vera.put(assignmentOf(kariId), { advisorIdent: 'Z990001' })).status).toBe(200);
    expect((await moved.get(`/api/persons/${kariId}/plan`)).status).toBe(404);
  });
});
