import { sql, type QueryCreator, type Selectable } from 'kysely';
import type { DbOrTx } from '#server/db/database.ts';
import type { ActivityTable, ActivityVersionTable, AdvanceNoticeVersionTable, DB } from '#server/db/types.ts';

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

/** Locks the activity and its person: writes to one plan (and the period's end) happen one at a time. */
export async function getByIdForUpdate(db: DbOrTx, id: string): Promise<ActivityRow | undefined> {
  return db
    .selectFrom('activity')
    .innerJoin('person', 'person.id', 'activity.personId')
    .selectAll('activity')
    .where('activity.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts a new activity and its first version, in one statement. */
export async function insert(
  db: DbOrTx,
  values: Omit<ActivityRow, 'id' | 'details' | 'advanceNotice' | 'version' | 'citizenReadVersion' | 'navReadVersion'> & { details: Record<string, unknown> },
): Promise<ActivityRow> {
  return db
    .with('written', (qc) =>
      qc
        .insertInto('activity')
        .values({ ...values, version: 1, details: JSON.stringify(values.details), advanceNotice: null })
        .returningAll(),
    )
    .with('versioned', versionOfWritten)
    .selectFrom('written')
    .selectAll()
    .executeTakeFirstOrThrow();
}

/**
 * Writes a new version if the activity is still at `expectedVersion`; undefined when another
 * write came first (the caller answers 409 with the current state).
 */
export async function update(db: DbOrTx, id: string, expectedVersion: number, change: ActivityChange, meta: VersionMeta): Promise<ActivityRow | undefined> {
  const { details, advanceNotice, ...plain } = change;
  return db
    .with('written', (qc) =>
      qc
        .updateTable('activity')
        .set({
          ...plain,
          ...(details !== undefined ? { details: JSON.stringify(details) } : {}),
          ...(advanceNotice !== undefined ? { advanceNotice: advanceNotice === null ? null : JSON.stringify(advanceNotice) } : {}),
          ...meta,
          version: sql<number>`version + 1`,
        })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .returningAll(),
    )
    .with('versioned', versionOfWritten)
    .selectFrom('written')
    .selectAll()
    .executeTakeFirst();
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
