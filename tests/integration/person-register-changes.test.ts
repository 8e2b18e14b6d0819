import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '#server/clock.ts';
import { CITIZENS } from '#server/dev/personas.ts';
import { activityBodies } from '#test/api-fixtures.ts';
import { startLocalRegisterServices, type LocalRegisterServices } from '#server/registers/local/start.ts';
import type { PersonRecord } from '#server/registers/types.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * The workspace lists from a read model (person_attention, migration 0009) that a trigger keeps in
 * step with the person's own columns. When the person register says a person has a new name, a
 * protected address or a new office, the next refresh of the snapshot moves them in every list:
 * found under the new name, hidden from advisors without the right, and listed at the new office
 * only. A move also ends an open KVP period (reference B9), which only the old office could end.
 */
let app: TestApp;
let registers: LocalRegisterServices;
let kariId: string;
const kari = CITIZENS.find((c) => c.key === 'kari')!;
const record: PersonRecord = { nationalId: kari.nationalId, givenName: kari.givenName, familyName: kari.familyName, protectedAddress: null, navEmployee: false, officeId: kari.officeId };

async function registerSays(change: Partial<PersonRecord>): Promise<void> {
  const response = await fetch(`${registers.personUrl}/admin/persons`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persons: [{ ...record, ...change }] }),
  });
  expect(response.status).toBe(200);
}

/** An advisor who reaches Kari looks her up by national id, which refreshes the snapshot from the register. */
async function refreshedBy(persona: string): Promise<void> {
  const reply = await (await app.as(persona)).post('/api/persons/lookup', { nationalId: kari.nationalId });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

async function officeList(persona: string, officeId: string): Promise<string[]> {
  const reply = await (await app.as(persona)).post('/api/workspace/persons', { scope: 'OFFICE', officeId, pageSize: 100 });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.persons.filter((p: { id: string }) => p.id === kariId).map((p: { givenName: string; familyName: string; officeId: string }) => `${p.givenName} ${p.familyName} @${p.officeId}`);
}

beforeAll(async () => {
  const clock = new ManualClock(new Date());
  registers = await startLocalRegisterServices({ clock });
  app = await startTestApp({ clock, env: { PERSON_REGISTER_URL: registers.personUrl, CONTACT_REGISTER_URL: registers.contactUrl } });
  kariId = (await app.startPeriod('kari')).personId;
});
afterAll(async () => {
  await app?.close();
  await registers?.close();
});

describe('the workspace follows the person register', () => {
  it('lists Kari under her new name once the register has it', async () => {
    expect(await officeList('vera', '0219')).toEqual(['Kari Nordmann @0219']);
    await registerSays({ familyName: 'Nyberg' });
    await refreshedBy('vera');
    expect(await officeList('vera', '0219')).toEqual(['Kari Nyberg @0219']);
    const search = await (await app.as('vera')).post('/api/workspace/persons', { scope: 'OFFICE', officeId: '0219', search: 'Nyberg' });
    expect(search.body.persons.map((p: { id: string }) => p.id)).toEqual([kariId]);
  });

  it('hides her from advisors without the right once she has a protected address, and shows her to those with it', async () => {
    await registerSays({ familyName: 'Nyberg', protectedAddress: 'STRICT' });
    await refreshedBy('siri');
    expect(await officeList('vera', '0219')).toEqual([]);
    expect(await officeList('siri', '0219')).toEqual(['Kari Nyberg @0219']);
  });

  it('moves her to her new office: listed there, gone from the old one, and her KVP period at the old office ends', async () => {
    const siri = await app.as('siri');
    const kvp = await siri.post(`/api/persons/${kariId}/kvp-periods`, { reason: 'Kvalifiseringsprogram' });
    expect(kvp.status, JSON.stringify(kvp.body)).toBe(201);
    await registerSays({ familyName: 'Nyberg', protectedAddress: null, officeId: '4601' });
    // Per at the new office finds her by national id (the lookup asks the register first).
    await refreshedBy('per');
    expect(await officeList('siri', '0219')).toEqual([]);
    expect(await officeList('per', '4601')).toEqual(['Kari Nyberg @4601']);

    const ended = await app.testDb.database.db.selectFrom('kvp_period').select(['endedAt', 'endedByIdent', 'endReason']).where('id', '=', kvp.body.id).executeTakeFirstOrThrow();
    expect(ended).toEqual({ endedAt: app.clock.now(), endedByIdent: 'SYSTEM', endReason: 'OFFICE_CHANGED' });
    const per = await app.as('per');
    expect((await per.get(`/api/persons/${kariId}`)).body).toMatchObject({ inKvp: false });
    // The new office adds to the plan again (during KVP only the KVP office could).
    const added = await per.post(`/api/persons/${kariId}/activities`, { ...activityBodies(app.clock.now())[2]!.body, title: 'After the move' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  });
});
