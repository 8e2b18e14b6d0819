import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '#common/i18n/catalogue.ts';
import { addDays, osloDate } from '#common/time.ts';
import { syntheticIds } from '#server/dev/national-ids.ts';
import { CITIZENS } from '#server/dev/personas.ts';
import { startTestApp, type Client, type Reply, type TestApp } from '#test/test-app.ts';

/**
 * What the web app's person pages rest on: the advisor's search (POST, never a URL), who it finds
 * and hides, and the language a person chooses in the page, stored on the server.
 */
let app: TestApp;
const nationalId = (key: string) => CITIZENS.find((c) => c.key === key)!.nationalId;

beforeAll(async () => {
  app = await startTestApp();
  // The search lists persons the service already knows (the local register snapshot).
  for (const key of ['kari', 'stine', 'ove']) {
    await app.personId(key);
  }
});
afterAll(() => app.close());

type Found = { persons: Array<{ id: string; givenName: string; familyName: string; nationalId: string; office: { id: string; name: string | null } }>; truncated: boolean };

async function search(who: Client, query: string): Promise<Reply<Found>> {
  return who.post<Found>('/api/persons/search', { query });
}

const names = (reply: Reply<Found>) => reply.body.persons.map((p) => `${p.givenName} ${p.familyName}`);

function namesField(reply: Reply, field: string): boolean {
  const error = reply.body?.error as { message: string; details?: { issues?: Array<{ field: string }> } } | undefined;
  return Boolean(error) && (error!.message.startsWith(`${field}:`) || (error!.details?.issues ?? []).some((issue) => issue.field === field));
}

/** Puts persons straight into the register snapshot, as many earlier lookups would have. */
let nextId = 0;
async function addPersons(rows: Array<{ givenName: string; familyName: string; officeId?: string; protectedAddress?: 'STRICT' | 'CONFIDENTIAL'; navEmployee?: boolean }>): Promise<void> {
  const ids = [...syntheticIds(rows.length, nextId)];
  nextId += rows.length;
  await app.testDb.database.db
    .insertInto('person')
    .values(
      rows.map((row, i) => ({
        nationalId: ids[i]!,
        givenName: row.givenName,
        familyName: row.familyName,
        officeId: row.officeId ?? '0219',
        protectedAddress: row.protectedAddress ?? null,
        navEmployee: row.navEmployee ?? false,
        registerRefreshedAt: app.clock.now(),
      })),
    )
    .execute();
}

describe('advisor search', () => {
  it('finds Kari by name for an advisor at her office, and not for one elsewhere', async () => {
    const vera = await app.as('vera');
    const found = await search(vera, 'kari nord');
    expect(found.status).toBe(200);
    expect(found.body.persons).toEqual([
      { id: await app.personId('kari'), givenName: 'Kari', familyName: 'Nordmann', nationalId: nationalId('kari'), office: { id: '0219', name: 'NAV Bærum' } },
    ]);
    expect(found.body.truncated).toBe(false);
    expect(names(await search(vera, 'NORDMANN'))).toEqual(['Kari Nordmann']);

    const per = await app.as('per');
    expect((await search(per, 'Kari Nordmann')).body).toEqual({ persons: [], truncated: false });
    expect((await search(per, nationalId('kari'))).body).toEqual({ persons: [], truncated: false });
    // Per finds the person at his own office.
    expect(names(await search(per, 'utdatert'))).toEqual(['Ove Utdatert']);
  });

  it('finds Kari by national id, spaces around it ignored', async () => {
    const vera = await app.as('vera');
    const found = await search(vera, ` ${nationalId('kari')} `);
    expect(found.status).toBe(200);
    expect(names(found)).toEqual(['Kari Nordmann']);
    expect(found.body.persons[0]!.nationalId).toBe(nationalId('kari'));
  });

  it('hides a person with a protected address from an advisor without the right, by name and by national id', async () => {
    const vera = await app.as('vera');
    const siri = await app.as('siri');
    expect((await search(vera, 'Stine Skjermet')).body).toEqual({ persons: [], truncated: false });
    expect((await search(vera, nationalId('stine'))).body).toEqual({ persons: [], truncated: false });
    expect(names(await search(siri, 'Stine Skjermet'))).toEqual(['Stine Skjermet']);
    expect(names(await search(siri, nationalId('stine')))).toEqual(['Stine Skjermet']);
  });

  it('is for advisors only', async () => {
    for (const who of ['kari', 'arne']) {
      const reply = await (await app.as(who)).post('/api/persons/search', { query: 'Kari Nordmann' });
      expect(reply.status, who).toBe(403);
      expect(reply.body.error.code).toBe('forbidden');
    }
    expect((await app.anonymous().post('/api/persons/search', { query: 'Kari' })).status).toBe(401);
  });

  it('refuses a query too short, too long, missing or not text, naming body.query', async () => {
    const vera = await app.as('vera');
    for (const body of [{ query: 'k' }, { query: '   k   ' }, { query: 'x'.repeat(101) }, {}, { query: 42 }]) {
      const reply = await vera.post('/api/persons/search', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(namesField(reply, 'body.query'), JSON.stringify(reply.body)).toBe(true);
    }
    expect((await search(vera, 'x'.repeat(100))).status).toBe(200);
  });

  it('says an 11-digit query that is no national id is wrong, naming body.query', async () => {
    const vera = await app.as('vera');
    const reply = await search(vera, '12345678901');
    expect(reply.status).toBe(400);
    expect(namesField(reply, 'body.query'), JSON.stringify(reply.body)).toBe(true);
  });

  it('matches % and _ literally', async () => {
    await addPersons([
      { givenName: 'Pro%sent', familyName: 'Tegn' },
      { givenName: 'Proxsent', familyName: 'Tegn' },
      { givenName: 'Under_strek', familyName: 'Tegn' },
      { givenName: 'Underxstrek', familyName: 'Tegn' },
    ]);
    const vera = await app.as('vera');
    expect(names(await search(vera, 'o%s'))).toEqual(['Pro%sent Tegn']);
    expect(names(await search(vera, 'r_s'))).toEqual(['Under_strek Tegn']);
    expect(names(await search(vera, '%%'))).toEqual([]);
    expect(names(await search(vera, '__'))).toEqual([]);
    expect(names(await search(vera, 'tegn'))).toHaveLength(4);
  });

  it('lists at most 50 and says when there are more', async () => {
    await addPersons(Array.from({ length: 51 }, (_, i) => ({ givenName: `Mange${String(i).padStart(2, '0')}`, familyName: 'Treff' })));
    const vera = await app.as('vera');
    const many = await search(vera, 'treff');
    expect(many.body.persons).toHaveLength(50);
    expect(many.body.truncated).toBe(true);
    expect(names(many)[0]).toBe('Mange00 Treff');
    const narrowed = await search(vera, 'mange5 treff');
    expect(names(narrowed)).toEqual(['Mange50 Treff']);
    expect(narrowed.body.truncated).toBe(false);
  });

  it('lets protected persons neither fill the list nor show through "there are more"', async () => {
    await addPersons([
      ...Array.from({ length: 50 }, (_, i) => ({ givenName: `Fem${String(i).padStart(2, '0')}`, familyName: 'Grense' })),
      // Sorted first by name: a search that drops them after its limit would list fewer than 50.
      { givenName: 'Aa', familyName: 'Grense', protectedAddress: 'STRICT' as const },
      { givenName: 'Ab', familyName: 'Grense', protectedAddress: 'CONFIDENTIAL' as const },
      { givenName: 'Ac', familyName: 'Grense', navEmployee: true },
    ]);
    const vera = await app.as('vera');
    const forVera = await search(vera, 'grense');
    expect(forVera.body.persons).toHaveLength(50);
    expect(forVera.body.truncated).toBe(false);
    expect(names(forVera).some((n) => n.startsWith('A'))).toBe(false);
    const forSiri = await search(await app.as('siri'), 'grense');
    expect(names(forSiri).slice(0, 3)).toEqual(['Aa Grense', 'Ab Grense', 'Ac Grense']);
    expect(forSiri.body.truncated).toBe(true);
  });

  it('searches only the advisor’s own offices', async () => {
    await addPersons([{ givenName: 'Oslo', familyName: 'Borger', officeId: '0301' }]);
    expect(names(await search(await app.as('vera'), 'oslo borger'))).toEqual([]);
    expect(names(await search(await app.as('siri'), 'oslo borger'))).toEqual(['Oslo Borger']);
  });

  it('never takes the query from a URL: a GET is no search', async () => {
    const vera = await app.as('vera');
    const reply = await vera.get(`/api/persons/search?query=${nationalId('kari')}`);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(reply.body)).not.toContain('Nordmann');
  });
});

describe('language chosen in the page', () => {
  it('stores a citizen’s language, which NAV then writes the advance notice in', async () => {
    const { personId } = await app.startPeriod('kari');
    const kari = await app.as('kari');
    const vera = await app.as('vera');
    expect((await kari.get('/api/me')).body.language).toBe('nb');
    const today = osloDate(app.clock.now());
    const activity = (await vera.post(`/api/persons/${personId}/activities`, { type: 'SELF_DIRECTED', title: 'Kurs', fromDate: today, toDate: addDays(today, 30) })).body;
    const optionsIn = async () => (await vera.get(`/api/activities/${activity.id}/agreement-options`)).body;
    expect(await optionsIn()).toMatchObject({ language: 'nb', standardText: translate('nb', 'advanceNotice.standardText') });

    const chosen = await kari.put('/api/me/language', { language: 'nn' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({ language: 'nn' });
    expect((await kari.get('/api/me')).body.language).toBe('nn');
    expect((await vera.get(`/api/persons/${personId}`)).body.language).toBe('nn');
    expect(await optionsIn()).toMatchObject({ language: 'nn', standardText: translate('nn', 'advanceNotice.standardText') });
    expect(translate('nn', 'advanceNotice.standardText')).not.toBe(translate('nb', 'advanceNotice.standardText'));

    const agreed = await vera.put(`/api/activities/${activity.id}/agreement`, { version: activity.version, advanceNotice: { type: 'STANDARD' } });
    expect(agreed.status).toBe(200);
    expect(agreed.body.advanceNotice).toMatchObject({ type: 'STANDARD', language: 'nn', text: translate('nn', 'advanceNotice.standardText') });

    // The advisor's own page language has nothing to do with the citizen's.
    await vera.put('/api/me/language', { language: 'en' });
    expect(await optionsIn()).toMatchObject({ language: 'nn' });
    await kari.put('/api/me/language', { language: 'nb' });
    await vera.put('/api/me/language', { language: 'nb' });
  });

  it('keeps an advisor’s choice across logins', async () => {
    const first = await app.as('per');
    expect((await first.get('/api/me')).body.language).toBeNull();
    expect((await first.put('/api/me/language', { language: 'en' })).status).toBe(200);
    app.clock.advance(60_000);
    const later = await app.as('per');
    expect(later.token).not.toBe(first.token);
    expect((await later.get('/api/me')).body).toMatchObject({ role: 'advisor', language: 'en' });
    await later.put('/api/me/language', { language: 'nn' });
    expect((await (await app.as('per')).get('/api/me')).body.language).toBe('nn');
    // One advisor's choice is not another's.
    expect((await (await app.as('siri')).get('/api/me')).body.language).toBeNull();
  });

  it('refuses a language it does not have, naming body.language, and changes nothing', async () => {
    const ove = await app.as('ove');
    for (const body of [{ language: 'de' }, { language: 'NB' }, { language: '' }, {}, { language: 'nb', extra: 1 }]) {
      const reply = await ove.put('/api/me/language', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      if (!('extra' in body)) {
        expect(namesField(reply, 'body.language'), JSON.stringify(reply.body)).toBe(true);
      }
    }
    expect((await ove.get('/api/me')).body.language).toBe('nb');
  });

  it('is not for an employer', async () => {
    const reply = await (await app.as('arne')).put('/api/me/language', { language: 'en' });
    expect(reply.status).toBe(403);
    expect((await app.anonymous().put('/api/me/language', { language: 'en' })).status).toBe(401);
  });
});
