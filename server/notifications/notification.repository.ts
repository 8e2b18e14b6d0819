import type { DbOrTx } from '#server/db/database.ts';
import type { NotificationKind } from '#server/db/types.ts';

export interface NotificationRow {
  id: string;
  personId: string;
  periodId: string | null;
  kind: NotificationKind;
  subjectId: string;
  status: 'PENDING' | 'HELD' | 'SENT' | 'CANCELLED';
  dueAt: Date;
  reason: string | null;
  attempts: number;
  mergedCount: number;
  sentAt: Date | null;
  channels: string[] | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The newest notification of these kinds about a thread or activity (what NAV is shown about it). */
export async function latestForSubject(db: DbOrTx, subjectId: string, kinds: readonly NotificationKind[]): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('subjectId', '=', subjectId)
    .where('kind', 'in', [...kinds])
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirst();
}
