import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '#server/clock.ts';
import { startLocalRegisterServices, type LocalRegisterServices } from '#server/registers/local/start.ts';
import { startTestApp, type Client, type TestApp } from '#test/test-app.ts';

/**
 * Who may send (product.md C2): nobody to a person followed up manually or reserved in the
 * contact register (refused, with why), while outdated details or a register that is down let the
 * message through and tell the advisor that the notification waits.
 */
let app: TestApp;
let registers: LocalRegisterServices;
let vera: Client;

async function setContactRegister(mode: 'normal' | 'down'): Promise<void> {
  const response = await fetch(`${registers.contactUrl}/admin/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  const clock = new ManualClock(new Date());
  registers = await startLocalRegisterServices({ clock });
  // No contact cache, so that the register's state is what every request sees.
  app = await startTestApp({ clock, env: { PERSON_REGISTER_URL: registers.personUrl, CONTACT_REGISTER_URL: registers.contactUrl, CONTACT_CACHE_SECONDS: '0' } });
  vera = await app.as('vera');
});
afterAll(async () => {
  await app?.close();
  await registers?.close();
});

describe('a person who gets no digital messages', () => {
  it('refuses both sides for a manually followed person, says why in the list, and lets NAV tidy the flags', async () => {
    const { personId } = await app.startPeriod('ola');
    const ola = await app.as('ola');
    const thread = (await ola.post(`/api/persons/${personId}/threads`, { subject: 'Before paper', text: 'Hello' })).body.thread;
    await app.testDb.database.db
      .insertInto('manual_follow_up_log')
      .values({ personId, manual: true, reason: 'Paper', actorRole: 'ADVISOR', actorIdent: 'Z990001', createdAt: app.clock.now() })
      .execute();

    for (const who of [vera, ola]) {
      const reply = await who.post(`/api/threads/${thread.id}/messages`, { text: 'Are you there?' });
      expect(reply.status).toBe(409);
      expect(reply.body.error).toMatchObject({ code: 'locked', details: { reason: 'MANUAL_FOLLOW_UP' } });
      const fresh = await who.post(`/api/persons/${personId}/threads`, { subject: 'New', text: 'Hello' });
      expect(fresh.body.error).toMatchObject({ code: 'locked', details: { reason: 'MANUAL_FOLLOW_UP' } });
      expect((await who.get(`/api/persons/${personId}/threads`)).body).toMatchObject({ canSend: false, sendBlockedReason: 'MANUAL_FOLLOW_UP' });
    }
    const current = (await vera.get(`/api/threads/${thread.id}`)).body;
    const handled = await vera.put(`/api/threads/${thread.id}/status`, { version: current.version, awaitingNav: false });
    expect(handled.status).toBe(200);
    expect(handled.body.awaitingNav).toBe(false);
  });

  it('refuses both sides for a person reserved in the contact register', async () => {
    const { personId } = await app.startPeriod('rita');
    const rita = await app.as('rita');
    for (const who of [vera, rita]) {
      const reply = await who.post(`/api/persons/${personId}/threads`, { subject: 'Hello', text: 'Hello' });
      expect(reply.status).toBe(409);
      expect(reply.body.error).toMatchObject({ code: 'locked', details: { reason: 'RESERVED' } });
      expect((await who.get(`/api/persons/${personId}/threads`)).body).toMatchObject({ canSend: false, sendBlockedReason: 'RESERVED' });
    }
    const none = await app.testDb.database.db.selectFrom('message').select('id').where('personId', '=', personId).execute();
    expect(none).toEqual([]);
  });
});

describe('a message whose notification has to wait', () => {
  it('accepts a message to a person with outdated details and tells NAV, not the citizen', async () => {
    const { personId } = await app.startPeriod('ove');
    const per = await app.as('per');
    const ove = await app.as('ove');
    const sent = await per.post(`/api/persons/${personId}/threads`, { subject: 'Your details', text: 'Please check your details.' });
    expect(sent.status).toBe(201);
    expect(sent.body.notificationHold).toBe('OUTDATED');
    expect((await per.get(`/api/persons/${personId}/threads`)).body).toMatchObject({ canSend: true, notificationHold: 'OUTDATED' });
    const answer = await ove.post(`/api/threads/${sent.body.thread.id}/messages`, { text: 'Will do' });
    expect(answer.status).toBe(201);
    expect(answer.body.notificationHold).toBeNull();
    expect((await ove.get(`/api/persons/${personId}/threads`)).body).toMatchObject({ canSend: true, notificationHold: null });
  });

  it('accepts messages while the contact register is down, even to a reserved person, and says the register is down', async () => {
    const kariId = (await app.startPeriod('kari')).personId;
    const ritaId = await app.personId('rita');
    const kari = await app.as('kari');
    await setContactRegister('down');
    try {
      const sent = await vera.post(`/api/persons/${kariId}/threads`, { subject: 'Hello', text: 'A message while the register is down' });
      expect(sent.status).toBe(201);
      expect(sent.body.notificationHold).toBe('REGISTER_DOWN');
      expect((await vera.get(`/api/persons/${kariId}/threads`)).body).toMatchObject({ canSend: true, notificationHold: 'REGISTER_DOWN' });
      expect((await kari.post(`/api/threads/${sent.body.thread.id}/messages`, { text: 'Got it' })).status).toBe(201);
      // Whether Rita is reserved cannot be known now; a register that is down blocks nothing.
      const toRita = await vera.post(`/api/persons/${ritaId}/threads`, { subject: 'Hello', text: 'Hello' });
      expect(toRita.status).toBe(201);
      expect(toRita.body.notificationHold).toBe('REGISTER_DOWN');
    } finally {
      await setContactRegister('normal');
    }
    expect((await vera.get(`/api/persons/${kariId}/threads`)).body).toMatchObject({ notificationHold: null });
  });
});
