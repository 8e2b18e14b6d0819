import { ident, type RawSql } from './raw-sql.ts';

/**
 * The plan's state as one digest per table: every row as text, hashed. Taken before and after
 * requests that must be refused, it shows that a refusal changed nothing (and where, if it did).
 */
export const PLAN_TABLES = [
  'person',
  'follow_up_period',
  'manual_follow_up_log',
  'kvp_period',
  'goal',
  'goal_version',
  'activity',
  'activity_version',
  'advance_notice_version',
  'outbox',
] as const;

export async function planDigest(sql: RawSql, tables: readonly string[] = PLAN_TABLES): Promise<Record<string, string>> {
  const columns = tables
    .map((t) => `(select count(*) || ':' || md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from ${ident(t)} r) as ${ident(t)}`)
    .join(',\n');
  const [row] = await sql.query<Record<string, string>>(`select ${columns}`);
  return { ...row };
}
