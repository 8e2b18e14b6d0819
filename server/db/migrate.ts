import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';

/** Arbitrary but fixed key: several app instances starting at once migrate one at a time. */
const MIGRATION_LOCK_KEY = 424242001;

const BOOKKEEPING = `create table if not exists schema_migration (
  name text primary key,
  "appliedAt" timestamptz not null default now()
)`;

/** Applies the migrations not yet applied, each in its own transaction. Returns the names applied. */
export async function migrate(database: Database): Promise<string[]> {
  const applied: string[] = [];
  if (database.pglite) {
    const pglite = database.pglite;
    await pglite.exec(BOOKKEEPING);
    const done = new Set((await pglite.query<{ name: string }>('select name from schema_migration')).rows.map((r) => r.name));
    for (const migration of migrations) {
      if (done.has(migration.name)) {
        continue;
      }
      await pglite.transaction(async (tx) => {
        await tx.exec(migration.up);
        await tx.query('insert into schema_migration (name) values ($1)', [migration.name]);
      });
      applied.push(migration.name);
    }
    return applied;
  }
  const pool = database.pool;
  if (!pool) {
    throw new Error('database has neither an embedded nor a server connection');
  }
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(BOOKKEEPING);
    const done = new Set((await client.query<{ name: string }>('select name from schema_migration')).rows.map((r) => r.name));
    for (const migration of migrations) {
      if (done.has(migration.name)) {
        continue;
      }
      await client.query('begin');
      try {
        // No parameters: the simple query protocol runs the whole multi-statement script.
        await client.query(migration.up);
        await client.query('insert into schema_migration (name) values ($1)', [migration.name]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}
