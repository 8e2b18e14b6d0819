import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './types.ts';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Repositories take either the database or a transaction, so the caller decides the scope. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Set for the embedded database; used by LISTEN/NOTIFY and raw access in tests. */
  pglite?: PGlite;
  /** Set for a PostgreSQL server. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// Calendar dates stay 'YYYY-MM-DD' strings: a JavaScript Date would shift them by the time zone.
const DATE_OID = 1082;
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (value) => value);
pg.types.setTypeParser(INT8_OID, (value) => Number(value));

/** At most this many distinct statements are prepared; the rest run unnamed (no unbounded cache). */
const MAX_PREPARED_STATEMENTS = 500;

/**
 * Runs every parameterised statement as a named prepared statement, so PostgreSQL plans each
 * distinct statement once per connection instead of on every execution. Planning was more than
 * half of the database's CPU time on the plan read (bench/README.md). Statements are named by a
 * hash of their text; pg keeps the prepared ones per connection.
 */
function preparingPool(pool: pg.Pool) {
  const names = new Map<string, string>();
  const nameFor = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED_STATEMENTS) {
      name = `k${createHash('sha1').update(text).digest('base64url')}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    async connect() {
      const client = await pool.connect();
      return {
        query(text: unknown, parameters?: readonly unknown[]) {
          if (typeof text === 'string' && parameters && parameters.length > 0) {
            const name = nameFor(text);
            if (name) {
              return client.query({ name, text, values: parameters as unknown[] });
            }
          }
          return (client.query as (...args: unknown[]) => unknown)(text, parameters);
        },
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  } as unknown as pg.Pool;
}

export interface OpenDatabaseOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /**
   * An embedded database in memory starts from this copy of a data folder (PGlite's
   * `dumpDataDir`) instead of an empty one: the tests make one migrated copy per run.
   */
  snapshot?: Blob | undefined;
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database in `dataDir` (or memory). */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server closes (a restart, a failover, an administrator) reports an
    // error on the pool, which then drops that connection and opens a new one when next needed.
    // Without a listener Node treats it as unhandled and stops the process; with one, the requests
    // in flight fail on their own and nothing else is affected.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    // Kysely ends the pool only if it ever ran a query; migrate alone uses the pool directly.
    const close = async () => {
      await db.destroy();
      if (!pool.ending) {
        await pool.end();
      }
    };
    return { db, kind: 'postgres', pool, close };
  }
  if (options.dataDir) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  }
  const parsers = { [DATE_OID]: (value: string) => value, [INT8_OID]: (value: string) => Number(value) };
  const pglite = await PGlite.create(
    options.dataDir ? { dataDir: options.dataDir, parsers } : options.snapshot ? { loadDataDir: options.snapshot, parsers } : { parsers },
  );
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) {
        await pglite.close();
      }
    },
  };
}
