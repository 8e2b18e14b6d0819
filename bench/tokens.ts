import type pg from 'pg';
import type { SigningKeys } from '#server/auth/keys.ts';
import { mintAccessToken } from '#server/auth/tokens.ts';
import { PERSONS } from './people.ts';

/**
 * The persons the benchmark acts as: drawn uniformly (without repetition) from all seeded persons,
 * each with its own citizen access token, minted before measuring with the development identity
 * provider's key (stored in the database) exactly as the token command mints them.
 */
export interface PoolPerson {
  personId: string;
  nationalId: string;
  periodId: string;
  /** May write to the plan: not followed up manually, not reserved in the contact register. */
  writable: boolean;
  token: string;
}

export interface StatusCandidate {
  activityId: string;
  version: number;
  status: string;
  person: PoolPerson;
}

export async function drawPool(client: pg.Client, size: number): Promise<Omit<PoolPerson, 'token'>[]> {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(size, PERSONS)) {
    chosen.add(1 + Math.floor(Math.random() * PERSONS));
  }
  const { rows } = await client.query<{ person_id: string; national_id: string; period_id: string; writable: boolean }>(
    `select person_id, national_id, period_id, not manual and not reserved as writable from bench_person where n = any($1::int[])`,
    [[...chosen]],
  );
  return rows.map((r) => ({ personId: r.person_id, nationalId: r.national_id, periodId: r.period_id, writable: r.writable }));
}

export async function mintTokens(
  keys: SigningKeys,
  persons: Omit<PoolPerson, 'token'>[],
  options: { issuer: string; audience: string; ttlSeconds: number },
): Promise<PoolPerson[]> {
  const result: PoolPerson[] = [];
  const batch = 64;
  for (let i = 0; i < persons.length; i += batch) {
    const slice = persons.slice(i, i + batch);
    const tokens = await Promise.all(
      slice.map((p) =>
        mintAccessToken(keys, { role: 'citizen', pid: p.nationalId, acr: 'idporten-loa-high' }, {
          issuer: options.issuer,
          audience: options.audience,
          subject: `citizen:${p.nationalId}`,
          ttlSeconds: options.ttlSeconds,
        }),
      ),
    );
    slice.forEach((p, j) => result.push({ ...p, token: tokens[j]! }));
  }
  return result;
}

/** Activities the citizen may move between non-final columns (no closing reason needed). */
export async function statusCandidates(client: pg.Client, pool: PoolPerson[]): Promise<StatusCandidate[]> {
  const byId = new Map(pool.filter((p) => p.writable).map((p) => [p.personId, p]));
  const { rows } = await client.query<{ id: string; version: number; status: string; personId: string }>(
    `select id, version, status, "personId" from activity
      where "personId" = any($1::uuid[]) and type in ('JOB_APPLICATION', 'CURRENT_JOB', 'SELF_DIRECTED', 'MEDICAL_TREATMENT', 'JOB_SEARCH_AGREEMENT')
        and status in ('SUGGESTED', 'PLANNED', 'IN_PROGRESS')`,
    [[...byId.keys()]],
  );
  const candidates = rows.map((r) => ({ activityId: r.id, version: r.version, status: r.status, person: byId.get(r.personId)! }));
  // Shuffled, so that consecutive requests go to unrelated persons.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  return candidates;
}
