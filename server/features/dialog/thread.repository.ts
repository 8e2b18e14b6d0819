import { sql, type Insertable, type Selectable } from 'kysely';
import type { DialogSide } from '#common/schemas/dialog.ts';
import type { DbOrTx } from '#server/db/database.ts';
import type { MessageTable, ThreadStatusEvent, ThreadTable } from '#server/db/types.ts';
import type { LiveEventSql } from '#server/live/live.repository.ts';
import { liveEventCtes } from '#server/live/live.repository.ts';
import { insertOutboxSql, type OutboxTopic } from '#server/outbox/outbox.repository.ts';
import { PREVIEW_LENGTH } from './dialog.rules.ts';
import { removeSql as removeDraftsSql } from './draft.repository.ts';

export type ThreadRow = Selectable<ThreadTable>;

/** A message with the name of the office NAV wrote from. */
export type MessageRow = Selectable<MessageTable> & { officeName: string | null };

/** A thread as the list shows it: with the start of its newest message the caller may see. */
export type ThreadListRow = ThreadRow & { preview: string | null; lastSenderRole: string | null };

/**
 * The KVP rule in SQL: a row without a KVP office, or at one of the viewer's offices. The one
 * definition for threads, messages, previews and counts (a null filter, the citizen's, is no filter).
 */
function kvpVisible(column: 'thread.kvpOfficeId' | 'message.kvpOfficeId', offices: readonly string[]) {
  const ref = sql.ref(column);
  return offices.length > 0 ? sql<boolean>`(${ref} is null or ${ref} in (${sql.join([...offices])}))` : sql<boolean>`${ref} is null`;
}

/** The columns holding one side's read state. */
export function readColumns(side: DialogSide) {
  return side === 'CITIZEN'
    ? ({ unread: 'unreadForCitizen', readMessageId: 'citizenReadMessageId', readAt: 'citizenReadAt' } as const)
    : ({ unread: 'unreadForNav', readMessageId: 'navReadMessageId', readAt: 'navReadAt' } as const);
}

/** KVP content seen by advisors at these offices only; null sees all. */
type KvpFilter = readonly string[] | null;

export async function getThread(db: DbOrTx, id: string): Promise<ThreadRow | undefined> {
  return db.selectFrom('thread').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the thread; the caller has locked its person first (the one lock order of every dialog write). */
export async function getThreadForUpdate(db: DbOrTx, id: string): Promise<ThreadRow | undefined> {
  return db.selectFrom('thread').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function getThreadOfActivityForUpdate(db: DbOrTx, activityId: string): Promise<ThreadRow | undefined> {
  return db.selectFrom('thread').selectAll().where('activityId', '=', activityId).forUpdate().executeTakeFirst();
}

/**
 * Inserts a thread without messages yet (version 0: its first message makes it 1). About an
 * activity that already has a thread the insert does nothing and undefined comes back, so that
 * the caller appends to that thread instead.
 */
export async function insertThread(db: DbOrTx, values: Insertable<ThreadTable>): Promise<ThreadRow | undefined> {
  return db
    .insertInto('thread')
    .values({ ...values, version: 0 })
    .onConflict((oc) => oc.column('activityId').where('activityId', 'is not', null).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** What one message does to the database; written by writeMessage in one statement. */
export interface MessageWrite {
  message: Insertable<MessageTable> & { personId: string; threadId: string };
  /** The thread's next state, computed under its lock; the columns named in `toMessageId` get the new message's id. */
  thread: { set: Partial<Omit<ThreadRow, 'id' | 'version'>>; toMessageId: readonly ('lastMessageId' | 'citizenReadMessageId' | 'navReadMessageId')[] };
  statusLog: { events: readonly ThreadStatusEvent[]; actor: { role: string; ident: string | null }; at: Date };
  /** Outbox events (ids only); `withMessageId` adds the new message's id to the payload as `messageId`. */
  outbox: readonly { topic: OutboxTopic; aggregateId: string; payload: Record<string, unknown>; withMessageId: boolean; at: Date }[];
  /** The live event, its payload given the new message's id as `messageId`; its KVP office is the message's. */
  live: Omit<LiveEventSql, 'payload' | 'kvpOfficeId'> & { payload: Record<string, string> } | null;
  /** The author's drafts that go with the message. */
  drafts: { author: string; threadKeys: readonly string[] } | null;
}

const columnsAndValues = (row: Record<string, unknown>) => {
  const columns = Object.keys(row).filter((c) => row[c] !== undefined);
  return sql`(${sql.join(columns.map((c) => sql.ref(c)))}) values (${sql.join(columns.map((c) => row[c]))})`;
};

/**
 * A message, the thread's next state, the status log, the outbox events, the author's drafts and
 * the live event, all in one statement (one round trip instead of six on the dialog's busiest
 * write). The live event comes last in the transaction anyway (liveEventCtes); nothing here reads
 * another part's writes but through the new message's id.
 */
export async function writeMessage(tx: DbOrTx, write: MessageWrite): Promise<{ thread: ThreadRow; messageId: number }> {
  const { message, thread, statusLog } = write;
  const newId = sql`(select id from m)`;
  const set = [
    ...Object.entries(thread.set)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => sql`${sql.ref(column)} = ${value}`),
    ...thread.toMessageId.map((column) => sql`${sql.ref(column)} = ${newId}`),
    sql`version = version + 1`,
  ];
  const parts = [
    sql`m as (insert into message ${columnsAndValues(message)} returning id, "kvpOfficeId")`,
    sql`t as (update thread set ${sql.join(set)} where id = ${message.threadId} returning *)`,
  ];
  if (statusLog.events.length > 0) {
    const rows = statusLog.events.map((event) => sql`(${message.threadId}::uuid, ${message.personId}::uuid, ${event}, ${statusLog.actor.role}, ${statusLog.actor.ident}, ${statusLog.at}::timestamptz)`);
    parts.push(sql`s as (insert into thread_status_log ("threadId", "personId", event, "actorRole", "actorIdent", "createdAt") values ${sql.join(rows)})`);
  }
  if (write.outbox.length > 0) {
    const payload = (e: MessageWrite['outbox'][number]) =>
      e.withMessageId ? sql`${JSON.stringify(e.payload)}::jsonb || jsonb_build_object('messageId', ${newId}::text)` : sql`${JSON.stringify(e.payload)}::jsonb`;
    parts.push(sql`o as (${insertOutboxSql(write.outbox.map((e) => ({ topic: e.topic, aggregateId: e.aggregateId, payload: payload(e), at: e.at })))})`);
  }
  if (write.drafts && write.drafts.threadKeys.length > 0) {
    parts.push(sql`d as (${removeDraftsSql(message.personId, write.drafts.author, write.drafts.threadKeys)})`);
  }
  if (write.live) {
    const { payload, ...live } = write.live;
    parts.push(liveEventCtes({ ...live, payload: sql`${JSON.stringify(payload)}::jsonb || jsonb_build_object('messageId', ${newId}::text)`, kvpOfficeId: sql`(select "kvpOfficeId" from m)` }));
  }
  const notified = write.live ? sql`, (select count(*) from live_notified) as "liveNotified"` : sql``;
  const result = await sql<ThreadRow & { messageId: number }>`with ${sql.join(parts)} select t.*, ${newId} as "messageId"${notified} from t`.execute(tx);
  const row = result.rows[0];
  if (!row) {
    throw new Error('the message statement wrote no thread');
  }
  const { messageId, liveNotified: _notified, ...written } = row as ThreadRow & { messageId: number | string; liveNotified?: unknown };
  return { thread: written, messageId: Number(messageId) };
}

/** Writes the thread's next state (computed under its lock) and bumps its version. */
export async function updateThread(db: DbOrTx, id: string, set: Partial<Omit<ThreadRow, 'id' | 'version'>>): Promise<ThreadRow> {
  return db
    .updateTable('thread')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Marks everything in the thread read by one side, in one statement (so a message arriving at the
 * same moment is either counted as read or stays unread, never half). Undefined when nothing was
 * unread. Reading is not a change of the thread's content: the version stays.
 */
export async function markRead(db: DbOrTx, id: string, side: DialogSide, now: Date): Promise<ThreadRow | undefined> {
  const c = readColumns(side);
  return db
    .updateTable('thread')
    .set({ [c.unread]: 0, [c.readMessageId]: sql<number>`"lastMessageId"`, [c.readAt]: now })
    .where('id', '=', id)
    .where(c.unread, '>', 0)
    .returningAll()
    .executeTakeFirst();
}

export async function appendStatusLog(
  db: DbOrTx,
  thread: { id: string; personId: string },
  events: readonly ThreadStatusEvent[],
  actor: { role: string; ident: string | null },
  at: Date,
): Promise<void> {
  if (events.length === 0) {
    return;
  }
  await db
    .insertInto('thread_status_log')
    .values(events.map((event) => ({ threadId: thread.id, personId: thread.personId, event, actorRole: actor.role, actorIdent: actor.ident, createdAt: at })))
    .execute();
}

/** Logs that every thread of an ended period is closed with it (one statement). */
export async function logClosedWithPeriod(db: DbOrTx, periodId: string, at: Date): Promise<void> {
  await db
    .insertInto('thread_status_log')
    .columns(['threadId', 'personId', 'event', 'actorRole', 'actorIdent', 'createdAt'])
    .expression((eb) =>
      eb
        .selectFrom('thread')
        .select(['thread.id', 'thread.personId', sql.lit('CLOSED_WITH_PERIOD').as('event'), sql.lit('SYSTEM').as('actorRole'), sql<null>`null`.as('actorIdent'), sql<Date>`${at}::timestamptz`.as('createdAt')])
        .where('thread.periodId', '=', periodId),
    )
    .execute();
}

/** The messages of a thread the caller may see, oldest first, with the office names of NAV messages. */
export async function listMessages(db: DbOrTx, threadId: string, kvp: KvpFilter): Promise<MessageRow[]> {
  let query = db
    .selectFrom('message')
    .leftJoin('office', 'office.id', 'message.officeId')
    .selectAll('message')
    .select('office.name as officeName')
    .where('message.threadId', '=', threadId);
  if (kvp !== null) {
    query = query.where(kvpVisible('message.kvpOfficeId', kvp));
  }
  return query.orderBy('message.id').execute();
}

/**
 * The threads of one period, newest first, each with the start of its newest message the caller
 * may see: one statement, an index step per thread (never a scan of all messages).
 */
export async function listThreads(db: DbOrTx, personId: string, periodId: string, kvp: KvpFilter): Promise<ThreadListRow[]> {
  let query = db
    .selectFrom('thread')
    .leftJoinLateral(
      (eb) => {
        let last = eb
          .selectFrom('message')
          .select([sql<string>`left(message.text, ${sql.lit(PREVIEW_LENGTH)})`.as('preview'), 'message.senderRole as lastSenderRole'])
          .whereRef('message.threadId', '=', 'thread.id');
        if (kvp !== null) {
          last = last.where(kvpVisible('message.kvpOfficeId', kvp));
        }
        return last.orderBy('message.id', 'desc').limit(1).as('last');
      },
      (join) => join.onTrue(),
    )
    .selectAll('thread')
    .select(['last.preview', 'last.lastSenderRole'])
    .where('thread.personId', '=', personId)
    .where('thread.periodId', '=', periodId);
  if (kvp !== null) {
    query = query.where(kvpVisible('thread.kvpOfficeId', kvp));
  }
  return query.orderBy('thread.lastMessageAt', 'desc').orderBy('thread.lastMessageId', 'desc').execute();
}

/** How many threads of a period have something one side has not read. */
export async function countUnreadThreads(db: DbOrTx, personId: string, periodId: string, side: DialogSide, kvp: KvpFilter): Promise<number> {
  let query = db
    .selectFrom('thread')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('personId', '=', personId)
    .where('periodId', '=', periodId)
    .where(readColumns(side).unread, '>', 0);
  if (kvp !== null) {
    query = query.where(kvpVisible('thread.kvpOfficeId', kvp));
  }
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest period of a person (for a person without a current one), or null. */
export async function latestPeriodId(db: DbOrTx, personId: string): Promise<string | null> {
  const row = await db.selectFrom('follow_up_period').select('id').where('personId', '=', personId).orderBy('startedAt', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

export async function periodBelongsTo(db: DbOrTx, periodId: string, personId: string): Promise<boolean> {
  const row = await db.selectFrom('follow_up_period').select('id').where('id', '=', periodId).where('personId', '=', personId).executeTakeFirst();
  return row !== undefined;
}
