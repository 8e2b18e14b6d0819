import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityBodies } from '#test/api-fixtures.ts';
import { startNotificationHarness, type NotificationHarness } from './notifications.helpers.ts';

/**
 * Digital ⇄ manual follow-up (product.md C3): the advisor switches either way with a reason; the
 * citizen only back to digital, not while reserved, and not when the contact register cannot say.
 * A manual citizen reads the plan only and nobody sends them digital messages or notices, while
 * the advisor keeps writing the plan. Every switch is a log row with who, and is audited.
 */
let h: NotificationHarness;

const modeOf = (personId: string) => `/api/persons/${personId}/follow-up-mode`;
const logRows = (personId: string) =>
  h.app.testDb.database.db.selectFrom('manual_follow_up_log').select(['manual', 'reason', 'actorRole', 'actorIdent']).where('personId', '=', personId).orderBy('id').execute();
const auditRows = (personId: string) =>
  h.app.testDb.database.db.selectFrom('audit_record').select(['action', 'subject', 'actorIdent']).where('personId', '=', personId).where('subject', '=', 'FOLLOW_UP').orderBy('id').execute();

beforeAll(async () => {
  // No contact cache: what the register says now is what every request sees.
  h = await startNotificationHarness(undefined, { CONTACT_CACHE_SECONDS: '0' });
});
afterAll(() => h?.close());

describe('an advisor switches a person to manual follow-up', () => {
  it('keeps who and why, shows the citizen that NAV did it (not which advisor), and audits the read and the write', async () => {
    const { personId } = await h.app.startPeriod('kari');
    const [vera, kari] = [await h.as('vera'), await h.as('kari')];

    const before = await vera.get(modeOf(personId));
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ manual: false, latest: null, citizenMaySwitchToDigital: false, history: [] });

    const switched = await vera.put(modeOf(personId), { manual: true, reason: 'Prefers to meet in person' });
    expect(switched.status, JSON.stringify(switched.body)).toBe(200);
    expect(switched.body).toMatchObject({
      manual: true,
      citizenMaySwitchToDigital: true,
      latest: { manual: true, reason: 'Prefers to meet in person', changedBy: { side: 'NAV', ident: 'Z990001' } },
    });
    expect(await logRows(personId)).toEqual([{ manual: true, reason: 'Prefers to meet in person', actorRole: 'ADVISOR', actorIdent: 'Z990001' }]);

    const seenByKari = await kari.get(modeOf(personId));
    expect(seenByKari.body.history).toEqual([
      { manual: true, reason: 'Prefers to meet in person', changedAt: switched.body.latest.changedAt, changedBy: { side: 'NAV', ident: null } },
    ]);
    expect(seenByKari.body.citizenMaySwitchToDigital).toBe(true);
    const summary = await kari.get(`/api/persons/${personId}`);
    expect(summary.body).toMatchObject({ manualFollowUp: true, manualReason: 'Prefers to meet in person' });

    // Kari's own reads are not NAV looking: only Vera's read and write are recorded.
    expect(await auditRows(personId)).toEqual([
      { action: 'READ', subject: 'FOLLOW_UP', actorIdent: 'Z990001' },
      { action: 'WRITE', subject: 'FOLLOW_UP', actorIdent: 'Z990001' },
    ]);
  });

  it('needs a reason from NAV, refuses the mode the person already has, and lets only NAV switch to manual', async () => {
    const personId = await h.app.personId('nora');
    const [vera, nora] = [await h.as('vera'), await h.as('nora')];

    const noReason = await vera.put(modeOf(personId), { manual: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.issues).toEqual([{ field: 'body.reason', message: expect.any(String) }]);
    const blank = await vera.put(modeOf(personId), { manual: true, reason: '   ' });
    expect(blank.status).toBe(400);

    const same = await vera.put(modeOf(personId), { manual: false, reason: 'Digital it is' });
    expect(same.status).toBe(409);
    expect(same.body.error).toMatchObject({ code: 'conflict', details: { reason: 'UNCHANGED' } });
    const toManual = await nora.put(modeOf(personId), { manual: true });
    expect(toManual.status).toBe(403);
    const alreadyDigital = await nora.put(modeOf(personId), { manual: false });
    expect(alreadyDigital.status).toBe(409);

    expect(await logRows(personId)).toEqual([]);
    expect(await auditRows(personId)).toEqual([]);

    expect((await vera.put(modeOf(personId), { manual: true, reason: 'No computer at home' })).status).toBe(200);
    const again = await vera.put(modeOf(personId), { manual: true, reason: 'Still no computer' });
    expect(again.status).toBe(409);
    expect(await logRows(personId)).toHaveLength(1);
  });
});

describe('while a person is followed up manually', () => {
  it('gives the citizen a read-only plan and no dialog, while the advisor writes the plan but sends no digital message or notice', async () => {
    const { personId } = await h.app.startPeriod('ola');
    const [vera, ola] = [await h.as('vera'), await h.as('ola')];
    const thread = (await ola.post(`/api/persons/${personId}/threads`, { subject: 'Before paper', text: 'Hello' })).body.thread;
    expect((await vera.put(modeOf(personId), { manual: true, reason: 'Meets at the office every week' })).status).toBe(200);

    const plan = await ola.get(`/api/persons/${personId}/plan`);
    expect(plan.body).toMatchObject({ writable: false, readOnlyReason: 'MANUAL_FOLLOW_UP' });
    const bodies = activityBodies(h.app.clock.now());
    const byOla = await ola.post(`/api/persons/${personId}/activities`, bodies[0]!.body);
    expect(byOla.status).toBe(409);
    expect(byOla.body.error).toMatchObject({ code: 'locked', details: { reason: 'MANUAL_FOLLOW_UP' } });
    expect((await ola.put(`/api/persons/${personId}/goal`, { version: 0, text: 'Mine' })).body.error).toMatchObject({ code: 'locked' });

    expect((await vera.get(`/api/persons/${personId}/plan`)).body).toMatchObject({ writable: true, readOnlyReason: null });
    const byVera = await vera.post(`/api/persons/${personId}/activities`, { type: 'SELF_DIRECTED', title: 'Course', fromDate: bodies[0]!.body.fromDate, toDate: bodies[0]!.body.toDate });
    expect(byVera.status).toBe(201);
    expect((await vera.put(`/api/persons/${personId}/goal`, { version: 0, text: 'Work in a shop' })).status).toBe(200);

    for (const who of [vera, ola]) {
      const message = await who.post(`/api/threads/${thread.id}/messages`, { text: 'Are you there?' });
      expect(message.body.error).toMatchObject({ code: 'locked', details: { reason: 'MANUAL_FOLLOW_UP' } });
    }
    const options = await vera.get(`/api/activities/${byVera.body.id}/agreement-options`);
    expect(options.body).toMatchObject({ allowed: ['NONE'] });
    expect(options.body.reasons).toContain('MANUAL_FOLLOW_UP');
    const notice = await vera.put(`/api/activities/${byVera.body.id}/agreement`, { version: byVera.body.version, advanceNotice: { type: 'STANDARD' } });
    expect(notice.status).toBe(409);
  });

  it('lets the citizen switch back to digital, logged as the citizen, after which the plan is theirs to write again', async () => {
    const { personId } = await h.app.startPeriod('stine');
    const [siri, stine] = [await h.as('siri'), await h.as('stine')];
    expect((await siri.put(modeOf(personId), { manual: true, reason: 'Paper for now' })).status).toBe(200);
    expect((await stine.get(`/api/persons/${personId}/plan`)).body.readOnlyReason).toBe('MANUAL_FOLLOW_UP');

    const back = await stine.put(modeOf(personId), { manual: false });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ manual: false, citizenMaySwitchToDigital: false, latest: { manual: false, reason: null, changedBy: { side: 'CITIZEN', ident: null } } });
    expect(back.body.history.map((e: { manual: boolean }) => e.manual)).toEqual([false, true]);
    expect(await logRows(personId)).toEqual([
      { manual: true, reason: 'Paper for now', actorRole: 'ADVISOR', actorIdent: 'Z990003' },
      { manual: false, reason: null, actorRole: 'CITIZEN', actorIdent: null },
    ]);
    expect((await stine.get(`/api/persons/${personId}/plan`)).body).toMatchObject({ writable: true, readOnlyReason: null });
    expect((await stine.get(`/api/persons/${personId}`)).body.manualReason).toBeNull();
    // The advisor sees the citizen's switch, and who switched before.
    const seenBySiri = (await siri.get(modeOf(personId))).body.history;
    expect(seenBySiri.map((e: { changedBy: unknown }) => e.changedBy)).toEqual([
      { side: 'CITIZEN', ident: null },
      { side: 'NAV', ident: 'Z990003' },
    ]);
  });

  it('refuses the switch to digital to a citizen reserved in the contact register, and while the register cannot be asked', async () => {
    const ritaId = (await h.app.startPeriod('rita')).personId;
    const kariId = await h.app.personId('kari');
    const [vera, rita, kari] = [await h.as('vera'), await h.as('rita'), await h.as('kari')];
    expect((await vera.put(modeOf(ritaId), { manual: true, reason: 'Reserved against digital contact' })).status).toBe(200);

    expect((await rita.get(modeOf(ritaId))).body.citizenMaySwitchToDigital).toBe(false);
    const reserved = await rita.put(modeOf(ritaId), { manual: false });
    expect(reserved.status).toBe(409);
    expect(reserved.body.error).toMatchObject({ code: 'conflict', details: { reason: 'RESERVED' } });
    expect(await logRows(ritaId)).toHaveLength(1);

    // Kari was switched to manual by the first test.
    expect((await kari.get(modeOf(kariId))).body).toMatchObject({ manual: true, citizenMaySwitchToDigital: true });
    await h.setRegister('down');
    try {
      expect((await kari.get(modeOf(kariId))).body.citizenMaySwitchToDigital).toBe(false);
      const down = await kari.put(modeOf(kariId), { manual: false });
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('service_unavailable');
    } finally {
      await h.setRegister('normal');
    }
    expect(await logRows(kariId)).toHaveLength(1);
    expect((await kari.put(modeOf(kariId), { manual: false })).status).toBe(200);
  });

  it('tells open pages of both sides that the plan changed', async () => {
    const personId = await h.app.personId('kari');
    const vera = await h.as('vera');
    const count = async () =>
      (await h.app.testDb.database.db.selectFrom('live_event').select('id').where('personId', '=', personId).where('kind', '=', 'plan.changed').where('audience', '=', 'ALL').execute()).length;
    const before = await count();
    expect((await vera.put(modeOf(personId), { manual: true, reason: 'Back to paper' })).status).toBe(200);
    expect(await count()).toBe(before + 1);
  });
});
