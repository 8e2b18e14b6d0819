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

export type NotificationStatus = NotificationRow['status'];
const OPEN: NotificationStatus[] = ['PENDING', 'HELD'];

/** Not yet sent nor cancelled: what a later event may merge into, move or cancel. */
export async function findOpen(tx: DbOrTx, subjectId: string, kinds: readonly NotificationKind[]): Promise<NotificationRow[]> {
  return tx
    .selectFrom('notification')
    .selectAll()
    .where('subjectId', '=', subjectId)
    .where('kind', 'in', [...kinds])
    .where('status', 'in', OPEN)
    .orderBy('createdAt')
    .forUpdate()
    .execute();
}

export async function insert(
  tx: DbOrTx,
  row: { personId: string; periodId: string | null; kind: NotificationKind; subjectId: string; dueAt: Date },
  now: Date,
): Promise<void> {
  await tx
    .insertInto('notification')
    .values({ ...row, status: 'PENDING', reason: null, createdAt: now, updatedAt: now })
    .execute();
}

/** One more event folded into a notification that has not gone out yet; its due time stays. */
export async function merge(tx: DbOrTx, id: string, now: Date): Promise<void> {
  await tx
    .updateTable('notification')
    .set((eb) => ({ mergedCount: eb('mergedCount', '+', 1), updatedAt: now }))
    .where('id', '=', id)
    .execute();
}

export async function reschedule(tx: DbOrTx, id: string, dueAt: Date, now: Date): Promise<void> {
  await tx.updateTable('notification').set({ dueAt, updatedAt: now }).where('id', '=', id).execute();
}

/** Cancels the open notifications of a subject (or of a person), optionally of some kinds only. */
export async function cancelOpen(
  tx: DbOrTx,
  scope: { subjectId: string } | { personId: string },
  kinds: readonly NotificationKind[] | null,
  reason: string,
  now: Date,
): Promise<number> {
  let query = tx.updateTable('notification').set({ status: 'CANCELLED', reason, updatedAt: now }).where('status', 'in', OPEN);
  query = 'subjectId' in scope ? query.where('subjectId', '=', scope.subjectId) : query.where('personId', '=', scope.personId);
  if (kinds) {
    query = query.where('kind', 'in', [...kinds]);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Due notifications, oldest first, read without locks (each is claimed on its own). */
export async function listDue(db: DbOrTx, now: Date, limit: number): Promise<Array<Pick<NotificationRow, 'id' | 'personId'>>> {
  return db
    .selectFrom('notification')
    .select(['id', 'personId'])
    .where('status', 'in', OPEN)
    .where('dueAt', '<=', now)
    .orderBy('dueAt')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Locks one due notification for the caller's transaction; undefined when another worker has it or it is no longer due. */
export async function claimDue(tx: DbOrTx, id: string, now: Date): Promise<NotificationRow | undefined> {
  return tx
    .selectFrom('notification')
    .selectAll()
    .where('id', '=', id)
    .where('status', 'in', OPEN)
    .where('dueAt', '<=', now)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export async function settle(
  tx: DbOrTx,
  id: string,
  change: { status: NotificationStatus; reason: string | null; dueAt?: Date; attempts?: number; sentAt?: Date; channels?: string[] },
  now: Date,
): Promise<void> {
  await tx
    .updateTable('notification')
    .set({ ...change, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export interface DeliveryLogEntry {
  channel: 'EMAIL' | 'SMS' | null;
  outcome: 'SENT' | 'FAILED' | 'HELD';
  detail: string | null;
}

export async function logDelivery(tx: DbOrTx, notificationId: string, entries: readonly DeliveryLogEntry[], now: Date): Promise<void> {
  if (entries.length > 0) {
    await tx
      .insertInto('notification_delivery_log')
      .values(entries.map((e) => ({ notificationId, ...e, createdAt: now })))
      .execute();
  }
}
