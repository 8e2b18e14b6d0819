import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { DB } from '#server/db/types.ts';
import { getStateById } from '#server/features/person/person.repository.ts';
import { readPlan } from '#server/features/plan/plan.repository.ts';
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
const PERIOD = '00000000-0000-4000-8000-00000000bbbb';

/**
 * The statements the plan read runs, taken from the app's own repository functions (compiled by
 * Kysely against a driver that runs nothing), with the person and period as parameters to fill.
 */
export async function planStatements(): Promise<{ state: Statement; plan: Statement }> {
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
  await getStateById(db, PERSON);
  await readPlan(db, PERSON, PERIOD, 'CITIZEN');
  await db.destroy();
  const [state, plan] = captured.map((q) => ({ sql: q.sql, parameters: [...q.parameters] }));
  if (!state || !plan || !plan.parameters.includes(PERIOD)) {
    throw new Error('could not capture the plan read statements');
  }
  return { state, plan };
}

const fill = (statement: Statement, personId: string, periodId: string | null) =>
  statement.parameters.map((p) => (p === PERSON ? personId : p === PERIOD ? periodId : p));

/**
 * The same two statements straight to PostgreSQL, one after the other as the endpoint runs them.
 * Named (prepared once per connection) as the app sends every parameterised statement (see
 * preparingPool in server/db/database.ts); `prepared = false` sends them unnamed, parsed and
 * planned on every execution, to show what planning costs.
 */
export function planReadRaw(db: pg.Pool, statements: { state: Statement; plan: Statement }, pool: PoolPerson[], prepared = true): Operation {
  const query = (name: string, statement: Statement, values: unknown[]) =>
    prepared ? db.query({ name, text: statement.sql, values }) : db.query(statement.sql, values);
  return async () => {
    const person = pickFrom(pool);
    const state = await query('bench_state', statements.state, fill(statements.state, person.personId, null));
    const periodId = (state.rows[0] as { currentPeriodId?: string } | undefined)?.currentPeriodId ?? null;
    const plan = await query('bench_plan', statements.plan, fill(statements.plan, person.personId, periodId));
    return plan.rows.length === 1 && periodId ? null : 'raw plan read: no row';
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
