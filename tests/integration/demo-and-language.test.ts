import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, osloDate } from '#common/time.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { DEMO_DATA: 'on' } });
});
afterAll(() => app.close());

describe('demo data', () => {
  it('gives Kari a plan with every kind of card, written through the services', async () => {
    const kari = await app.as('kari');
    const me = await kari.get('/api/me');
    expect(me.body).toMatchObject({ role: 'citizen', givenName: 'Kari' });
    const plan = (await kari.get(`/api/persons/${me.body.personId}/plan`)).body;
    expect(plan.goal.text).toContain('butikk');
    const types = new Set(plan.activities.map((a: { type: string }) => a.type));
    expect([...types].sort()).toEqual(['CONVERSATION_SUMMARY', 'EXTERNAL', 'JOB_APPLICATION', 'JOB_SEARCH_AGREEMENT', 'MEETING', 'SELF_DIRECTED']);
  });

  it('shows each side its own task and links of a card from another system', async () => {
    const kari = await app.as('kari');
    const vera = await app.as('vera');
    const personId = (await kari.get('/api/me')).body.personId;
    const forCitizen = (await kari.get(`/api/persons/${personId}/plan?type=EXTERNAL`)).body.activities[0];
    expect(forCitizen).toMatchObject({ agreedWithNav: true, editable: false, details: { subtype: 'ARBEIDSTRENING', task: { internal: null } } });
    expect(forCitizen.details.actions.map((a: { linkType: string }) => a.linkType)).toEqual(['SHARED']);
    const forAdvisor = (await vera.get(`/api/persons/${personId}/plan?type=EXTERNAL`)).body.activities[0];
    expect(forAdvisor.details.task.external).toBeNull();
    expect(forAdvisor.details.actions.map((a: { linkType: string }) => a.linkType)).toEqual(['SHARED', 'INTERNAL']);
    const move = await vera.put(`/api/activities/${forAdvisor.id}/status`, { version: forAdvisor.version, status: 'COMPLETED' });
    expect(move.body.error.code).toBe('locked');
  });

  it("gives vera and per someone in \"my people\" and leaves siri's empty", async () => {
    const mine = async (persona: string) => {
      const reply = await (await app.as(persona)).post('/api/workspace/persons', { scope: 'MINE' });
      expect(reply.status).toBe(200);
      return reply.body.persons.map((p: { givenName: string; assignedAdvisor: { name: string } }) => `${p.givenName}:${p.assignedAdvisor.name}`);
    };
    expect(await mine('vera')).toEqual(['Rita:Vera Veileder']);
    expect(await mine('per')).toEqual(['Ove:Per Pettersen']);
    expect(await mine('siri')).toEqual([]);
  });

  it('gives nobody else a period twice: Nora has one ended period', async () => {
    const nora = await app.as('nora');
    const personId = (await nora.get('/api/me')).body.personId;
    const plan = (await nora.get(`/api/persons/${personId}/plan`)).body;
    expect(plan.periods).toHaveLength(1);
    expect(plan).toMatchObject({ readOnlyReason: 'NO_CURRENT_PERIOD', period: { current: false } });
  });
});

describe('history in the reader’s language', () => {
  it('tells the same change in bokmål, nynorsk and English with each language’s dates', async () => {
    const kari = await app.as('kari');
    const vera = await app.as('vera');
    const personId = (await kari.get('/api/me')).body.personId;
    const today = osloDate(app.clock.now());
    const activity = (await kari.post(`/api/persons/${personId}/activities`, { type: 'SELF_DIRECTED', title: 'Walk', fromDate: today, toDate: '2027-01-10' })).body;
    const agreed = (await vera.put(`/api/activities/${activity.id}/agreement`, { version: 1, advanceNotice: { type: 'NONE' } })).body;
    await vera.put(`/api/activities/${activity.id}/end-date`, { version: agreed.version, toDate: addDays('2027-01-10', 5) });
    const sentence = async (language: string) => {
      const reply = await kari.send('GET', `/api/activities/${activity.id}`, { headers: { 'accept-language': language } });
      return reply.body.history[0].sentence as string;
    };
    expect(await sentence('nb')).toBe('NAV endret sluttdatoen fra 10. januar 2027 til 15. januar 2027');
    expect(await sentence('nn-NO,nn;q=0.9')).toBe('NAV endra sluttdatoen frå 10. januar 2027 til 15. januar 2027');
    expect(await sentence('en-GB')).toBe('NAV changed the end date from 10 January 2027 to 15 January 2027');
  });
});
