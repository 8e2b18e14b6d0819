/**
 * Synthetic national ids (Tenor test ids: birth month + 80) with valid checksums, generated in a
 * fixed order so that personas, demo data, registers and the benchmark agree on who is who.
 * Personas use individual numbers from 900 up; generated persons use 000–499, so they never meet.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checksum(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const k = 11 - (sum % 11);
  if (k === 11) {
    return 0;
  }
  return k === 10 ? null : k;
}

/** Builds a synthetic id for a birth date (UTC day) and a three-digit individual number, or null. */
export function buildSyntheticId(birth: Date, individual: number): string | null {
  const dd = String(birth.getUTCDate()).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1 + 80).padStart(2, '0');
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  const base = `${dd}${mm}${yy}${String(individual).padStart(3, '0')}`;
  const digits = [...base].map(Number);
  const k1 = checksum(digits, W1);
  if (k1 === null) {
    return null;
  }
  const k2 = checksum([...digits, k1], W2);
  if (k2 === null) {
    return null;
  }
  return `${base}${k1}${k2}`;
}

const FIRST_DAY = Date.UTC(1950, 0, 1);
const DAYS = 18_000; // birth dates 1950–1999

/** Generates `count` distinct synthetic ids starting at position `from` of the fixed sequence. */
export function* syntheticIds(count: number, from = 0, individualBase = 0): Generator<string> {
  let produced = 0;
  let position = 0;
  for (let individual = individualBase; produced < count; individual++) {
    for (let day = 0; day < DAYS && produced < count; day++) {
      const id = buildSyntheticId(new Date(FIRST_DAY + day * 86_400_000), individual);
      if (id === null) {
        continue;
      }
      if (position++ >= from) {
        produced++;
        yield id;
      }
    }
  }
}

/** The id of the n-th persona (individual numbers 900 and up). */
export function personaId(n: number): string {
  const [id] = syntheticIds(1, n, 900);
  if (!id) {
    throw new Error('no synthetic id');
  }
  return id;
}
