import { sql, type RawBuilder } from 'kysely';
import type { WorkspaceFilter, WorkspaceQuery } from '#common/schemas/workspace.ts';
import type { DbOrTx } from '#server/db/database.ts';
import { likePattern } from '#server/db/like.ts';
import type { ProtectedReach } from '#server/policy/access-policy.ts';

/** Who the list is about, decided by the service from the query and the advisor. */
export interface WorkspaceSelection {
  /** Persons at this office (OFFICE, or MINE narrowed to one office). */
  officeId: string | null;
  /** Persons assigned to this advisor (MINE). */
  assignedTo: string | null;
  reach: ProtectedReach;
  /** KVP content counts only when made at one of these offices (the advisor's). */
  kvpOffices: readonly string[];
  search: { nationalId: string } | { words: string[] } | null;
  filters: readonly WorkspaceFilter[];
  sort: WorkspaceQuery['sort'];
  order: WorkspaceQuery['order'];
  limit: number;
  offset: number;
  /** Today in Europe/Oslo ('YYYY-MM-DD') and now, from the app's clock. */
  today: string;
  now: Date;
  defaultPassiveAfterDays: number;
}

export interface WorkspaceRow {
  id: string;
  givenName: string;
  familyName: string;
  nationalId: string;
  officeId: string;
  assignedAdvisorIdent: string | null;
  assignedAdvisorName: string | null;
  periodStartedAt: Date;
  lastCitizenActionAt: Date | null;
  manualFollowUp: boolean;
  unreadMessages: number;
  awaitingNav: boolean;
  pastEndDate: number;
  unreadAdvanceNotices: number;
  meetingsToday: number;
  new: boolean;
  goingPassive: boolean;
}

export interface WorkspacePage {
  rows: WorkspaceRow[];
  total: number;
  counts: Record<WorkspaceFilter, number>;
}

/** Each filter as a condition on a row of `flagged` (the statement below). */
const FILTER_SQL: Record<WorkspaceFilter, string> = {
  UNREAD_MESSAGES: `"unreadMessages" > 0`,
  AWAITING_NAV: `"awaitingNav"`,
  PAST_END_DATE: `"hasPastEnd"`,
  UNREAD_ADVANCE_NOTICES: `"unreadAdvanceNotices" > 0`,
  MEETINGS_TODAY: `"hasMeetingToday"`,
  NEW: `"new"`,
  GOING_PASSIVE: `"goingPassive"`,
  UNASSIGNED: `"assignedAdvisorIdent" is null`,
};

const SORT_SQL: Record<WorkspaceQuery['sort'], (dir: string) => string> = {
  NAME: (dir) => `"familyName" ${dir}, "givenName" ${dir}`,
  NATIONAL_ID: (dir) => `"nationalId" ${dir}`,
  LAST_CITIZEN_ACTION: (dir) => `coalesce("lastCitizenActionAt", "periodStartedAt") ${dir}`,
  PERIOD_START: (dir) => `"periodStartedAt" ${dir}`,
  ASSIGNED_ADVISOR: (dir) => `coalesce("assignedAdvisorName", "assignedAdvisorIdent") ${dir} nulls last`,
};

function personConditions(s: WorkspaceSelection): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [];
  if (s.officeId !== null) {
    conditions.push(sql`a."officeId" = ${s.officeId}`);
  }
  if (s.assignedTo !== null) {
    conditions.push(sql`a."assignedAdvisorIdent" = ${s.assignedTo}`);
  }
  const allowed = s.reach.protectedAddresses;
  conditions.push(allowed.length > 0 ? sql`(a."protectedAddress" is null or a."protectedAddress" in (${sql.join(allowed)}))` : sql`a."protectedAddress" is null`);
  if (!s.reach.navEmployees) {
    conditions.push(sql`not a."navEmployee"`);
  }
  if (s.search && 'nationalId' in s.search) {
    conditions.push(sql`a."nationalId" = ${s.search.nationalId}`);
  } else if (s.search) {
    for (const word of s.search.words) {
      const pattern = likePattern(word);
      conditions.push(sql`(a."givenName" ilike ${pattern} or a."familyName" ilike ${pattern})`);
    }
  }
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/**
 * One page of the workspace list, its total and the count of every filter, in one statement.
 * The facts come from `person_attention`, the read model the database keeps per person
 * (migration 0009): an office's persons are read from one covering index, never a probe into
 * their activities or threads. KVP content
 * counts when every office it was made at is the advisor's (else the facts without it are used).
 * Protected persons out of reach are left out before anything is counted or paged.
 */
export async function listWorkspace(db: DbOrTx, s: WorkspaceSelection): Promise<WorkspacePage> {
  const dir = s.order === 'DESC' ? 'desc' : 'asc';
  const filters = s.filters.length > 0 ? sql.raw(s.filters.map((f) => FILTER_SQL[f]).join(' and ')) : sql.raw('true');
  const counts = sql.raw(Object.entries(FILTER_SQL).map(([name, condition]) => `count(*) filter (where ${condition})::int as "${name}"`).join(', '));
  const order = sql.raw(`${SORT_SQL[s.sort](dir)}, id`);
  const today = sql`cast(${s.today} as date)`;
  const offices = sql`cast(${`{${s.kvpOffices.join(',')}}`} as text[])`;
  const pick = (column: string, row = 'a') => sql.raw(`case when ${row === 'a' ? 'k.seen' : 'pk.seen'} then ${row}."all${column}" else ${row}."open${column}" end`);
  const seen = (row: string) => sql`(${sql.raw(row)}."threadKvpOffices" <@ ${offices} and ${sql.raw(row)}."activityKvpOffices" <@ ${offices})`;
  const { rows } = await sql<Record<string, unknown>>`
    with flagged as materialized (
      select a."personId" as id, a."givenName", a."familyName", a."nationalId", a."officeId", a."assignedAdvisorIdent",
             ad.name as "assignedAdvisorName", a."periodStartedAt", a."lastCitizenActionAt",
             ${pick('UnreadThreads')} as "unreadMessages",
             ${pick('AwaitingNav')} as "awaitingNav",
             coalesce((${pick('EndDates')})[1] < ${today}, false) as "hasPastEnd",
             ${pick('UnreadNotices')} as "unreadAdvanceNotices",
             ${today} = any(${pick('MeetingDates')}) as "hasMeetingToday",
             (a."assignedAdvisorIdent" is null or a."assigneeOpenedAt" is null) as "new",
             coalesce(a."lastCitizenActionAt", a."periodStartedAt")
               < cast(${s.now} as timestamptz) - make_interval(days => coalesce(os."passiveAfterDays", cast(${s.defaultPassiveAfterDays} as int))) as "goingPassive"
        from person_attention a
        cross join lateral (select ${seen('a')} as seen) k
        left join office_setting os on os."officeId" = a."officeId"
        left join advisor_directory ad on ad.ident = a."assignedAdvisorIdent"
       where ${personConditions(s)} and a."periodId" is not null
    ),
    counts as (select ${counts} from flagged),
    selected as (select * from flagged where ${filters})
    select c.*, (select count(*)::int from selected) as total, pg.*
      from counts c
      left join lateral (
        select x.*,
               coalesce((select m.manual from manual_follow_up_log m where m."personId" = x.id order by m.id desc limit 1), false) as "manualFollowUp",
               (select count(*)::int from unnest(${pick('EndDates', 'pa')}) d where d < ${today}) as "pastEndDate",
               (select count(*)::int from unnest(${pick('MeetingDates', 'pa')}) d where d = ${today}) as "meetingsToday"
          from (select * from selected order by ${order} limit ${s.limit} offset ${s.offset}) x
          join person_attention pa on pa."personId" = x.id
          cross join lateral (select ${seen('pa')} as seen) pk
      ) pg on true
     order by ${order}`.execute(db);

  const first = rows[0] ?? {};
  const countsOut = Object.fromEntries(Object.keys(FILTER_SQL).map((name) => [name, Number(first[name] ?? 0)])) as Record<WorkspaceFilter, number>;
  return {
    rows: rows.filter((row) => row.id !== null && row.id !== undefined) as unknown as WorkspaceRow[],
    total: Number(first.total ?? 0),
    counts: countsOut,
  };
}

export interface OfficeSettingRow {
  passiveAfterDays: number;
  updatedAt: Date;
  updatedByIdent: string;
  updatedByName: string | null;
}

/** The office's own setting (undefined while it uses the default), with the name of who set it when known. */
export async function getOfficeSetting(db: DbOrTx, officeId: string, forUpdate = false): Promise<OfficeSettingRow | undefined> {
  let query = db
    .selectFrom('office_setting')
    .leftJoin('advisor_directory', 'advisor_directory.ident', 'office_setting.updatedByIdent')
    .select(['office_setting.passiveAfterDays', 'office_setting.updatedAt', 'office_setting.updatedByIdent', 'advisor_directory.name as updatedByName'])
    .where('office_setting.officeId', '=', officeId);
  if (forUpdate) {
    query = query.forUpdate(['office_setting']);
  }
  return query.executeTakeFirst();
}

export async function passiveAfterDaysOf(db: DbOrTx, officeId: string): Promise<number | null> {
  const row = await db.selectFrom('office_setting').select('passiveAfterDays').where('officeId', '=', officeId).executeTakeFirst();
  return row?.passiveAfterDays ?? null;
}

export async function upsertOfficeSetting(db: DbOrTx, setting: { officeId: string; passiveAfterDays: number; updatedAt: Date; updatedByIdent: string }): Promise<void> {
  await db
    .insertInto('office_setting')
    .values(setting)
    .onConflict((oc) => oc.column('officeId').doUpdateSet({ passiveAfterDays: setting.passiveAfterDays, updatedAt: setting.updatedAt, updatedByIdent: setting.updatedByIdent }))
    .execute();
}
