import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from '#server/db/database.ts';
import type { EscalationWarningTable } from '#server/db/types.ts';

export type WarningRow = Selectable<EscalationWarningTable>;

/** The warning in force for a person, if any (at most one: a partial unique index). */
export async function active(db: DbOrTx, personId: string): Promise<WarningRow | undefined> {
  return db.selectFrom('escalation_warning').selectAll().where('personId', '=', personId).where('stoppedAt', 'is', null).executeTakeFirst();
}

export async function getById(db: DbOrTx, id: string): Promise<WarningRow | undefined> {
  return db.selectFrom('escalation_warning').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getByIdForUpdate(db: DbOrTx, id: string): Promise<WarningRow | undefined> {
  return db.selectFrom('escalation_warning').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function listForPerson(db: DbOrTx, personId: string): Promise<WarningRow[]> {
  return db.selectFrom('escalation_warning').selectAll().where('personId', '=', personId).orderBy('startedAt', 'desc').orderBy('id', 'desc').execute();
}

export async function insert(db: DbOrTx, values: Insertable<EscalationWarningTable>): Promise<WarningRow> {
  return db.insertInto('escalation_warning').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Stops the warning if it is still in force; undefined when it was not. */
export async function stop(
  db: DbOrTx,
  id: string,
  stop: { stoppedAt: Date; stoppedByRole: 'ADVISOR' | 'SYSTEM'; stoppedByIdent: string | null; stopReason: string | null },
): Promise<WarningRow | undefined> {
  return db.updateTable('escalation_warning').set(stop).where('id', '=', id).where('stoppedAt', 'is', null).returningAll().executeTakeFirst();
}

/** Stops whatever warning of the person is in force (the period ended); undefined when none was. */
export async function stopActiveOfPerson(
  db: DbOrTx,
  personId: string,
  stop: { stoppedAt: Date; stoppedByRole: 'ADVISOR' | 'SYSTEM'; stoppedByIdent: string | null; stopReason: string | null },
): Promise<WarningRow | undefined> {
  return db.updateTable('escalation_warning').set(stop).where('personId', '=', personId).where('stoppedAt', 'is', null).returningAll().executeTakeFirst();
}
