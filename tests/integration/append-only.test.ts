import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, rawSql, type RawSql } from '#test/raw-sql.ts';
import { startTestApp, type TestApp } from '#test/test-app.ts';

/**
 * History is never changed or deleted (architecture.md, "Data"): the database itself refuses
 * UPDATE, DELETE and TRUNCATE on every append-only table. The tables are found by name in the
 * catalog, so a history table added later is covered without touching this test.
 */
const HISTORY_TABLES_SQL = `
  select c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = current_schema()
     and c.relkind in ('r', 'p')
     and (c.relname like '%\\_version' or c.relname like '%\\_log' or c.relname in ('message', 'audit_record'))
   order by 1`;

let app: TestApp;
let sql: RawSql;
let tables: string[];

const day = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

async function count(table: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`select count(*)::int as n from ${ident(table)}`);
  return Number(row?.n);
}

/** The rows as text, so that a change in any column shows. */
async function digest(table: string): Promise<string> {
  const [row] = await sql.query<{ d: string }>(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d from ${ident(table)} t`);
  return String(row?.d);
}

async function firstColumn(table: string): Promise<string> {
  const [row] = await sql.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position limit 1`,
    [table],
  );
  if (!row) {
    throw new Error(`no columns in ${table}`);
  }
  return row.column_name;
}

beforeAll(async () => {
  app = await startTestApp();
  sql = rawSql(app.testDb.database);
  const { personId } = await app.startPeriod('kari');
  const vera = await app.as('vera');
  const kari = await app.as('kari');

  // A goal written and changed: two goal versions.
  const goal = await vera.put(`/api/persons/${personId}/goal`, { version: 0, text: 'Work in a bakery' });
  expect(goal.status).toBe(200);
  expect((await kari.put(`/api/persons/${personId}/goal`, { version: goal.body.version, text: 'Work in a bakery by summer' })).status).toBe(200);

  // An activity agreed with NAV with a standard advance notice, which the citizen confirms reading.
  const today = app.clock.now();
  const created = await vera.post(`/api/persons/${personId}/activities`, {
    type: 'SELF_DIRECTED',
    title: 'Course in food hygiene',
    fromDate: day(today, 0),
    toDate: day(today, 60),
  });
  expect(created.status).toBe(201);
  const agreed = await vera.put(`/api/activities/${created.body.id}/agreement`, { version: created.body.version, advanceNotice: { type: 'STANDARD' } });
  expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
  // The notification worker sends the notice's e-mail and SMS: two delivery log rows.
  await app.server.worker.runOnce();
  const read = await kari.post(`/api/activities/${created.body.id}/advance-notice/confirmation`, { version: agreed.body.version });
  expect(read.status, JSON.stringify(read.body)).toBe(200);

  // A conversation: its messages and its status log.
  const thread = await kari.post(`/api/persons/${personId}/threads`, { subject: 'My course', text: 'When does it start?' });
  expect(thread.status, JSON.stringify(thread.body)).toBe(201);
  expect((await vera.post(`/api/threads/${thread.body.thread.id}/messages`, { text: 'On Monday.' })).status).toBe(201);

  // A switch to manual follow-up and an assignment: the digital/manual log and the assignment log.
  expect((await vera.put(`/api/persons/${personId}/follow-up-mode`, { manual: true, reason: 'Prefers paper' })).status).toBe(200);
  expect((await vera.get('/api/me')).status).toBe(200); // the advisor directory learns of Vera
  const assigned = await vera.put(`/api/persons/${personId}/assignment`, { advisorIdent: 'Z990001' });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  // Vera's reads and writes above are in the audit log.

  tables = (await sql.query<{ name: string }>(HISTORY_TABLES_SQL)).map((r) => r.name);
});
afterAll(() => app?.close());

describe('history tables refuse every change, on the database itself', () => {
  it('finds the history tables by name in the catalog', () => {
    expect(tables.length).toBeGreaterThan(0);
    expect(tables).toEqual(expect.arrayContaining(['activity_version', 'goal_version', 'advance_notice_version', 'manual_follow_up_log']));
  });

  it('has rows in every history table, so that a refusal is tried on real history', async () => {
    for (const table of tables) {
      // A new history table needs data made above; an empty table would let a missing row trigger pass.
      expect.soft(await count(table), `${table} has no rows: add data for it in this test's beforeAll`).toBeGreaterThan(0);
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE on each history table and keeps every row', async () => {
    for (const table of tables) {
      const column = ident(await firstColumn(table));
      const rowsBefore = await count(table);
      const before = await digest(table);
      const statements = {
        UPDATE: `update ${ident(table)} set ${column} = ${column}`,
        DELETE: `delete from ${ident(table)}`,
        TRUNCATE: `truncate ${ident(table)}`,
      };
      for (const [operation, statement] of Object.entries(statements)) {
        const outcome = await sql.query(statement).then(
          () => 'accepted',
          (error: unknown) => String((error as Error).message),
        );
        expect.soft(outcome, `${operation} on ${table}`).toMatch(new RegExp(`append-only table ${table}: ${operation} refused`));
        expect.soft(await count(table), `rows of ${table} after ${operation}`).toBe(rowsBefore);
      }
      expect.soft(await digest(table), `content of ${table}`).toBe(before);
    }
  });

  it('lets the same UPDATE through on a changeable table, so the refusals above are the triggers at work', async () => {
    const outcome = await sql.query('update outbox set attempts = attempts').then(
      () => 'accepted',
      (error: unknown) => String(error),
    );
    expect(outcome).toBe('accepted');
    expect(tables).not.toContain('outbox');
    expect(tables).not.toContain('read_state');
  });
});
