import pg from 'pg';
import { openDatabase } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';
import { migrations } from '#server/db/migrations/index.ts';
import { createDetailsVariants, insertSlot, MAX_SLOTS, uuidOf } from './seed-activities.ts';
import { dialogFinish, dialogJobs } from './seed-dialog.ts';
import { dropKeys, restoreKeys, type SavedKeys } from './seed-keys.ts';
import { offices, people, PERSONS } from './people.ts';
import { citizenActionTriggers, PERSON_WORKSPACE_COLUMNS, personWorkspaceValues, workspaceJobs } from './seed-workspace.ts';

/**
 * Seeds the benchmark database once with plain SQL (INSERT … SELECT), reusing it when a complete
 * seed is found. `reseed` drops and recreates the database; an incomplete one is recreated too.
 * Keys and foreign keys are dropped around the bulk load and rebuilt from their saved definitions,
 * so the schema ends exactly as the migrations made it; VACUUM ANALYZE leaves it as a live one.
 */
export interface SeedInfo {
  seedId: string;
  reused: boolean;
  seconds: number;
  steps: Record<string, number>;
  counts: Record<string, number>;
  /** The migrations the seed was made on: a newer schema needs a new seed, not a migration of 14 M rows. */
  migrations: string[];
}

/** The migrations a kept seed lacks (empty when it matches the schema of this checkout). */
export function missingMigrations(info: SeedInfo): string[] {
  return migrations.map((m) => m.name).filter((name) => !(info.migrations ?? []).includes(name));
}

const BULK_TABLES = ['person', 'follow_up_period', 'manual_follow_up_log', 'goal', 'goal_version', 'activity', 'activity_version', 'advance_notice_version', 'thread', 'message', 'thread_status_log'];
const COUNTED = [...BULK_TABLES, 'office', 'advisor_assignment_log', 'advisor_directory'];
const GOALS = [
  'Jeg vil ha en fast jobb i butikk innen ett år.',
  'Komme tilbake i jobb som sykepleier etter sykemeldingen.',
  'Få fagbrev som elektriker og jobbe i byggebransjen.',
  'Jobbe deltid ved siden av studiene.',
  'Finne en jobb der jeg kan bruke språkene mine.',
];

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function existingSeed(url: string): Promise<SeedInfo | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const { rows } = await client.query<{ value: SeedInfo }>(
      `select value from bench_meta where key = 'seed' and to_regclass('bench_meta') is not null`,
    );
    return rows[0] ? { ...rows[0].value, reused: true } : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/** Drops and recreates the database, then seeds it (the caller has checked for a complete seed). */
export async function reseed(url: string, options: { log: (line: string) => void }): Promise<SeedInfo> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`DATABASE_URL: the benchmark database name must be a plain identifier, not "${name}"`);
  }
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return seed(url, options.log);
}

async function timed(steps: Record<string, number>, step: string, log: (line: string) => void, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  steps[step] = Math.round(performance.now() - started) / 1000;
  log(`  ${step}: ${steps[step]!.toFixed(1)} s`);
}

/** Runs jobs on the connections side by side; each connection takes the next job when done. */
async function parallel(clients: pg.Client[], jobs: string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < jobs.length) {
        await client.query(jobs[next++]!);
      }
    }),
  );
}

async function seed(url: string, log: (line: string) => void): Promise<SeedInfo> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  const seedId = crypto.randomUUID();
  log(`seeding ${PERSONS.toLocaleString('en')} persons into ${new URL(url).pathname.slice(1)} …`);
  await timed(steps, 'migrate', log, async () => {
    const database = await openDatabase({ url, poolSize: 1 });
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
  });
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await Promise.all(clients.map((c) => c.connect()));
  const [main] = clients as [pg.Client, pg.Client];
  try {
    for (const client of clients) {
      await client.query(`set maintenance_work_mem = '512MB'; set work_mem = '1GB'; set jit = off; set wal_compression = lz4`);
    }
    await timed(steps, 'persons staged', log, async () => {
      await main.query(`create table bench_meta (key text primary key, value jsonb not null)`);
      await main.query(`create table bench_person (
        n int primary key, national_id text not null, given_name text not null, family_name text not null, office_id text not null,
        protected_address text, nav_employee boolean not null, language text not null, manual boolean not null, reserved boolean not null,
        person_id uuid not null, period_id uuid not null, started_at timestamptz not null, acts int not null, goal_versions int not null)`);
      const list = offices();
      await main.query(`insert into office (id, name) select * from unnest($1::text[], $2::text[])`, [list.map((o) => o.id), list.map((o) => o.name)]);
      let batch: ReturnType<typeof people> extends Generator<infer P> ? P[] : never = [];
      const flush = async () => {
        const col = <K extends keyof (typeof batch)[number]>(key: K) => batch.map((p) => p[key]);
        await main.query(
          `insert into bench_person (n, national_id, given_name, family_name, office_id, protected_address, nav_employee, language, manual, reserved,
                                     person_id, period_id, started_at, acts, goal_versions)
           select n, id, g, f, o, pa, ne, l, m, r, ${uuidOf('hashint8extended(n, 1)', 'hashint8extended(n, 2)')},
                  ${uuidOf('hashint8extended(n, 3)', 'hashint8extended(n, 4)')}, now() - (200 + abs(hashint8(n::bigint)) % 700) * interval '1 day' - (n % 86400) * interval '1 second',
                  1 + abs(hashint8(n::bigint + 7000000000000)) % 19, 1 + n % 3
             from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::text[], $9::bool[], $10::bool[])
                  as t(n, id, g, f, o, pa, ne, l, m, r)`,
          [col('n'), col('nationalId'), col('givenName'), col('familyName'), col('officeId'), col('protectedAddress'), col('navEmployee'), col('language'), col('manual'), col('reserved')],
        );
        batch = [];
      };
      for (const person of people()) {
        batch.push(person);
        if (batch.length === 10_000) {
          await flush();
        }
      }
      await flush();
      await main.query(`analyze bench_person`);
      await main.query(createDetailsVariants());
    });
    let saved: SavedKeys | undefined;
    await timed(steps, 'keys dropped', log, async () => {
      saved = await dropKeys(main, BULK_TABLES);
      await main.query(citizenActionTriggers(false));
    });
    const pick = (values: string[], hash: string) => `(array[${values.map((v) => `'${v}'`).join(',')}])[1 + (${hash}) % ${values.length}]`;
    const ident = `'Z' || (100000 + (n % 997) * 7)::text`;
    const personJobs = [
        `insert into person (id, "nationalId", "givenName", "familyName", "protectedAddress", "navEmployee", "officeId", language, "registerRefreshedAt", "createdAt",
                             ${PERSON_WORKSPACE_COLUMNS})
         select person_id, national_id, given_name, family_name, protected_address, nav_employee, office_id, language,
                now() - (n % 30) * interval '1 day', started_at - interval '1 day', ${personWorkspaceValues()} from bench_person order by n`,
        `insert into follow_up_period (id, "personId", "startedAt", "startedByIdent")
         select period_id, person_id, started_at, ${ident} from bench_person order by n;
         insert into follow_up_period ("personId", "startedAt", "startedByIdent", "endedAt", "endedByIdent")
         select person_id, started_at - interval '400 days', ${ident}, started_at - interval '30 days', ${ident} from bench_person where n % 5 = 0`,
        `insert into manual_follow_up_log ("personId", manual, reason, "actorRole", "actorIdent", "createdAt")
         select person_id, true, 'Ønsker å få planen på papir', 'ADVISOR', ${ident}, started_at + interval '1 day' from bench_person
          where manual or abs(hashint8(n::bigint + 9000000000000)) % 33 = 1 order by n;
         insert into manual_follow_up_log ("personId", manual, reason, "actorRole", "actorIdent", "createdAt")
         select person_id, false, 'Bruker nå den digitale planen', 'ADVISOR', ${ident}, started_at + interval '20 days' from bench_person
          where not manual and abs(hashint8(n::bigint + 9000000000000)) % 33 = 1 order by n`,
        `insert into goal_version ("periodId", version, text, "changedAt", "actorRole", "actorIdent")
         select period_id, v, ${pick(GOALS, 'n + v')}, started_at + v * interval '1 day', case when v % 2 = 1 then 'CITIZEN' else 'ADVISOR' end,
                case when v % 2 = 1 then null else ${ident} end
           from bench_person cross join generate_series(1, goal_versions) v;
         insert into goal ("periodId", "personId", text, version, "changedAt", "actorRole", "actorIdent", "citizenReadVersion", "navReadVersion")
         select period_id, person_id, ${pick(GOALS, 'n + goal_versions')}, goal_versions, started_at + goal_versions * interval '1 day',
                case when goal_versions % 2 = 1 then 'CITIZEN' else 'ADVISOR' end, case when goal_versions % 2 = 1 then null else ${ident} end,
                case when n % 5 <> 1 then goal_versions else goal_versions - 1 end, goal_versions
           from bench_person`,
      ];
    const slots = Array.from({ length: MAX_SLOTS }, (_, i) => i + 1);
    await timed(steps, 'persons, activities, versions', log, () => parallel(clients, [...personJobs, ...slots.map(insertSlot)]));
    await timed(steps, 'dialog threads and messages', log, async () => {
      await parallel(clients, dialogJobs());
      for (const job of dialogFinish()) {
        await main.query(job);
      }
    });
    await timed(steps, 'assignments and advisor directory', log, () => parallel(clients, workspaceJobs()));
    await timed(steps, 'keys rebuilt', log, () => restoreKeys(clients, saved!, process.env.BENCH_VERBOSE ? log : undefined));
    await timed(steps, 'workspace attention', log, async () => {
      await main.query('select refresh_all_person_attention()');
      await main.query(citizenActionTriggers(true));
    });
    await timed(steps, 'vacuum analyze', log, () => parallel(clients, ['office', 'bench_person', 'advisor_assignment_log', 'advisor_directory', 'person_attention', ...BULK_TABLES].map((t) => `vacuum (analyze) ${t}`)));
    // Writes everything out now: otherwise the first measured commits wait behind gigabytes of writeback.
    await timed(steps, 'checkpoint', log, () => main.query('checkpoint'));
    const counts: Record<string, number> = {};
    for (const table of COUNTED) {
      const { rows } = await main.query<{ n: string }>(`select count(*) as n from ${table}`);
      counts[table] = Number(rows[0]!.n);
    }
    const { rows: size } = await main.query<{ bytes: string }>(`select pg_database_size(current_database()) as bytes`);
    counts.databaseBytes = Number(size[0]!.bytes);
    const info: SeedInfo = { seedId, reused: false, seconds: Math.round(performance.now() - started) / 1000, steps, counts, migrations: migrations.map((m) => m.name) };
    await main.query(`insert into bench_meta (key, value) values ('seed', $1)`, [JSON.stringify(info)]);
    log(`seeded in ${info.seconds.toFixed(1)} s`);
    return info;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}
