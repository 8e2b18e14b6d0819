import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const jobApplication = { type: 'JOB_APPLICATION', title: 'Bakery assistant', fromDate: '2026-11-20', employer: 'Bakeriet AS' };

describe('a citizen and an advisor share one plan', () => {
  it('lets the citizen add a job application that both see on the board', async () => {
    const created = await kari.post(`/api/persons/${personId}/activities`, jobApplication);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'JOB_APPLICATION', status: 'PLANNED', version: 1, details: { employer: 'Bakeriet AS' }, unread: false });

    const board = await vera.get(`/api/persons/${personId}/plan`);
    expect(board.status).toBe(200);
    const card = board.body.activities.find((a: { id: string }) => a.id === created.body.id);
    expect(card).toMatchObject({ title: 'Bakery assistant', unread: true, changedBy: { role: 'CITIZEN', ident: null } });
  });

  it('moves through application statuses to COMPLETED with a comment, keeping every version', async () => {
    const created = (await kari.post(`/api/persons/${personId}/activities`, jobApplication)).body;
    let version = created.version;
    for (const applicationStatus of ['APPLIED', 'INTERVIEW', 'JOB_OFFER']) {
      const reply = await kari.put(`/api/activities/${created.id}/application-status`, { version, applicationStatus });
      expect(reply.status).toBe(200);
      version = reply.body.version;
    }
    const done = await kari.put(`/api/activities/${created.id}/status`, { version, status: 'COMPLETED', closingReason: 'Got the job' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'COMPLETED', closingReason: 'Got the job', version: 5, editable: false });

    const detail = await kari.get(`/api/activities/${created.id}`);
    expect(detail.body.history.map((h: { kind: string }) => h.kind)).toEqual([
      'STATUS_CHANGED',
      'APPLICATION_STATUS_CHANGED',
      'APPLICATION_STATUS_CHANGED',
      'APPLICATION_STATUS_CHANGED',
      'CREATED',
    ]);
    expect(detail.body.history[0].sentence).toBe('Du flyttet aktiviteten fra «Planlegger» til «Fullført»');
  });

  it('refuses a stale write with 409 and the current state', async () => {
    const created = (await kari.post(`/api/persons/${personId}/activities`, jobApplication)).body;
    const first = await vera.put(`/api/activities/${created.id}/status`, { version: 1, status: 'IN_PROGRESS' });
    expect(first.status).toBe(200);
    const stale = await kari.put(`/api/activities/${created.id}/status`, { version: 1, status: 'SUGGESTED' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.details.current).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
  });

  it('tells the advisor which colleague changed it, and the citizen only NAV', async () => {
    const created = (await vera.post(`/api/persons/${personId}/activities`, { ...jobApplication, status: 'SUGGESTED' })).body;
    expect(created.proposedBy).toBe('ADVISOR');
    const forCitizen = await kari.get(`/api/activities/${created.id}`);
    expect(forCitizen.body.activity.changedBy).toEqual({ role: 'ADVISOR', ident: null });
    expect(forCitizen.body.history[0].sentence).toBe('NAV foreslo aktiviteten');
    expect(JSON.stringify(forCitizen.body)).not.toContain('Z990001');
    const forAdvisor = await vera.get(`/api/activities/${created.id}`);
    expect(forAdvisor.body.history[0].sentence).toBe('Z990001 foreslo aktiviteten');
  });
});
