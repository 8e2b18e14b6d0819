import { syntheticIds } from '#server/dev/national-ids.ts';
import { OFFICES } from '#server/dev/personas.ts';
import type { ContactEntry } from '#server/registers/local/contact-register.service.ts';
import type { PersonRecord } from '#server/registers/types.ts';

/**
 * The benchmark's population, computed deterministically from the person's position n (1-based)
 * in `syntheticIds(PERSONS)`, so that the database rows and the register records agree on names,
 * offices, protection, reservation and manual follow-up without storing anything in between.
 */
export const PERSONS = 330_000;
export const OFFICE_COUNT = 250;
/** One office has exactly this many persons (the largest; advisor lists are measured on it). */
export const BIG_OFFICE_SIZE = 5_000;

export interface Office {
  id: string;
  name: string;
  size: number;
}

export interface BenchPerson extends PersonRecord {
  n: number;
  language: 'nb' | 'nn' | 'en';
  /** Followed up manually now (the citizen reads the plan only). */
  manual: boolean;
  /** Has an entry in the contact register. */
  registered: boolean;
  /** Reserved against digital contact in the contact register (the citizen reads only). */
  reserved: boolean;
  /** Contact details last confirmed more than 18 months ago. */
  outdated: boolean;
}

const PLACES = [
  'Asker', 'Lillestrøm', 'Drammen', 'Fredrikstad', 'Sarpsborg', 'Moss', 'Halden', 'Hamar', 'Lillehammer', 'Gjøvik',
  'Kongsberg', 'Tønsberg', 'Sandefjord', 'Larvik', 'Skien', 'Porsgrunn', 'Arendal', 'Grimstad', 'Kristiansand', 'Mandal',
  'Stavanger', 'Sandnes', 'Haugesund', 'Egersund', 'Førde', 'Ålesund', 'Molde', 'Kristiansund', 'Steinkjer', 'Namsos',
  'Levanger', 'Bodø', 'Narvik', 'Mo i Rana', 'Tromsø', 'Harstad', 'Alta', 'Hammerfest', 'Vadsø', 'Kirkenes',
  'Elverum', 'Kongsvinger', 'Jessheim', 'Ski', 'Ås', 'Nesodden', 'Horten', 'Notodden', 'Voss', 'Stord',
];
const PARTS = ['', ' sentrum', ' nord', ' sør', ' øst', ' vest'];
const GIVEN = [
  'Kari', 'Ola', 'Ingrid', 'Lars', 'Anne', 'Per', 'Marit', 'Jon', 'Liv', 'Knut', 'Sara', 'Emil', 'Nora', 'Jakob', 'Emma',
  'Filip', 'Maja', 'Lukas', 'Ida', 'Henrik', 'Sofie', 'Magnus', 'Thea', 'Mathias', 'Hanna', 'Ahmed', 'Fatima', 'Piotr',
  'Agnieszka', 'Mohammed', 'Aisha', 'Tomas', 'Sigrid', 'Eirik', 'Astrid', 'Håkon', 'Solveig', 'Bjørn', 'Tone', 'Geir',
];
const FAMILY = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand',
  'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kowalski', 'Ali', 'Nguyen',
];

/**
 * Office sizes: the personas' offices first (the first, NAV Bærum, with exactly 5,000 persons),
 * then a skewed (Zipf-like) distribution over the rest, as NAV offices range from a few hundred
 * followed-up persons in small municipalities to thousands in the cities.
 */
export function offices(): Office[] {
  const rest = OFFICE_COUNT - 1;
  const weights = Array.from({ length: rest }, (_, i) => 1 / (i + 8) ** 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  const remaining = PERSONS - BIG_OFFICE_SIZE;
  const sizes = weights.map((w) => Math.max(120, Math.floor((w / total) * remaining)));
  let diff = remaining - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % rest) {
    const step = diff > 0 ? 1 : -1;
    if (step < 0 && sizes[i]! <= 120) {
      continue;
    }
    sizes[i] = sizes[i]! + step;
    diff -= step;
  }
  const list: Office[] = [{ id: OFFICES[0]!.id, name: OFFICES[0]!.name, size: BIG_OFFICE_SIZE }];
  const taken = new Set(OFFICES.map((o) => o.id));
  const named = new Set(OFFICES.map((o) => o.name));
  let next = 1000;
  for (let i = 0; i < rest; i++) {
    const persona = OFFICES[i + 1];
    if (persona) {
      list.push({ id: persona.id, name: persona.name, size: sizes[i]! });
      continue;
    }
    while (taken.has(String(next))) {
      next += 13;
    }
    const id = String(next);
    taken.add(id);
    next += 13;
    let name = `NAV ${PLACES[i % PLACES.length]}${PARTS[Math.floor(i / PLACES.length) % PARTS.length]}`;
    if (named.has(name)) {
      name = `${name} ${id}`;
    }
    named.add(name);
    list.push({ id, name, size: sizes[i]! });
  }
  return list;
}

/** A cheap integer hash, so that attributes look random yet are the same on every run. */
export function mix(n: number, salt: number): number {
  let x = (n * 0x9e3779b1 + salt * 0x85ebca6b) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

export function* people(): Generator<BenchPerson> {
  const officeOf: string[] = [];
  for (const office of offices()) {
    for (let i = 0; i < office.size; i++) {
      officeOf.push(office.id);
    }
  }
  // Spread each office over the whole id sequence instead of one block of birth dates.
  const order = officeOf.map((id, i) => ({ id, key: mix(i, 7) })).sort((a, b) => a.key - b.key);
  let n = 0;
  for (const nationalId of syntheticIds(PERSONS)) {
    n++;
    const h = mix(n, 1);
    const p = h % 1000;
    const registered = p % 250 !== 17;
    yield {
      n,
      nationalId,
      givenName: GIVEN[h % GIVEN.length]!,
      familyName: FAMILY[mix(n, 2) % FAMILY.length]!,
      protectedAddress: p < 4 ? 'STRICT' : p < 9 ? 'CONFIDENTIAL' : null,
      navEmployee: p >= 9 && p < 13,
      officeId: order[n - 1]!.id,
      language: p % 10 === 1 ? 'nn' : p % 40 === 2 ? 'en' : 'nb',
      manual: mix(n, 3) % 50 === 0,
      registered,
      reserved: registered && mix(n, 4) % 100 === 0,
      outdated: registered && mix(n, 5) % 20 === 0,
    };
  }
}

/** The register records of a person, as the person register and the contact register hold them. */
export function personRecord(p: BenchPerson): PersonRecord {
  return {
    nationalId: p.nationalId,
    givenName: p.givenName,
    familyName: p.familyName,
    protectedAddress: p.protectedAddress,
    navEmployee: p.navEmployee,
    officeId: p.officeId,
  };
}

export function contactEntry(p: BenchPerson, now: Date): ContactEntry {
  const confirmed = new Date(now.getTime() - (p.outdated ? 700 : 30 + (mix(p.n, 6) % 300)) * 86_400_000);
  return {
    nationalId: p.nationalId,
    reserved: p.reserved,
    email: p.reserved ? null : `person${p.n}@example.test`,
    mobile: p.reserved ? null : `+479${String(p.n).padStart(7, '0')}`,
    confirmedAt: confirmed.toISOString(),
  };
}
