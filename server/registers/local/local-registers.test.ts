import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CITIZENS, EMPLOYERS } from '#server/dev/personas.ts';
import { syntheticIds } from '#server/dev/national-ids.ts';
import { createContactRegisterClient } from '../contact-register.client.ts';
import { createPersonRegisterClient } from '../person-register.client.ts';
import type { PersonRecord } from '../types.ts';
import { PERSONS_FILE } from './person-register.service.ts';
import { RecordStore } from './record-store.ts';
import { personaRegisterRecords, putRegisterRecords, startLocalRegisterServices } from './start.ts';

/**
 * The local registers keep their data in a folder: what was loaded survives a restart, personas
 * are only seeded into a new register, and loading benchmark-sized data is quick.
 */
let dataDir: string;
const toClose: Array<() => Promise<void>> = [];

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'registers-'));
});
afterEach(async () => {
  for (const close of toClose.splice(0)) {
    await close();
  }
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function start() {
  const registers = await startLocalRegisterServices({ dataDir });
  toClose.push(() => registers.close());
  return registers;
}

function generatedPersons(count: number): PersonRecord[] {
  return [...syntheticIds(count)].map((nationalId, i) => ({
    nationalId,
    givenName: `Given${i}`,
    familyName: `Family${i}`,
    protectedAddress: i % 100 === 0 ? 'CONFIDENTIAL' : null,
    navEmployee: false,
    officeId: '0219',
  }));
}

const count = async (baseUrl: string, resource: 'persons' | 'contacts') =>
  ((await (await fetch(`${baseUrl}/admin/${resource}/count`)).json()) as { count: number }).count;

const lineCount = async (file: string) => (await fs.readFile(file, 'utf8')).split('\n').filter((line) => line !== '').length;

describe('local register services', () => {
  it('seed the personas into new registers', async () => {
    const registers = await start();
    expect(await count(registers.personUrl, 'persons')).toBe(CITIZENS.length + EMPLOYERS.length);
    expect(await count(registers.contactUrl, 'contacts')).toBe(CITIZENS.length);
    const seed = personaRegisterRecords();
    expect(seed.persons.map((p) => p.nationalId)).toEqual([...CITIZENS, ...EMPLOYERS].map((p) => p.nationalId));
  });

  it('keep their data across a restart and do not seed over it', async () => {
    const first = await start();
    const [newcomer] = generatedPersons(1);
    const kari = CITIZENS[0]!;
    await putRegisterRecords(first.personUrl, 'persons', [newcomer!, { ...personaRegisterRecords().persons[0]!, officeId: '4601' }]);
    await putRegisterRecords(first.contactUrl, 'contacts', [
      { nationalId: kari.nationalId, reserved: true, email: null, mobile: null, confirmedAt: '2026-01-02' },
    ]);
    await toClose.pop()!();

    const second = await start();
    const persons = createPersonRegisterClient({ url: second.personUrl, timeoutMs: 1_000 });
    const contacts = createContactRegisterClient({ url: second.contactUrl, timeoutMs: 1_000, cacheSeconds: 0, clock: { now: () => new Date() } });
    expect(await persons.lookup(newcomer!.nationalId)).toEqual(newcomer);
    expect(await persons.lookup(kari.nationalId)).toMatchObject({ givenName: 'Kari', officeId: '4601' });
    expect(await contacts.lookup(kari.nationalId)).toMatchObject({ reserved: true, email: null });
    expect(await count(second.personUrl, 'persons')).toBe(CITIZENS.length + EMPLOYERS.length + 1);
  });

  it('bulk load 20,000 persons quickly, to disk, and read them back after a restart', async () => {
    const first = await start();
    const persons = generatedPersons(20_000);
    const started = performance.now();
    expect(await putRegisterRecords(first.personUrl, 'persons', persons, 10_000)).toBe(20_000);
    const elapsed = performance.now() - started;
    // Seeding 330,000 persons for the benchmark must take seconds, not minutes.
    expect(elapsed).toBeLessThan(3_000);
    await toClose.pop()!();

    const second = await start();
    expect(await count(second.personUrl, 'persons')).toBe(20_000 + CITIZENS.length + EMPLOYERS.length);
    const client = createPersonRegisterClient({ url: second.personUrl, timeoutMs: 1_000 });
    expect(await client.lookup(persons[12_345]!.nationalId)).toEqual(persons[12_345]);
  });

  it('refuse records that would not satisfy the adapters', async () => {
    const registers = await start();
    const response = await fetch(`${registers.personUrl}/admin/persons`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persons: [{ nationalId: '123', givenName: 'X' }] }),
    });
    expect(response.status).toBe(400);
  });
});

describe('record store file', () => {
  const parse = (value: unknown) => value as PersonRecord;

  it('survives a torn last line and rewrites the file without it', async () => {
    const file = path.join(dataDir, PERSONS_FILE);
    const store = await RecordStore.open(file, parse);
    await store.upsert(generatedPersons(3));
    await fs.appendFile(file, '{"nationalId":"0101');

    const reopened = await RecordStore.open(file, (value) => {
      const record = value as Partial<PersonRecord>;
      return typeof record.nationalId === 'string' && typeof record.givenName === 'string' ? (record as PersonRecord) : null;
    });
    expect(reopened.size).toBe(3);
    expect(await lineCount(file)).toBe(3);
    await reopened.upsert(generatedPersons(4).slice(3));
    expect((await RecordStore.open(file, parse)).size).toBe(4);
  });

  it('compacts the file once it holds mostly replaced records', async () => {
    const file = path.join(dataDir, PERSONS_FILE);
    const store = await RecordStore.open(file, parse);
    const persons = generatedPersons(20_000);
    await store.upsert(persons);
    await store.upsert(persons);
    expect(await lineCount(file)).toBe(40_000);
    await store.upsert(persons);
    expect(await lineCount(file)).toBe(20_000);
    expect((await RecordStore.open(file, parse)).size).toBe(20_000);
  });

  it('keeps records in memory only when no file is given', async () => {
    const store = await RecordStore.open<PersonRecord>(undefined, parse);
    await store.upsert(generatedPersons(2));
    expect(store.size).toBe(2);
    expect(await fs.readdir(dataDir)).toEqual([]);
  });
});
