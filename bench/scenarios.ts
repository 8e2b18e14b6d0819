import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { DB } from '#server/db/types.ts';
import { readPersonPlan } from '#server/features/plan/plan.repository.ts';
import type { HttpClient } from './http-client.ts';
import type { Operation } from './load.ts';
import type { PoolPerson, StatusCandidate } from './tokens.ts';

/** The requests the benchmark makes, each as the citizen whose plan it touches. */
const pickFrom = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;
const expect = (status: number, wanted: number, body: string | null, what: string) =>
  status === wanted ? null : `${what}: ${status} ${(body ?? '').slice(0, 160)}`;

export function planRead(http: HttpClient, pool: PoolPerson[]): Operation {
  return async () => {
    const person = pickFrom(pool);
    const reply = await http.send('GET', `/api/persons/${person.personId}/plan`, person.token);
    return expect(reply.status, 200, reply.body, 'plan read');
  };
}

export interface Statement {
  sql: string;
  /** For each parameter: the sentinel it stands for, or its fixed value. */
  parameters: unknown[];
}

const PERSON = '00000000-0000-4000-8000-00000000aaaa';

/**
 * The statement the plan read runs, taken from the app's own repository function (compiled by
 * Kysely against a driver that runs nothing), with the person as the parameter to fill (the
 * current period: no period asked for, as the benchmark's requests).
 */
export async function planStatement(): Promise<Statement & { person: string }> {
  const captured: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      captured.push(event.query);
    },
  });
  await readPersonPlan(db, PERSON, null, 'CITIZEN');
  await db.destroy();
  const [plan] = captured.map((q) => ({ sql: q.sql, parameters: [...q.parameters] }));
  if (!plan || !plan.parameters.includes(PERSON)) {
    throw new Error('could not capture the plan read statement');
  }
  return { ...plan, person: PERSON };
}

/**
 * The same statement straight to PostgreSQL. Named (prepared once per connection) as the app
 * sends every parameterised statement (see preparingPool in server/db/database.ts);
 * `prepared = false` sends it unnamed, parsed and planned on every execution, to show what
 * planning costs.
 */
export function planReadRaw(db: pg.Pool, statement: Statement, pool: PoolPerson[], prepared = true): Operation {
  return async () => {
    const person = pickFrom(pool);
    const values = statement.parameters.map((p) => (p === PERSON ? person.personId : p));
    const plan = prepared ? await db.query({ name: 'bench_plan', text: statement.sql, values }) : await db.query(statement.sql, values);
    const row = plan.rows[0] as { shownPeriodId?: string | null } | undefined;
    return row?.shownPeriodId ? null : 'raw plan read: no row';
  };
}

/** The same statement behind a bare Fastify route (bare-main.ts), for comparison. */
export function bareRead(http: HttpClient, pool: PoolPerson[]): Operation {
  return async () => {
    const person = pickFrom(pool);
    const reply = await http.send('GET', `/bare/${person.personId}`, person.token);
    return expect(reply.status, 200, reply.body, 'bare read');
  };
}

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const JOBS = ['Lagermedarbeider', 'Butikkmedarbeider', 'Kokk', 'Sjåfør', 'Renholder', 'Resepsjonist'];

export function createActivity(http: HttpClient, pool: PoolPerson[]): Operation {
  const writable = pool.filter((p) => p.writable);
  return async () => {
    const person = pickFrom(writable);
    const body = JSON.stringify({
      type: 'JOB_APPLICATION',
      status: 'PLANNED',
      title: pickFrom(JOBS),
      fromDate: today(),
      toDate: inDays(30),
      employer: 'Posten Norge',
      contactPerson: null,
      workplace: 'Oslo',
      description: 'Fant stillingen på arbeidsplassen.nav.no og sendte søknad med CV.',
      link: 'https://arbeidsplassen.nav.no/stillinger/stilling/7f6c1f0e-1d2b-4c1e-9a55-3f1c2d3e4f50',
    });
    const reply = await http.send('POST', `/api/persons/${person.personId}/activities`, person.token, body);
    return expect(reply.status, 201, reply.body, 'create');
  };
}

/**
 * Moves activities between PLANNED and IN_PROGRESS (SUGGESTED goes to PLANNED), naming the version
 * read. `queue` is shared by every phase that moves activities (it carries their current versions);
 * an activity is never in flight twice, and after a move it goes to the back with its new version.
 */
export function changeStatus(http: HttpClient, queue: StatusCandidate[]): Operation {
  return async () => {
    const candidate = queue.shift();
    if (!candidate) {
      return 'status change: ran out of activities';
    }
    const to = candidate.status === 'PLANNED' ? 'IN_PROGRESS' : 'PLANNED';
    const body = JSON.stringify({ version: candidate.version, status: to });
    const reply = await http.send('PUT', `/api/activities/${candidate.activityId}/status`, candidate.person.token, body);
    if (reply.status === 200) {
      queue.push({ ...candidate, version: candidate.version + 1, status: to });
      return null;
    }
    return expect(reply.status, 200, reply.body, 'status change');
  };
}
