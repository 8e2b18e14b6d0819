import type pg from 'pg';
import { WORKSPACE_FILTERS, type WorkspaceFilter } from '#common/schemas/workspace.ts';
import type { SigningKeys } from '#server/auth/keys.ts';
import { mintAccessToken } from '#server/auth/tokens.ts';
import type { HttpClient } from './http-client.ts';
import type { Operation } from './load.ts';
import { WORKSPACE_ADVISOR } from './seed-workspace.ts';
import type { PoolPerson } from './tokens.ts';

/**
 * The advisor's requests (issue 5): the workspace list of the big office (5,000 persons) with
 * each filter and with none, and an advisor's read of a person's plan, which checks access and
 * commits an audit record before answering.
 */
const pickFrom = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
const expect = (status: number, wanted: number, body: string | null, what: string) =>
  status === wanted ? null : `${what}: ${status} ${(body ?? '').slice(0, 160)}`;

type TokenOptions = { issuer: string; audience: string; ttlSeconds: number };

/** "No filter" and then every filter, each measured on its own. */
export const WORKSPACE_VARIANTS: Array<WorkspaceFilter | 'NONE'> = ['NONE', ...WORKSPACE_FILTERS];

/** The workspace advisor of the seed: the big office, no right to see protected persons (they are filtered out in SQL). */
export async function workspaceToken(keys: SigningKeys, options: TokenOptions): Promise<string> {
  return mintAccessToken(
    keys,
    { role: 'advisor', NAVident: WORKSPACE_ADVISOR.ident, name: WORKSPACE_ADVISOR.name, offices: [...WORKSPACE_ADVISOR.offices], rights: [] },
    { issuer: options.issuer, audience: options.audience, subject: `advisor:${WORKSPACE_ADVISOR.ident}`, ttlSeconds: options.ttlSeconds },
  );
}

/** The first page (50, by name) of the office's list with one filter (or none); the sort key varies. */
export function workspaceList(http: HttpClient, token: string, variant: WorkspaceFilter | 'NONE'): Operation {
  const sorts = ['NAME', 'LAST_CITIZEN_ACTION', 'PERIOD_START'];
  return async () => {
    const body = JSON.stringify({ scope: 'OFFICE', officeId: WORKSPACE_ADVISOR.offices[0], filters: variant === 'NONE' ? [] : [variant], sort: pickFrom(sorts) });
    const reply = await http.send('POST', '/api/workspace/persons', token, body);
    return expect(reply.status, 200, reply.body, `workspace ${variant}`);
  };
}

/** The reader: an advisor at the 200 largest offices with every right, and the pool's persons there. */
export const PLAN_READER = { ident: 'Z999992', name: 'Bench Leser' } as const;

export async function planReader(client: pg.Client, keys: SigningKeys, pool: PoolPerson[], options: TokenOptions): Promise<{ token: string; persons: PoolPerson[] }> {
  const { rows } = await client.query<{ office_id: string }>(`select office_id from bench_person group by office_id order by count(*) desc limit 200`);
  const offices = rows.map((r) => r.office_id);
  const { rows: at } = await client.query<{ id: string }>(`select id from person where id = any($1::uuid[]) and "officeId" = any($2::text[])`, [pool.map((p) => p.personId), offices]);
  const reachable = new Set(at.map((r) => r.id));
  const token = await mintAccessToken(
    keys,
    { role: 'advisor', NAVident: PLAN_READER.ident, name: PLAN_READER.name, offices, rights: ['PROTECTED_ADDRESS_STRICT', 'PROTECTED_ADDRESS', 'NAV_EMPLOYEE'] },
    { issuer: options.issuer, audience: options.audience, subject: `advisor:${PLAN_READER.ident}`, ttlSeconds: options.ttlSeconds },
  );
  return { token, persons: pool.filter((p) => reachable.has(p.personId)) };
}

/** Counts the answered reads (warm-up included), to hold against the audit records they committed. */
export function advisorPlanRead(http: HttpClient, token: string, persons: PoolPerson[], answered: { count: number }): Operation {
  return async () => {
    const person = pickFrom(persons);
    const reply = await http.send('GET', `/api/persons/${person.personId}/plan`, token);
    if (reply.status === 200) {
      answered.count++;
    }
    return expect(reply.status, 200, reply.body, 'advisor plan read');
  };
}

export async function planReadAudits(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`select count(*) as n from audit_record where "actorIdent" = $1 and action = 'READ' and subject = 'PLAN'`, [PLAN_READER.ident]);
  return Number(rows[0]!.n);
}
