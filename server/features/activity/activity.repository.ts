import { sql, type Compilable, type QueryCreator, type Selectable } from 'kysely';
import { compiledOnce } from '#server/db/compiled-once.ts';
import type { DbOrTx } from '#server/db/database.ts';
import { lockingStateQuery, STATE_FIELDS, toState, type PersonState, type StateRow } from '#server/db/person-state.ts';
import type { ActivityTable, ActivityVersionTable, AdvanceNoticeVersionTable, DB } from '#server/db/types.ts';
import { liveEventCtes, type LiveEventSql } from '#server/live/live.repository.ts';

export type ActivityRow = Selectable<ActivityTable>;
export type ActivityVersionRow = Selectable<ActivityVersionTable>;

/** The columns a new version sets; everything else is carried over from the current row. */
export type ActivityChange = Partial<
  Pick<
    ActivityRow,
    'status' | 'title' | 'description' | 'fromDate' | 'toDate' | 'link' | 'applicationStatus' | 'agreedWithNav' | 'closingReason' | 'proposedBy'
  >
> & {
  details?: Record<string, unknown>;
  advanceNotice?: Record<string, unknown> | null;
};

export interface VersionMeta {
  changeKind: string;
  changedAt: Date;
  changedByRole: string;
  changedByIdent: string | null;
}

const SNAPSHOT_COLUMNS = [
  'personId',
  'periodId',
  'type',
  'status',
  'title',
  'description',
  'fromDate',
  'toDate',
  'link',
  'details',
  'applicationStatus',
  'agreedWithNav',
  'proposedBy',
  'closingReason',
  'advanceNotice',
  'kvpOfficeId',
  'version',
  'changeKind',
  'changedAt',
  'changedByRole',
  'changedByIdent',
] as const;

/**
 * Every write of an activity is kept as a version: the new state of the row that the statement's
 * `written` step (the insert or update, returning the row) wrote, copied into `activity_version`
 * by the same statement.
 */
function versionOfWritten(qc: QueryCreator<DB & { written: ActivityRow }>) {
  return qc
    .insertInto('activity_version')
    .columns(['activityId', ...SNAPSHOT_COLUMNS])
    .expression((eb) => eb.selectFrom('written').select(['written.id', ...SNAPSHOT_COLUMNS.map((c) => `written.${c}` as const)]));
}

export async function getById(db: DbOrTx, id: string): Promise<ActivityRow | undefined> {
  return db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirst();
}

const STATE_PREFIX = 'state$';
const ACTIVITY = '00000000-0000-4000-8000-00000000ac71';
const withStateById = compiledOnce<Record<string, unknown>>((db) =>
  db
    .selectFrom('activity')
    .innerJoin(lockingStateQuery(db).as('s'), 's.id', 'activity.personId')
    .selectAll('activity')
    .select([...STATE_FIELDS, 'stateStale' as const].map((field) => sql.ref(`s.${field}`).as(`${STATE_PREFIX}${field}`)))
    .where('activity.id', '=', ACTIVITY)
    .forUpdate(),
);

/**
 * The start of every change to an activity, in one statement: locks the activity and its person
 * (writes to one plan, and the period's end, happen one at a time) and reads the activity with the
 * person's state as every access decision reads it. The state's fields come back under a prefix,
 * since the activity and the state share column names (`id`, `kvpOfficeId`). `state` is undefined
 * when the statement waited behind a change of the state (see lockingStateQuery): the caller reads
 * it again. Compiled once, like the state read it extends.
 */
export async function getWithStateForUpdate(db: DbOrTx, id: string): Promise<{ activity: ActivityRow; state: PersonState | undefined } | undefined> {
  const row = (await withStateById(db, { [ACTIVITY]: id }))[0];
  if (!row) {
    return undefined;
  }
  const activity: Record<string, unknown> = {};
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(STATE_PREFIX)) {
      state[key.slice(STATE_PREFIX.length)] = value;
    } else {
      activity[key] = value;
    }
  }
  return { activity: activity as ActivityRow, state: state.stateStale ? undefined : toState(state as StateRow) };
}

/** The live event of an activity's write: about the written activity, published by the same statement. */
export type ActivityLive = Omit<LiveEventSql, 'personId' | 'payload' | 'kvpOfficeId'>;

/**
 * One statement for a write: `written` (the insert or update, returning the row), its version
 * (`versionOfWritten`) and, when given, the live event about it (liveEventCtes: the lock it takes
 * is held until commit, so what the caller still writes after it should be little). Undefined when
 * `written` wrote nothing.
 */
async function writeStatement(db: DbOrTx, personId: string, written: Compilable, live: ActivityLive | undefined): Promise<ActivityRow | undefined> {
  const versioned = versionOfWritten(db.withTables<{ written: ActivityRow }>());
  const liveParts = live
    ? sql`, ${liveEventCtes({ ...live, personId, payload: sql`jsonb_build_object('activityId', (select id from written)::text)`, kvpOfficeId: sql`(select "kvpOfficeId" from written)` })}`
    : sql``;
  const notified = live ? sql`, (select count(*) from live_notified) as "liveNotified"` : sql``;
  const result = await sql<ActivityRow & { liveNotified?: unknown }>`with written as (${written}), versioned as (${versioned})${liveParts} select written.*${notified} from written`.execute(db);
  const row = result.rows[0];
  if (!row) {
    return undefined;
  }
  const { liveNotified: _, ...activity } = row;
  return activity;
}

/** Inserts a new activity, its first version and (when given) the live event about it, in one statement. */
export async function insert(
  db: DbOrTx,
  values: Omit<ActivityRow, 'id' | 'details' | 'advanceNotice' | 'version' | 'citizenReadVersion' | 'navReadVersion'> & { details: Record<string, unknown> },
  live?: ActivityLive,
): Promise<ActivityRow> {
  const written = db.insertInto('activity').values({ ...values, version: 1, details: JSON.stringify(values.details), advanceNotice: null }).returningAll();
  return (await writeStatement(db, values.personId, written, live))!;
}

/**
 * Writes a new version (and the live event about it) if the activity is still at
 * `expectedVersion`; undefined when another write came first (the caller answers 409 with the
 * current state).
 */
export async function update(
  db: DbOrTx,
  current: Pick<ActivityRow, 'id' | 'personId'>,
  expectedVersion: number,
  change: ActivityChange,
  meta: VersionMeta,
  live?: ActivityLive,
): Promise<ActivityRow | undefined> {
  const { details, advanceNotice, ...plain } = change;
  const written = db
    .updateTable('activity')
    .set({
      ...plain,
      ...(details !== undefined ? { details: JSON.stringify(details) } : {}),
      ...(advanceNotice !== undefined ? { advanceNotice: advanceNotice === null ? null : JSON.stringify(advanceNotice) } : {}),
      ...meta,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', current.id)
    .where('version', '=', expectedVersion)
    .returningAll();
  return writeStatement(db, current.personId, written, live);
}

export async function listVersions(db: DbOrTx, activityId: string): Promise<ActivityVersionRow[]> {
  return db.selectFrom('activity_version').selectAll().where('activityId', '=', activityId).orderBy('version').execute();
}

export async function appendAdvanceNoticeVersion(db: DbOrTx, row: Omit<Selectable<AdvanceNoticeVersionTable>, never>): Promise<void> {
  await db.insertInto('advance_notice_version').values(row).execute();
}

/** The column holding a side's read version. */
export const readColumn = (side: 'CITIZEN' | 'NAV') => (side === 'CITIZEN' ? 'citizenReadVersion' : 'navReadVersion');

/** Records that a side has read an activity up to a version; never moves backwards. */
export async function markRead(db: DbOrTx, activityId: string, side: 'CITIZEN' | 'NAV', version: number): Promise<void> {
  const column = readColumn(side);
  await db
    .updateTable('activity')
    .set({ [column]: sql<number>`greatest(${sql.ref(column)}, ${version})` })
    .where('id', '=', activityId)
    .execute();
}
