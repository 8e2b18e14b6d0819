import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { createScratchDatabase } from '#server/auth/session.test-helpers.ts';
import { testDatabaseKind } from '#test/test-database.ts';

/**
 * A PostgreSQL server may close a pooled connection at any time (a restart, a failover, an
 * administrator). The app must not stop for it: the pool drops the connection and opens another
 * for the next query. Runs in the db-postgres project only (PGlite has no connections to lose).
 */
const onServer = testDatabaseKind() === 'postgres';
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;

beforeAll(async () => {
  if (onServer) {
    scratch = await createScratchDatabase();
  }
});
afterAll(async () => {
  await scratch?.drop();
});

describe.runIf(onServer)('the connection pool on a PostgreSQL server', () => {
  it('survives the server closing an idle connection, and the next query gets a new one', async () => {
    const { database, url } = scratch!;
    const before = await database.pool!.query<{ pid: number }>('select pg_backend_pid() as pid');
    const pid = before.rows[0]!.pid;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    // Give the pool time to hear of it (an unhandled 'error' would fail this test file).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = await sql<{ n: number }>`select 1 as n`.execute(database.db);
    expect(after.rows[0]!.n).toBe(1);
    const again = await database.pool!.query<{ pid: number }>('select pg_backend_pid() as pid');
    expect(again.rows[0]!.pid).not.toBe(pid);
  });
});
