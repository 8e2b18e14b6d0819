import { sql } from 'kysely';
import type { DbOrTx } from '#server/db/database.ts';

export interface PeriodRow {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
}

export async function listForPerson(db: DbOrTx, personId: string): Promise<PeriodRow[]> {
  return db
    .selectFrom('follow_up_period')
    .select(['id', 'startedAt', 'endedAt'])
    .where('personId', '=', personId)
    .orderBy(sql`"endedAt" is null`, 'desc')
    .orderBy('startedAt', 'desc')
    .execute();
}

export async function insert(db: DbOrTx, personId: string, startedAt: Date, startedByIdent: string | null): Promise<PeriodRow> {
  return db
    .insertInto('follow_up_period')
    .values({ personId, startedAt, startedByIdent })
    .returning(['id', 'startedAt', 'endedAt'])
    .executeTakeFirstOrThrow();
}

/** Ends the period if it is still current; undefined when it was not. */
export async function end(db: DbOrTx, periodId: string, endedAt: Date, endedByIdent: string | null): Promise<PeriodRow | undefined> {
  return db
    .updateTable('follow_up_period')
    .set({ endedAt, endedByIdent })
    .where('id', '=', periodId)
    .where('endedAt', 'is', null)
    .returning(['id', 'startedAt', 'endedAt'])
    .executeTakeFirst();
}
