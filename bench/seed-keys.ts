import type pg from 'pg';

/**
 * Primary keys, unique constraints, foreign keys and indexes of the bulk-loaded tables, saved as
 * PostgreSQL prints them, dropped before the bulk load and rebuilt after it from the very same
 * definitions: loading without them is several times faster, and the schema ends as migrated.
 */
export interface SavedKeys {
  /** ALTER TABLE … ADD CONSTRAINT for primary keys and unique constraints, and CREATE INDEX. */
  keys: { table: string; sql: string }[];
  /** ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY, rebuilt (and so validated) last. */
  foreignKeys: { table: string; references: string; sql: string }[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function dropKeys(client: pg.Client, tables: string[]): Promise<SavedKeys> {
  const { rows: constraints } = await client.query<{ tbl: string; ref: string | null; name: string; type: string; def: string }>(
    `select c.conrelid::regclass::text as tbl, c.confrelid::regclass::text as ref, c.conname as name, c.contype as type,
            pg_get_constraintdef(c.oid) as def
       from pg_constraint c
      where c.contype in ('p', 'u', 'f')
        and (c.conrelid = any($1::regclass[]) or (c.contype = 'f' and c.confrelid = any($1::regclass[])))`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ tbl: string; name: string; def: string }>(
    `select i.indrelid::regclass::text as tbl, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
       from pg_index i
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u'))`,
    [tables],
  );
  const foreign = constraints.filter((c) => c.type === 'f');
  const own = constraints.filter((c) => c.type !== 'f');
  for (const c of foreign) {
    await client.query(`alter table ${c.tbl} drop constraint ${quote(c.name)}`);
  }
  for (const c of own) {
    await client.query(`alter table ${c.tbl} drop constraint ${quote(c.name)}`);
  }
  for (const index of indexes) {
    await client.query(`drop index ${index.name}`);
  }
  return {
    keys: [
      ...own.map((c) => ({ table: c.tbl, sql: `alter table ${c.tbl} add constraint ${quote(c.name)} ${c.def}` })),
      ...indexes.map((i) => ({ table: i.tbl, sql: i.def })),
    ],
    foreignKeys: foreign.map((c) => ({ table: c.tbl, references: c.ref ?? '', sql: `alter table ${c.tbl} add constraint ${quote(c.name)} ${c.def}` })),
  };
}

/**
 * Rebuilds keys on all connections at once, largest tables first; then the foreign keys, those
 * that reference the same table one after another (each locks the table it references).
 */
export async function restoreKeys(clients: pg.Client[], saved: SavedKeys, log?: (line: string) => void): Promise<void> {
  const run = async (client: pg.Client, sql: string) => {
    const started = performance.now();
    await client.query(sql);
    log?.(`    ${((performance.now() - started) / 1000).toFixed(1)} s ${sql.slice(0, 110)}`);
  };
  const weight = (table: string) => (table === 'activity_version' ? 0 : table === 'activity' ? 1 : 2);
  const keys = [...saved.keys].sort((a, b) => weight(a.table) - weight(b.table));
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < keys.length) {
        await run(client, keys[next++]!.sql);
      }
    }),
  );
  const groups = new Map<string, string[]>();
  for (const fk of saved.foreignKeys) {
    groups.set(fk.references, [...(groups.get(fk.references) ?? []), fk.sql]);
  }
  const queue = [...groups.values()].sort((a, b) => b.length - a.length);
  await Promise.all(
    clients.map(async (client) => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        for (const sql of group) {
          await run(client, sql);
        }
      }
    }),
  );
}

/** What the measured requests read, besides the version history (appended to, not read). */
const WARM = [
  'person', 'follow_up_period', 'manual_follow_up_log', 'kvp_period', 'goal', 'activity', 'office', 'signing_key',
  // The advisor workspace's list (issue 5) reads threads' flags and the advisor directory.
  'thread', 'advisor_directory', 'office_setting',
];

/**
 * Reads the tables and indexes the measured requests touch into the operating system's page
 * cache (not into shared buffers), as a server that has been serving these persons would have
 * them, so that the first requests do not measure the disk. Includes the version history's
 * primary key, which every write inserts into at a random place.
 */
export async function warmCache(client: pg.Client): Promise<number> {
  await client.query('create extension if not exists pg_prewarm');
  const { rows } = await client.query<{ blocks: string }>(
    `select coalesce(sum(pg_prewarm(c.oid, 'read')), 0) as blocks
       from pg_class c
      where c.oid = any(array(select unnest($1::regclass[])))
         or c.oid in (select indexrelid from pg_index where indrelid = any($1::regclass[]))
         or c.oid = 'activity_version_pkey'::regclass`,
    [WARM],
  );
  return Number(rows[0]!.blocks);
}
