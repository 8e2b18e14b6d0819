import { sql, type RawBuilder } from 'kysely';
import type { PublishedLiveEventKind } from '#common/schemas/dialog.ts';
import type { DbOrTx } from '#server/db/database.ts';

/** The PostgreSQL channel every app instance listens on (LISTEN/NOTIFY). */
export const LIVE_CHANNEL = 'live_event';

/** First key of the advisory lock that keeps one person's event ids in commit order ("LIVE"). */
const PERSON_LOCK_CLASS = 0x4c495645;

export type LiveAudience = 'ALL' | 'NAV' | 'CITIZEN';

export interface LiveEventInput {
  kind: PublishedLiveEventKind;
  /** Who may hear it; 'NAV' for what the citizen must not learn of (an unshared summary, NAV's own flags). */
  audience?: LiveAudience;
  actorSide: 'CITIZEN' | 'NAV' | null;
  /** Ids only: never text, names or national ids. */
  payload: Record<string, string>;
}

/** What goes through NOTIFY: the stored event, so listeners need not read it back. */
export interface LiveNotice {
  id: number;
  personId: string;
  kind: PublishedLiveEventKind;
  audience: LiveAudience;
  actorSide: 'CITIZEN' | 'NAV' | null;
  payload: Record<string, string>;
  at: string;
  /** The KVP office of what the event is about; null (or missing, from an older instance) when it is no KVP content. */
  kvpOfficeId?: string | null;
}

/** The offices whose KVP content a listener may hear of; null hears all (the citizen's own). */
export type KvpOffices = readonly string[] | null;

/** Whether a listener with these KVP offices may hear of this event (access-policy.ts canSeeKvpContent, for a stream). */
export function hearsKvp(kvpOffices: KvpOffices, kvpOfficeId: string | null | undefined): boolean {
  return kvpOfficeId === null || kvpOfficeId === undefined || kvpOffices === null || kvpOffices.includes(kvpOfficeId);
}

/** A live event as parts of a statement: the payload and the KVP office may be SQL over ids the same statement creates. */
export interface LiveEventSql {
  personId: string;
  kind: PublishedLiveEventKind;
  audience: LiveAudience;
  actorSide: 'CITIZEN' | 'NAV' | null;
  /** A jsonb expression of ids only: never text, names or national ids. */
  payload: RawBuilder<unknown>;
  /** The KVP office of what the event is about, or null. */
  kvpOfficeId: RawBuilder<string | null>;
  at: Date;
}

/**
 * The common table expressions that publish a live event within a statement: `live_lock` takes a
 * per-person advisory lock held until commit, so one person's events get their ids in the order
 * they commit and "everything after id N" never skips an event that committed late with a
 * smaller id; `live_event_row` stores the event, drawing its id after the lock; `live_notified`
 * notifies every app instance with the stored event, so listeners need not read it back. NOTIFY is
 * transactional: listeners hear it when, and only if, the change commits. The statement's main
 * query must read `live_notified` (a plain select in WITH runs only when read). The lock is held
 * until commit, so the statement comes after every row lock the transaction takes (no lock-order
 * hazard) and little should follow it: at most a few inserts (an activity's outbox events).
 */
export function liveEventCtes(event: LiveEventSql): RawBuilder<unknown> {
  const { personId, kind, audience, actorSide, at } = event;
  return sql`
    live_lock as (select pg_advisory_xact_lock(${sql.lit(PERSON_LOCK_CLASS)}, hashtext(${personId}::text)) as locked),
    live_event_row as (
      insert into live_event ("personId", kind, audience, "actorSide", payload, "createdAt", "kvpOfficeId")
      select ${personId}::uuid, ${kind}::text, ${audience}::text, ${actorSide}::text, ${event.payload}, ${at}::timestamptz, ${event.kvpOfficeId}
        from live_lock
      returning id, "kvpOfficeId", payload
    ),
    live_notified as (
      select pg_notify(${LIVE_CHANNEL}::text, json_build_object(
               'id', id, 'kvpOfficeId', "kvpOfficeId", 'personId', ${personId}::text, 'kind', ${kind}::text, 'audience', ${audience}::text,
               'actorSide', ${actorSide}::text, 'payload', payload, 'at', ${at.toISOString()}::text)::text)
        from live_event_row
    )`;
}

/**
 * Records a live event in the caller's transaction and notifies every app instance (see
 * liveEventCtes), in one statement; call it as the last write of the transaction.
 *
 * The same statement finds out whether the event is about KVP content, from the ids in the
 * payload: the message's KVP office, else its thread's, else the activity's. No caller can forget
 * it, and the stream withholds the event from advisors at other offices (`hearsKvp`).
 */
export async function publishLive(db: DbOrTx, personId: string, event: LiveEventInput, at: Date): Promise<void> {
  const { messageId, threadId, activityId } = event.payload;
  const kvpOfficeId = sql<string | null>`coalesce(
    (select m."kvpOfficeId" from message m where m.id = ${messageId ?? null}::bigint),
    (select t."kvpOfficeId" from thread t where t.id = ${threadId ?? null}::uuid),
    (select a."kvpOfficeId" from activity a where a.id = ${activityId ?? null}::uuid))`;
  const ctes = liveEventCtes({ personId, kind: event.kind, audience: event.audience ?? 'ALL', actorSide: event.actorSide, payload: sql`${JSON.stringify(event.payload)}::jsonb`, kvpOfficeId, at });
  await sql`with ${ctes} select count(*) from live_notified`.execute(db);
}

/** The audiences a side hears. */
export function audiencesOf(side: 'CITIZEN' | 'NAV'): LiveAudience[] {
  return ['ALL', side];
}

/** A person's stored events after an id, oldest first, for one side and its KVP offices; at most `limit`. */
export async function listLiveEventsAfter(
  db: DbOrTx,
  personId: string,
  afterId: number,
  side: 'CITIZEN' | 'NAV',
  kvpOffices: KvpOffices,
  limit: number,
): Promise<LiveNotice[]> {
  let query = db
    .selectFrom('live_event')
    .select(['id', 'personId', 'kind', 'audience', 'actorSide', 'payload', 'createdAt', 'kvpOfficeId'])
    .where('personId', '=', personId)
    .where('id', '>', afterId)
    .where('audience', 'in', audiencesOf(side));
  if (kvpOffices !== null) {
    const offices = [...kvpOffices];
    query = query.where((eb) => (offices.length > 0 ? eb.or([eb('kvpOfficeId', 'is', null), eb('kvpOfficeId', 'in', offices)]) : eb('kvpOfficeId', 'is', null)));
  }
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map((row) => ({
    id: Number(row.id),
    personId: row.personId,
    kind: row.kind as PublishedLiveEventKind,
    audience: row.audience,
    actorSide: row.actorSide,
    payload: row.payload as Record<string, string>,
    at: new Date(row.createdAt).toISOString(),
    kvpOfficeId: row.kvpOfficeId,
  }));
}

/** The newest id of a person's events (any side), or null when there is none. */
export async function latestLiveEventId(db: DbOrTx, personId: string): Promise<number | null> {
  const row = await db
    .selectFrom('live_event')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('personId', '=', personId)
    .executeTakeFirst();
  return row?.id === null || row?.id === undefined ? null : Number(row.id);
}

/** What is kept: the oldest stored id (null when none), and the last id the sequence gave out (0 when none). */
export async function liveRetention(db: DbOrTx): Promise<{ oldestId: number | null; lastIssuedId: number }> {
  const result = await sql<{ oldest: string | number | null; last: string | number; called: boolean }>`
    select (select min(id) from live_event) as oldest, last_value as last, is_called as called from live_event_id_seq
  `.execute(db);
  const row = result.rows[0];
  return {
    oldestId: row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest),
    lastIssuedId: row?.called ? Number(row.last) : 0,
  };
}

/** Deletes events created before `before` (kept a day: long enough for any reconnect). Returns how many. */
export async function pruneLiveEvents(db: DbOrTx, before: Date): Promise<number> {
  const result = await db.deleteFrom('live_event').where('createdAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
