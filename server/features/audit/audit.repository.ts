import { sql, type Selectable } from 'kysely';
import type { DbOrTx } from '#server/db/database.ts';
import type { AuditRecordTable } from '#server/db/types.ts';

/** One audit record as written (its id comes from the sequence). */
export type AuditEntry = Omit<Selectable<AuditRecordTable>, 'id'>;

export async function insertAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_record')
    .values({ ...entry, query: entry.query === null ? null : JSON.stringify(entry.query) })
    .execute();
}

export interface VisitRow {
  actorIdent: string;
  actorName: string;
  actorOfficeId: string | null;
  officeName: string | null;
  bucket: Date;
  first: Date;
  last: Date;
  opened: string[] | null;
  changed: string[] | null;
}

/**
 * The advisors' reads and writes of one person, one row per advisor and half hour, newest first.
 * The half hours are counted from the epoch, which in Europe/Oslo falls on :00 and :30 too.
 */
export async function visitsOf(db: DbOrTx, personId: string, range: { before: Date | null; from?: Date }, limit: number | null): Promise<VisitRow[]> {
  const bucket = sql<Date>`to_timestamp(floor(extract(epoch from audit_record.at) / 1800) * 1800)`;
  let query = db
    .selectFrom('audit_record')
    .leftJoin('office', 'office.id', 'audit_record.actorOfficeId')
    .where('audit_record.personId', '=', personId)
    .where('audit_record.action', 'in', ['READ', 'WRITE']);
  if (range.before) {
    query = query.where('audit_record.at', '<', range.before);
  }
  if (range.from) {
    query = query.where('audit_record.at', '>=', range.from);
  }
  const { rows } = await sql<VisitRow>`
    select "actorIdent", max("actorName") as "actorName", "actorOfficeId", max("officeName") as "officeName", bucket,
           min(at) as first, max(at) as last,
           array_agg(distinct subject) filter (where action = 'READ') as opened,
           array_agg(distinct subject) filter (where action = 'WRITE') as changed
      from (${query.select(['audit_record.id', 'audit_record.actorIdent', 'audit_record.actorName', 'audit_record.actorOfficeId', 'office.name as officeName', 'audit_record.at', 'audit_record.action', 'audit_record.subject']).select(bucket.as('bucket'))}) records
     group by "actorIdent", "actorOfficeId", bucket
     order by bucket desc, max(at) desc, max(id) desc
     ${limit === null ? sql`` : sql`limit ${limit}`}`.execute(db);
  return rows;
}
