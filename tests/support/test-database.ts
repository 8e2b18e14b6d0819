import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '#server/db/database.ts';
import { migrate } from '#server/db/migrate.ts';

/**
 * A fresh database per test file: embedded PGlite in memory by default, or a new database made
 * from a migrated template on the PostgreSQL server of TEST_DATABASE_URL when TEST_DB=postgres.
 */
/** One template per test run (vitest.config.ts names it), so parallel runs never share one. */
export function templateDatabase(): string {
  return process.env.TEST_TEMPLATE_DB ?? 'aktivitetsplan_test_template';
}

export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function serverUrl(database?: string): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error('TEST_DATABASE_URL is required for tests on a PostgreSQL server');
  }
  if (!database) {
    return url;
  }
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Drops the run's template (vitest globalSetup teardown). */
export async function dropTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${templateDatabase()} with (force)`);
  } finally {
    await admin.end();
  }
}

/** Creates the migrated template once per test run (vitest globalSetup). */
export async function prepareTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${templateDatabase()}`);
    await admin.query(`create database ${templateDatabase()}`);
  } finally {
    await admin.end();
  }
  const template = await openDatabase({ url: serverUrl(templateDatabase()), poolSize: 1 });
  try {
    await migrate(template);
  } finally {
    await template.close();
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated embedded database of this run (PGlite's dumpDataDir), for `createTestDatabase`. */
    pgliteSnapshot?: string;
  }
}

/**
 * Migrates an embedded database once per test run and saves its data folder to a file
 * (vitest globalSetup): a file's database then starts from a copy, which takes a third of the time
 * that starting an empty one and migrating it does. Returns the file and its removal.
 */
export async function preparePgliteSnapshot(): Promise<{ file: string; remove: () => void }> {
  const database = await openDatabase({});
  try {
    await migrate(database);
    const dump = await database.pglite!.dumpDataDir('none');
    const file = path.join(os.tmpdir(), `aktivitetsplan-pglite-${process.pid}-${Date.now().toString(36)}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return { file, remove: () => rmSync(file, { force: true }) };
  } finally {
    await database.close();
  }
}

let snapshot: { file: string; blob: Blob } | undefined;

/** The run's migrated copy, read once per worker; undefined when the project made none. */
function pgliteSnapshot(): Blob | undefined {
  const file = inject('pgliteSnapshot');
  if (!file) {
    return undefined;
  }
  if (snapshot?.file !== file) {
    snapshot = { file, blob: new Blob([readFileSync(file)]) };
  }
  return snapshot.blob;
}

export interface TestDatabase {
  database: Database;
  /** Drops the database (server) or closes it (embedded). */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'pglite') {
    const copy = pgliteSnapshot();
    const database = await openDatabase({ snapshot: copy });
    if (!copy) {
      await migrate(database);
    }
    return { database, dispose: () => database.close() };
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  // Several test files copy the template at once, and PostgreSQL allows one copy at a time.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${templateDatabase()}`);
      break;
    } catch (error) {
      if (attempt > 100 || !/being accessed by other users/.test(String(error))) {
        await admin.end();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
  await admin.end();
  const database = await openDatabase({ url: serverUrl(name), poolSize: 5 });
  return {
    database,
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
