import { systemClock, type Clock } from '#server/clock.ts';
import { CITIZENS, EMPLOYERS } from '#server/dev/personas.ts';
import type { PersonRecord } from '../types.ts';
import { createContactRegisterService, type ContactEntry } from './contact-register.service.ts';
import { createPersonRegisterService } from './person-register.service.ts';

/**
 * Starts the person register and the contact register stand-ins as real HTTP services on
 * 127.0.0.1 (ephemeral ports), filled with the personas when their data is new, so that dev, demo
 * and tests meet the same people everywhere.
 */
export interface LocalRegisterServices {
  personUrl: string;
  contactUrl: string;
  close(): Promise<void>;
}

export interface StartLocalRegisterOptions {
  /** Folder for `persons.jsonl` and `contacts.jsonl`; undefined keeps both registers in memory. */
  dataDir?: string | undefined;
  /** Dates the personas' contact confirmations; pass the app's clock when tests move it. */
  clock?: Clock;
}

export async function startLocalRegisterServices(options: StartLocalRegisterOptions = {}): Promise<LocalRegisterServices> {
  const seed = personaRegisterRecords((options.clock ?? systemClock).now());
  const person = await createPersonRegisterService({ dataDir: options.dataDir });
  const contact = await createContactRegisterService({ dataDir: options.dataDir });
  try {
    // Only a new register is seeded: a kept data folder may hold changes made since.
    if (person.store.size === 0) {
      await person.store.upsert(seed.persons);
    }
    if (contact.store.size === 0) {
      await contact.store.upsert(seed.contacts);
    }
    const personUrl = await person.listen();
    const contactUrl = await contact.listen();
    return {
      personUrl,
      contactUrl,
      async close() {
        await Promise.all([person.close(), contact.close()]);
      },
    };
  } catch (error) {
    await Promise.allSettled([person.close(), contact.close()]);
    throw error;
  }
}

export interface RegisterRecords {
  persons: PersonRecord[];
  /** As the contact register stores them: with `confirmedAt`, from which the adapter derives `outdated`. */
  contacts: ContactEntry[];
}

/** Employer personas have no office of their own in personas.ts; any real office will do. */
const EMPLOYER_OFFICE_ID = '0301';

/**
 * The personas as register records. Outdated contact details were last confirmed 19 months
 * before `now` (past the 18-month rule with a margin); the others a month before `now`.
 */
export function personaRegisterRecords(now: Date = new Date()): RegisterRecords {
  const persons: PersonRecord[] = [
    ...CITIZENS.map((c) => ({
      nationalId: c.nationalId,
      givenName: c.givenName,
      familyName: c.familyName,
      protectedAddress: c.protectedAddress,
      navEmployee: c.navEmployee,
      officeId: c.officeId,
    })),
    ...EMPLOYERS.map((e) => ({
      nationalId: e.nationalId,
      givenName: e.givenName,
      familyName: e.familyName,
      protectedAddress: null,
      navEmployee: false,
      officeId: EMPLOYER_OFFICE_ID,
    })),
  ];
  // Employers are not followed up, so the contact register has no entry for them (a 404).
  const contacts: ContactEntry[] = CITIZENS.map((c) => ({
    nationalId: c.nationalId,
    reserved: c.contact.reserved,
    email: c.contact.email,
    mobile: c.contact.mobile,
    confirmedAt: monthsBefore(now, c.contact.outdated ? 19 : 1).toISOString(),
  }));
  return { persons, contacts };
}

function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() - months);
  return result;
}

/** Records per PUT when bulk loading: ~2 MB bodies, a few tens of milliseconds each. */
export const DEFAULT_CHUNK_SIZE = 10_000;

/**
 * Bulk loads records into a running register through its admin API, in chunks, one chunk at a
 * time (the register appends each chunk to its file in order). Used by demo data and benchmarks.
 */
export async function putRegisterRecords(
  baseUrl: string,
  resource: 'persons' | 'contacts',
  records: Iterable<PersonRecord | ContactEntry>,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<number> {
  let sent = 0;
  let chunk: unknown[] = [];
  const send = async () => {
    const response = await fetch(`${baseUrl}/admin/${resource}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ [resource]: chunk }),
    });
    if (!response.ok) {
      throw new Error(`${resource} register refused a bulk upsert: status ${response.status}: ${(await response.text()).slice(0, 500)}`);
    }
    sent += chunk.length;
    chunk = [];
  };
  for (const record of records) {
    chunk.push(record);
    if (chunk.length >= chunkSize) {
      await send();
    }
  }
  if (chunk.length > 0) {
    await send();
  }
  return sent;
}
