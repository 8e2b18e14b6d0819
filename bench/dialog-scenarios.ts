import type pg from 'pg';
import type { SigningKeys } from '#server/auth/keys.ts';
import { mintAccessToken } from '#server/auth/tokens.ts';
import type { HttpClient } from './http-client.ts';
import type { Operation } from './load.ts';
import { BUSY_EVERY } from './seed-dialog.ts';
import { mintTokens, type PoolPerson } from './tokens.ts';

/** The dialog's requests (issue 4): the thread list of a busy person, and sending a message. */
const pickFrom = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
const expect = (status: number, wanted: number, body: string | null, what: string) =>
  status === wanted ? null : `${what}: ${status} ${(body ?? '').slice(0, 160)}`;

const TEXTS = [
  'Hei! Jeg har et spørsmål om kurset neste uke.',
  'Jeg har sendt to nye søknader i dag og lagt dem inn i planen.',
  'Kan vi ta en telefon i morgen formiddag?',
  'Takk for hjelpen med CV-en, den er sendt nå.',
];

/** Every busy person (about 2,000, each with 203 messages in 11 threads), with a citizen token. */
export async function busyPool(client: pg.Client, keys: SigningKeys, options: { issuer: string; audience: string; ttlSeconds: number }): Promise<PoolPerson[]> {
  const { rows } = await client.query<{ person_id: string; national_id: string; period_id: string; writable: boolean }>(
    `select person_id, national_id, period_id, not manual and not reserved as writable from bench_person where n % ${BUSY_EVERY} = 0`,
  );
  return mintTokens(keys, rows.map((r) => ({ personId: r.person_id, nationalId: r.national_id, periodId: r.period_id, writable: r.writable })), options);
}

export function threadList(http: HttpClient, busy: PoolPerson[]): Operation {
  return async () => {
    const person = pickFrom(busy);
    const reply = await http.send('GET', `/api/persons/${person.personId}/threads`, person.token);
    return expect(reply.status, 200, reply.body, 'thread list');
  };
}

export interface Conversation {
  person: PoolPerson;
  threadId: string;
}

/** The general thread of each person who may write (not manual, not reserved). */
export async function conversations(client: pg.Client, pool: PoolPerson[]): Promise<Conversation[]> {
  const byId = new Map(pool.filter((p) => p.writable).map((p) => [p.personId, p]));
  const { rows } = await client.query<{ id: string; personId: string }>(
    `select distinct on ("personId") id, "personId" from thread
      where "personId" = any($1::uuid[]) and "activityId" is null and not escalation order by "personId", "createdAt"`,
    [[...byId.keys()]],
  );
  return rows.map((r) => ({ person: byId.get(r.personId)!, threadId: r.id }));
}

/** The citizen writes in their general thread. */
export function sendMessage(http: HttpClient, list: Conversation[]): Operation {
  return async () => {
    const { person, threadId } = pickFrom(list);
    const reply = await http.send('POST', `/api/threads/${threadId}/messages`, person.token, JSON.stringify({ text: pickFrom(TEXTS) }));
    return expect(reply.status, 201, reply.body, 'message send');
  };
}

/**
 * The other party: an advisor at the 200 largest offices (a token names at most 200) with every
 * extra right, and the conversations of persons at those offices, which that advisor reaches.
 */
export async function advisorAndReach(
  client: pg.Client,
  keys: SigningKeys,
  list: Conversation[],
  options: { issuer: string; audience: string; ttlSeconds: number },
): Promise<{ token: string; reach: Conversation[] }> {
  const { rows } = await client.query<{ office_id: string }>(`select office_id from bench_person group by office_id order by count(*) desc limit 200`);
  const offices = rows.map((r) => r.office_id);
  const { rows: at } = await client.query<{ id: string }>(`select id from person where id = any($1::uuid[]) and "officeId" = any($2::text[])`, [
    list.map((c) => c.person.personId),
    offices,
  ]);
  const reachable = new Set(at.map((r) => r.id));
  const token = await mintAccessToken(
    keys,
    { role: 'advisor', NAVident: 'Z999990', name: 'Bench Veileder', offices, rights: ['PROTECTED_ADDRESS_STRICT', 'PROTECTED_ADDRESS', 'NAV_EMPLOYEE'] },
    { issuer: options.issuer, audience: options.audience, subject: 'advisor:Z999990', ttlSeconds: options.ttlSeconds },
  );
  return { token, reach: list.filter((c) => reachable.has(c.person.personId)) };
}
