import { sql, type Selectable } from 'kysely';
import type { DbOrTx } from '#server/db/database.ts';
import type { KvpPeriodTable, ManualFollowUpLogTable } from '#server/db/types.ts';

export type ModeRow = Pick<Selectable<ManualFollowUpLogTable>, 'manual' | 'reason' | 'actorRole' | 'actorIdent' | 'createdAt'>;
export type KvpRow = Selectable<KvpPeriodTable>;

/** Every digital/manual switch of a person, newest first (the log is append-only; the first row is the current mode). */
export async function listModes(db: DbOrTx, personId: string): Promise<ModeRow[]> {
  return db
    .selectFrom('manual_follow_up_log')
    .select(['manual', 'reason', 'actorRole', 'actorIdent', 'createdAt'])
    .where('personId', '=', personId)
    .orderBy('id', 'desc')
    .execute();
}

export async function appendMode(
  db: DbOrTx,
  entry: { personId: string; manual: boolean; reason: string | null; actorRole: 'CITIZEN' | 'ADVISOR'; actorIdent: string | null; createdAt: Date },
): Promise<void> {
  await db.insertInto('manual_follow_up_log').values(entry).execute();
}

export interface AssignmentRow {
  advisorIdent: string | null;
  advisorName: string | null;
  assignedAt: Date | null;
}

/** Who follows the person up, with the advisor's name as last seen (null when never seen here). */
export async function getAssignment(db: DbOrTx, personId: string): Promise<AssignmentRow | undefined> {
  return db
    .selectFrom('person')
    .leftJoin('advisor_directory', 'advisor_directory.ident', 'person.assignedAdvisorIdent')
    .select(['person.assignedAdvisorIdent as advisorIdent', 'advisor_directory.name as advisorName', 'person.assignedAt'])
    .where('person.id', '=', personId)
    .executeTakeFirst();
}

/** Appends the assignment to its log and makes it the person's current one, "new" to the advisor until opened. */
export async function assign(db: DbOrTx, personId: string, advisorIdent: string, actorIdent: string, at: Date): Promise<void> {
  await db.insertInto('advisor_assignment_log').values({ personId, advisorIdent, assignedAt: at, actorIdent }).execute();
  await db
    .updateTable('person')
    .set({ assignedAdvisorIdent: advisorIdent, assignedAt: at, assigneeOpenedAt: null })
    .where('id', '=', personId)
    .execute();
}

/** An advisor the app has seen, with their name, if one of their offices is this one. */
export async function advisorAtOffice(db: DbOrTx, ident: string, officeId: string): Promise<{ ident: string; name: string } | undefined> {
  return db
    .selectFrom('advisor_directory')
    .select(['ident', 'name'])
    .where('ident', '=', ident)
    .where(sql<boolean>`${officeId}::text = any(offices)`)
    .executeTakeFirst();
}

/** The advisors the app has seen at an office, by name. */
export async function advisorsAtOffice(db: DbOrTx, officeId: string): Promise<Array<{ ident: string; name: string }>> {
  return db
    .selectFrom('advisor_directory')
    .select(['ident', 'name'])
    .where(sql<boolean>`${officeId}::text = any(offices)`)
    .orderBy('name')
    .orderBy('ident')
    .execute();
}

/** A person's KVP periods, newest first. */
export async function listKvp(db: DbOrTx, personId: string): Promise<KvpRow[]> {
  return db.selectFrom('kvp_period').selectAll().where('personId', '=', personId).orderBy('startedAt', 'desc').orderBy('id', 'desc').execute();
}

export async function getKvp(db: DbOrTx, personId: string, kvpPeriodId: string): Promise<KvpRow | undefined> {
  return db.selectFrom('kvp_period').selectAll().where('id', '=', kvpPeriodId).where('personId', '=', personId).executeTakeFirst();
}

export async function insertKvp(db: DbOrTx, row: { personId: string; officeId: string; startedAt: Date; startedByIdent: string; startReason: string }): Promise<KvpRow> {
  return db.insertInto('kvp_period').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Ends the KVP period if it is still open; undefined when it was not. */
export async function endKvp(db: DbOrTx, kvpPeriodId: string, end: { endedAt: Date; endedByIdent: string; endReason: string }): Promise<KvpRow | undefined> {
  return db.updateTable('kvp_period').set(end).where('id', '=', kvpPeriodId).where('endedAt', 'is', null).returningAll().executeTakeFirst();
}
