import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '#server/clock.ts';
import { CITIZENS, EMPLOYERS } from '#server/dev/personas.ts';
import { createContactRegisterClient, isContactOutdated } from './contact-register.client.ts';
import { startLocalRegisterServices, type LocalRegisterServices } from './local/start.ts';
import { createPersonRegisterClient } from './person-register.client.ts';
import { RegisterUnavailableError } from './types.ts';

/**
 * The adapters against the real local register services over HTTP: what the app gets for a known
 * and an unknown person, how outdated contact details are derived, what the cache spares the
 * register, and what a slow or failing register turns into.
 */
const clock = new ManualClock('2026-11-25T09:00:00Z');
let registers: LocalRegisterServices;

const persona = (key: string) => {
  const found = CITIZENS.find((c) => c.key === key);
  if (!found) {
    throw new Error(`no persona ${key}`);
  }
  return found;
};
const UNKNOWN_ID = '01010100050';

async function admin(baseUrl: string, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}
const lookupsServed = async (baseUrl: string) => (await admin(baseUrl, 'GET', '/admin/stats')).lookups as number;
const setBehaviour = (baseUrl: string, behaviour: { mode: 'normal' | 'slow' | 'down'; delayMs?: number }) =>
  admin(baseUrl, 'PUT', '/admin/behaviour', behaviour);

async function expectUnavailable(promise: Promise<unknown>, reason: RegExp, nationalId: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegisterUnavailableError);
  expect(String((error as Error).message)).toMatch(reason);
  // The error may be logged by a caller: it must not name the person.
  expect(String((error as Error).message)).not.toContain(nationalId);
}

beforeAll(async () => {
  registers = await startLocalRegisterServices({ clock });
});
afterAll(async () => {
  await registers.close();
});
afterEach(async () => {
  clock.set('2026-11-25T09:00:00Z');
  await setBehaviour(registers.personUrl, { mode: 'normal' });
  await setBehaviour(registers.contactUrl, { mode: 'normal' });
});

describe('person register adapter', () => {
  const client = () => createPersonRegisterClient({ url: registers.personUrl, timeoutMs: 500 });

  it('returns what the register knows about a persona', async () => {
    const stine = persona('stine');
    expect(await client().lookup(stine.nationalId)).toEqual({
      nationalId: stine.nationalId,
      givenName: 'Stine',
      familyName: 'Skjermet',
      protectedAddress: 'STRICT',
      navEmployee: false,
      officeId: '0219',
    });
    const employer = EMPLOYERS[0]!;
    expect(await client().lookup(employer.nationalId)).toMatchObject({ givenName: 'Arne', protectedAddress: null });
  });

  it('returns null for a person the register does not know', async () => {
    expect(await client().lookup(UNKNOWN_ID)).toBeNull();
  });

  it('gives up on a slow register within its timeout', async () => {
    await setBehaviour(registers.personUrl, { mode: 'slow', delayMs: 3_000 });
    const started = Date.now();
    await expectUnavailable(client().lookup(persona('kari').nationalId), /timeout/, persona('kari').nationalId);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('reports a register that answers 503 as unavailable', async () => {
    await setBehaviour(registers.personUrl, { mode: 'down' });
    await expectUnavailable(client().lookup(persona('kari').nationalId), /status 503/, persona('kari').nationalId);
  });

  it('reports a register nobody answers at as unavailable', async () => {
    const closed = await closedPortUrl();
    const unreachable = createPersonRegisterClient({ url: closed, timeoutMs: 500 });
    await expectUnavailable(unreachable.lookup(persona('kari').nationalId), /connection failed/, persona('kari').nationalId);
  });

  it('reports a malformed answer as unavailable', async () => {
    const kari = persona('kari').nationalId;
    const bogus = await startBogusRegister((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ nationalId: kari, givenName: 'Kari' }));
    });
    try {
      const bogusClient = createPersonRegisterClient({ url: bogus.url, timeoutMs: 500 });
      await expectUnavailable(bogusClient.lookup(kari), /malformed/, kari);
    } finally {
      await bogus.close();
    }
  });
});

describe('contact register adapter', () => {
  const client = (cacheSeconds = 0, maxCacheEntries?: number) =>
    createContactRegisterClient({
      url: registers.contactUrl,
      timeoutMs: 500,
      cacheSeconds,
      clock,
      ...(maxCacheEntries ? { maxCacheEntries } : {}),
    });

  it('returns contact details, with outdated derived from the confirmation date', async () => {
    expect(await client().lookup(persona('kari').nationalId)).toEqual({
      nationalId: persona('kari').nationalId,
      reserved: false,
      email: 'kari.nordmann@example.test',
      mobile: '+4790000001',
      outdated: false,
    });
    expect(await client().lookup(persona('ove').nationalId)).toMatchObject({ outdated: true });
    expect(await client().lookup(persona('rita').nationalId)).toMatchObject({ reserved: true, email: null, mobile: null });
  });

  it('returns null for a person without an entry', async () => {
    expect(await client().lookup(EMPLOYERS[0]!.nationalId)).toBeNull();
  });

  it('counts details as outdated once 18 calendar months have passed, by the clock', async () => {
    const id = '01020300070';
    await admin(registers.contactUrl, 'PUT', '/admin/contacts', {
      contacts: [{ nationalId: id, reserved: false, email: 'a@example.test', mobile: null, confirmedAt: '2025-05-25T09:00:00.000Z' }],
    });
    const uncached = client();
    expect(await uncached.lookup(id)).toMatchObject({ outdated: false });
    clock.set('2026-11-25T09:00:00.001Z');
    expect(await uncached.lookup(id)).toMatchObject({ outdated: true });
  });

  it('handles month ends and plain dates in the outdated rule', () => {
    // 31 August 2026 minus 18 months is the last day of February 2025.
    expect(isContactOutdated(new Date('2025-02-28T12:00:00Z'), new Date('2026-08-31T12:00:00Z'))).toBe(false);
    expect(isContactOutdated(new Date('2025-02-28T11:59:59Z'), new Date('2026-08-31T12:00:00Z'))).toBe(true);
    expect(isContactOutdated(new Date('2025-06-01'), new Date('2026-11-30T00:00:00Z'))).toBe(false);
  });

  it('answers from its cache until the entry expires, "not found" included', async () => {
    const cached = client(60);
    const kari = persona('kari').nationalId;
    const before = await lookupsServed(registers.contactUrl);
    await cached.lookup(kari);
    await cached.lookup(kari);
    expect(await cached.lookup(EMPLOYERS[0]!.nationalId)).toBeNull();
    expect(await cached.lookup(EMPLOYERS[0]!.nationalId)).toBeNull();
    expect(await lookupsServed(registers.contactUrl)).toBe(before + 2);

    clock.advance(59_000);
    await cached.lookup(kari);
    expect(await lookupsServed(registers.contactUrl)).toBe(before + 2);
    clock.advance(1_000);
    await cached.lookup(kari);
    expect(await lookupsServed(registers.contactUrl)).toBe(before + 3);
  });

  it('evicts the oldest entry when the cache is full', async () => {
    const small = client(60, 2);
    const [a, b, c] = [persona('kari'), persona('ola'), persona('ove')].map((p) => p.nationalId) as [string, string, string];
    const before = await lookupsServed(registers.contactUrl);
    await small.lookup(a);
    await small.lookup(b);
    await small.lookup(c);
    await small.lookup(c);
    await small.lookup(b);
    expect(await lookupsServed(registers.contactUrl)).toBe(before + 3);
    await small.lookup(a);
    expect(await lookupsServed(registers.contactUrl)).toBe(before + 4);
  });

  it('does not cache failures: the next lookup asks the register again', async () => {
    const cached = client(60);
    const kari = persona('kari').nationalId;
    await setBehaviour(registers.contactUrl, { mode: 'down' });
    await expectUnavailable(cached.lookup(kari), /status 503/, kari);
    await setBehaviour(registers.contactUrl, { mode: 'normal' });
    expect(await cached.lookup(kari)).toMatchObject({ email: 'kari.nordmann@example.test' });
  });

  it('gives up on a slow register within its timeout', async () => {
    await setBehaviour(registers.contactUrl, { mode: 'slow', delayMs: 3_000 });
    const started = Date.now();
    await expectUnavailable(client(60).lookup(persona('kari').nationalId), /timeout/, persona('kari').nationalId);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('shares one request between concurrent lookups of the same person', async () => {
    const cached = client(60);
    const before = await lookupsServed(registers.contactUrl);
    await Promise.all([1, 2, 3].map(() => cached.lookup(persona('nora').nationalId)));
    expect(await lookupsServed(registers.contactUrl)).toBe(before + 1);
  });
});

async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function startBogusRegister(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
