import type { Database } from '#server/db/database.ts';

/**
 * Plain SQL straight to the test database, past Kysely and the app: the embedded PGlite or the
 * server pool, whichever the test runs on. For tests that must see the database as it is (the
 * catalog, triggers, row digests), not as the repositories present it.
 */
export interface RawSql {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export function rawSql(database: Database): RawSql {
  if (database.pglite) {
    const pglite = database.pglite;
    return { query: async <R>(text: string, params?: unknown[]) => (await pglite.query<R>(text, params)).rows };
  }
  const pool = database.pool;
  if (!pool) {
    throw new Error('the test database has neither an embedded nor a server connection');
  }
  return { query: async <R>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as R[] };
}

/** Double-quotes an identifier read from the catalog. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
