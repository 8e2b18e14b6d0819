import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { DbOrTx } from '#server/db/database.ts';
import type { DraftTable } from '#server/db/types.ts';

export type DraftRow = Selectable<DraftTable>;

/** The author's drafts for a person in one period changed after `since`, oldest key first. */
export async function listOwn(db: DbOrTx, personId: string, author: string, periodId: string, since: Date): Promise<DraftRow[]> {
  return db
    .selectFrom('draft')
    .selectAll()
    .where('personId', '=', personId)
    .where('author', '=', author)
    .where('periodId', '=', periodId)
    .where('updatedAt', '>', since)
    .orderBy('updatedAt', 'desc')
    .execute();
}

/** One draft per person, author and thread key: a new text replaces the old one. */
export async function upsert(db: DbOrTx, row: DraftRow): Promise<void> {
  await db
    .insertInto('draft')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['personId', 'author', 'threadKey']).doUpdateSet({
        periodId: row.periodId,
        threadId: row.threadId,
        activityId: row.activityId,
        subject: row.subject,
        text: row.text,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();
}

export async function remove(db: DbOrTx, personId: string, author: string, threadKeys: readonly string[]): Promise<void> {
  if (threadKeys.length === 0) {
    return;
  }
  await removeSql(personId, author, threadKeys).execute(db);
}

/** The delete of an author's drafts, alone or within the statement that sends a message (threadKeys not empty). */
export function removeSql(personId: string, author: string, threadKeys: readonly string[]): RawBuilder<unknown> {
  return sql`delete from draft where "personId" = ${personId} and author = ${author} and "threadKey" in (${sql.join([...threadKeys])})`;
}

export async function removeAllOfPerson(db: DbOrTx, personId: string): Promise<void> {
  await db.deleteFrom('draft').where('personId', '=', personId).execute();
}

/** Deletes drafts not changed since `before`; returns how many. */
export async function removeOlderThan(db: DbOrTx, before: Date): Promise<number> {
  const result = await db.deleteFrom('draft').where('updatedAt', '<=', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
