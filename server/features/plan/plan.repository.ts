import { CompiledQuery, sql } from 'kysely';
import type { DbOrTx } from '#server/db/database.ts';
import type { AuditEntry } from '#server/features/audit/audit.service.ts';
import type { ActivityRecord } from '#server/features/activity/activity.service.ts';

export interface GoalRecord {
  text: string;
  version: number;
  changedAt: string;
  actorRole: string;
  actorIdent: string | null;
  readVersion: number | null;
}

export interface PlanRows {
  periods: { id: string; startedAt: string; endedAt: string | null }[];
  goal: GoalRecord | null;
  activities: (ActivityRecord & { readVersion: number | null; kvpOfficeId: string | null })[];
}

/** $1 person, $2 side ('CITIZEN' | 'NAV'), $3 period. */
const PLAN_SQL = `
    select
      (select coalesce(json_agg(json_build_object('id', p.id, 'startedAt', p."startedAt", 'endedAt', p."endedAt")
                                order by p."endedAt" is null desc, p."startedAt" desc), '[]'::json)
         from follow_up_period p where p."personId" = $1) as periods,
      (select row_to_json(g) from (
         select goal.text, goal.version, goal."changedAt", goal."actorRole", goal."actorIdent",
                case when $2::text = 'CITIZEN' then goal."citizenReadVersion" else goal."navReadVersion" end as "readVersion"
           from goal where goal."periodId" = $3) g) as goal,
      (select coalesce(json_agg(a order by a."createdAt", a.id), '[]'::json) from (
         select activity.id, activity."periodId", activity.type, activity.status, activity.title, activity.description,
                activity."fromDate", activity."toDate", activity.link, activity.details, activity."applicationStatus",
                activity."agreedWithNav", activity."proposedBy", activity."closingReason", activity."advanceNotice",
                activity.version, activity."changeKind", activity."createdAt", activity."changedAt",
                activity."changedByRole", activity."changedByIdent", activity."kvpOfficeId",
                case when $2::text = 'CITIZEN' then activity."citizenReadVersion" else activity."navReadVersion" end as "readVersion"
           from activity
          where activity."personId" = $1 and activity."periodId" = $3) a) as activities
  `;

/**
 * Everything the board needs in one statement: the person's periods, the goal of the chosen period
 * and its activities, each with the caller's side's read state. The number of statements does not
 * grow with the plan (architecture.md, Data).
 */
/** The same read that also writes an advisor's audit record ($4–$9), in the one statement and its commit. */
const AUDITED_PLAN_SQL = `
    with recorded as (
      insert into audit_record (at, "actorIdent", "actorName", "actorOfficeId", action, subject, "personId")
      values ($4, $5, $6, $7, $8, $9, $1)
    )
    ${PLAN_SQL}`;

export async function readPlan(db: DbOrTx, personId: string, periodId: string | null, side: 'CITIZEN' | 'NAV', audit: AuditEntry | null = null): Promise<PlanRows> {
  const query = audit
    ? CompiledQuery.raw(AUDITED_PLAN_SQL, [personId, side, periodId, audit.at, audit.actorIdent, audit.actorName, audit.actorOfficeId, audit.action, audit.subject])
    : CompiledQuery.raw(PLAN_SQL, [personId, side, periodId]);
  const result = await db.executeQuery<PlanRows>(query);
  const row = result.rows[0];
  if (!row) {
    return { periods: [], goal: null, activities: [] };
  }
  return row;
}

/** The period a plan read shows when none is asked for: the current one, else the latest. */
export async function defaultPeriodId(db: DbOrTx, personId: string): Promise<string | null> {
  const row = await db
    .selectFrom('follow_up_period')
    .select('id')
    .where('personId', '=', personId)
    .orderBy(sql`"endedAt" is null`, 'desc')
    .orderBy('startedAt', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function getGoalForUpdate(db: DbOrTx, periodId: string) {
  return db.selectFrom('goal').selectAll().where('periodId', '=', periodId).forUpdate().executeTakeFirst();
}

export async function writeGoal(
  db: DbOrTx,
  goal: { periodId: string; personId: string; text: string; version: number; changedAt: Date; actorRole: string; actorIdent: string | null },
): Promise<void> {
  await db
    .insertInto('goal')
    .values(goal)
    .onConflict((oc) =>
      oc.column('periodId').doUpdateSet({
        text: goal.text,
        version: goal.version,
        changedAt: goal.changedAt,
        actorRole: goal.actorRole,
        actorIdent: goal.actorIdent,
      }),
    )
    .execute();
  const { personId: _personId, ...version } = goal;
  await db.insertInto('goal_version').values(version).execute();
}

export async function listGoalVersions(db: DbOrTx, periodId: string) {
  return db.selectFrom('goal_version').selectAll().where('periodId', '=', periodId).orderBy('version', 'desc').execute();
}

export async function periodBelongsTo(db: DbOrTx, periodId: string, personId: string): Promise<boolean> {
  const row = await db.selectFrom('follow_up_period').select('id').where('id', '=', periodId).where('personId', '=', personId).executeTakeFirst();
  return row !== undefined;
}

/** The goal's read state; it never moves backwards. */
export async function markGoalRead(db: DbOrTx, periodId: string, side: 'CITIZEN' | 'NAV', version: number): Promise<void> {
  const column = side === 'CITIZEN' ? 'citizenReadVersion' : 'navReadVersion';
  await db
    .updateTable('goal')
    .set({ [column]: sql<number>`greatest(${sql.ref(column)}, ${version})` })
    .where('periodId', '=', periodId)
    .execute();
}
