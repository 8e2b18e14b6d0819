import fs from 'node:fs/promises';
import path from 'node:path';
import { putRegisterRecords } from '#server/registers/local/start.ts';
import { contactEntry, people, personRecord } from './people.ts';

/**
 * Fills the person register and the contact register with the benchmark's persons through their
 * bulk API (the same records the database rows were made from). A marker file in the registers'
 * data folder names the database seed they were filled for, so a kept folder is reused.
 */
export interface RegisterFill {
  reused: boolean;
  seconds: number;
  persons: number;
  contacts: number;
}

interface Marker {
  seedId: string;
  persons: number;
  contacts: number;
}

const markerFile = (dataDir: string) => path.join(dataDir, 'bench-seed.json');

export async function registersFilledFor(dataDir: string): Promise<Marker | null> {
  try {
    return JSON.parse(await fs.readFile(markerFile(dataDir), 'utf8')) as Marker;
  } catch {
    return null;
  }
}

export async function fillRegisters(urls: { personUrl: string; contactUrl: string }): Promise<RegisterFill> {
  const started = performance.now();
  const now = new Date();
  function* contacts() {
    for (const p of people()) {
      if (p.registered) {
        yield contactEntry(p, now);
      }
    }
  }
  function* persons() {
    for (const p of people()) {
      yield personRecord(p);
    }
  }
  const [personCount, contactCount] = await Promise.all([
    putRegisterRecords(urls.personUrl, 'persons', persons()),
    putRegisterRecords(urls.contactUrl, 'contacts', contacts()),
  ]);
  return { reused: false, seconds: Math.round(performance.now() - started) / 1000, persons: personCount, contacts: contactCount };
}

export async function markRegistersFilled(dataDir: string, seedId: string, fill: RegisterFill): Promise<void> {
  const marker: Marker = { seedId, persons: fill.persons, contacts: fill.contacts };
  await fs.writeFile(markerFile(dataDir), JSON.stringify(marker));
}
