import { sql } from 'kysely';
import { compiledOnce } from '#server/db/compiled-once.ts';
import type { DbOrTx } from '#server/db/database.ts';
import { stateQuery, toState, type PersonState, type StateRow } from '#server/db/person-state.ts';
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

/** A person's state with the plan of one of their periods: everything the board needs. */
export interface PersonPlan {
  person: PersonState;
  /** The period shown: the one asked for, else the current one, else the latest; null when the person has none. */
  periodId: string | null;
  plan: PlanRows;
}

const PERSON = '00000000-0000-4000-8000-0000000091a0';
const PERIOD = '00000000-0000-4000-8000-0000000091a1';
const SIDE = 'SIDE-PLACEHOLDER';

/**
 * The plan read in one statement: the person's state (for the access decision, as getStateById
 * reads it), the period to show, the person's periods, that period's goal and its activities, each
 * with the caller's side's read state. One round trip, whatever the size of the plan (architecture.md, Data).
 */
function personPlanQuery(db: DbOrTx, personId: string, periodId: string | null, side: string) {
  const chosen = sql<string | null>`coalesce(${periodId}::uuid, (
      select p.id from follow_up_period p where p."personId" = ${personId}::uuid order by p."endedAt" is null desc, p."startedAt" desc limit 1))`;
  const readVersion = (table: 'goal' | 'activity') =>
    sql`case when ${side}::text = 'CITIZEN' then ${sql.ref(`${table}.citizenReadVersion`)} else ${sql.ref(`${table}.navReadVersion`)} end`;
  return db
    .selectFrom([stateQuery(db).where('person.id', '=', personId).as('s'), sql<{ id: string | null }>`(select ${chosen} as id)`.as('c')])
    .selectAll('s')
    .select([
      'c.id as shownPeriodId',
      sql<PlanRows['periods']>`(
        select coalesce(json_agg(json_build_object('id', p.id, 'startedAt', p."startedAt", 'endedAt', p."endedAt")
                                 order by p."endedAt" is null desc, p."startedAt" desc), '[]'::json)
          from follow_up_period p where p."personId" = s.id)`.as('periods'),
      sql<GoalRecord | null>`(
        select row_to_json(g) from (
          select goal.text, goal.version, goal."changedAt", goal."actorRole", goal."actorIdent", ${readVersion('goal')} as "readVersion"
            from goal where goal."periodId" = c.id) g)`.as('goal'),
      sql<PlanRows['activities']>`(
        select coalesce(json_agg(a order by a."createdAt", a.id), '[]'::json) from (
          select activity.id, activity."periodId", activity.type, activity.status, activity.title, activity.description,
                 activity."fromDate", activity."toDate", activity.link, activity.details, activity."applicationStatus",
                 activity."agreedWithNav", activity."proposedBy", activity."closingReason", activity."advanceNotice",
                 activity.version, activity."changeKind", activity."createdAt", activity."changedAt",
                 activity."changedByRole", activity."changedByIdent", activity."kvpOfficeId", ${readVersion('activity')} as "readVersion"
            from activity
           where activity."personId" = s.id and activity."periodId" = c.id) a)`.as('activities'),
    ]);
}

const personPlan = compiledOnce<StateRow & { shownPeriodId: string | null } & PlanRows>((db) => personPlanQuery(db, PERSON, PERIOD, SIDE));

/** Reads a person's state and plan (see personPlanQuery; compiled once); undefined when there is no such person. */
export async function readPersonPlan(db: DbOrTx, personId: string, periodId: string | null, side: 'CITIZEN' | 'NAV'): Promise<PersonPlan | undefined> {
  const row = (await personPlan(db, { [PERSON]: personId, [PERIOD]: periodId, [SIDE]: side }))[0];
  if (!row) {
    return undefined;
  }
  const { shownPeriodId, periods, goal, activities, ...state } = row;
  return { person: toState(state)!, periodId: shownPeriodId, plan: { periods, goal, activities } };
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
