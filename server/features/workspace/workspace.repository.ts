import { sql, type RawBuilder } from 'kysely';
import type { WorkspaceFilter, WorkspaceQuery } from '#common/schemas/workspace.ts';
import type { DbOrTx } from '#server/db/database.ts';
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
  PAST_END_DATE: `"pastEndDate" > 0`,
  UNREAD_ADVANCE_NOTICES: `"unreadAdvanceNotices" > 0`,
  MEETINGS_TODAY: `"meetingsToday" > 0`,
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

/** Escapes LIKE wildcards so that a typed % or _ matches itself (as the person search does). */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** KVP content (a non-null office on the row) counts only when made at one of the given offices. */
function kvpVisible(column: RawBuilder<unknown>, offices: readonly string[]): RawBuilder<boolean> {
  return offices.length > 0 ? sql<boolean>`(${column} is null or ${column} in (${sql.join([...offices])}))` : sql<boolean>`${column} is null`;
}

function personConditions(s: WorkspaceSelection): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [];
  if (s.officeId !== null) {
    conditions.push(sql`p."officeId" = ${s.officeId}`);
  }
  if (s.assignedTo !== null) {
    conditions.push(sql`p."assignedAdvisorIdent" = ${s.assignedTo}`);
  }
  const allowed = s.reach.protectedAddresses;
  conditions.push(allowed.length > 0 ? sql`(p."protectedAddress" is null or p."protectedAddress" in (${sql.join(allowed)}))` : sql`p."protectedAddress" is null`);
  if (!s.reach.navEmployees) {
    conditions.push(sql`not p."navEmployee"`);
  }
  if (s.search && 'nationalId' in s.search) {
    conditions.push(sql`p."nationalId" = ${s.search.nationalId}`);
  } else if (s.search) {
    for (const word of s.search.words) {
      const pattern = likePattern(word);
      conditions.push(sql`(p."givenName" ilike ${pattern} or p."familyName" ilike ${pattern})`);
    }
  }
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/**
 * One page of the workspace list, its total and the count of every filter, in one statement.
 * The persons in scope (with a current period, protected persons out of reach left out before
 * anything is counted) get their flags set-based: one aggregate per kind of attention over the
 * partial indexes of migration 0009, joined back by person and current period.
 */
export async function listWorkspace(db: DbOrTx, s: WorkspaceSelection): Promise<WorkspacePage> {
  const dir = s.order === 'DESC' ? 'desc' : 'asc';
  const filters = s.filters.length > 0 ? sql.raw(s.filters.map((f) => FILTER_SQL[f]).join(' and ')) : sql.raw('true');
  const counts = sql.raw(Object.entries(FILTER_SQL).map(([name, condition]) => `count(*) filter (where ${condition})::int as "${name}"`).join(', '));
  const today = sql`cast(${s.today} as date)`;
  const { rows } = await sql<Record<string, unknown>>`
    with scoped as materialized (
      select p.id, p."givenName", p."familyName", p."nationalId", p."officeId", p."assignedAdvisorIdent", p."assigneeOpenedAt",
             p."lastCitizenActionAt", f.id as "periodId", f."startedAt" as "periodStartedAt"
        from person p
        join follow_up_period f on f."personId" = p.id and f."endedAt" is null
       where ${personConditions(s)}
    ),
    threads as (
      select t."personId", (count(*) filter (where t."unreadForNav" > 0))::int as unread, bool_or(t."awaitingNavSince" is not null) as awaiting
        from scoped x join thread t on t."personId" = x.id and t."periodId" = x."periodId"
       where (t."unreadForNav" > 0 or t."awaitingNavSince" is not null) and ${kvpVisible(sql`t."kvpOfficeId"`, s.kvpOffices)}
       group by t."personId"
    ),
    past as (
      select a."personId", count(*)::int as n
        from scoped x join activity a on a."personId" = x.id and a."periodId" = x."periodId"
       where a.status not in ('COMPLETED', 'CANCELLED') and a."toDate" is not null and a."toDate" < ${today}
         and ${kvpVisible(sql`a."kvpOfficeId"`, s.kvpOffices)}
       group by a."personId"
    ),
    notices as (
      select a."personId", count(*)::int as n
        from scoped x join activity a on a."personId" = x.id and a."periodId" = x."periodId"
       where a."agreedWithNav" and a.status not in ('COMPLETED', 'CANCELLED') and a."advanceNotice" is not null
         and a."advanceNotice"->>'type' <> 'NONE' and a."advanceNotice"->>'readAt' is null
         and ${kvpVisible(sql`a."kvpOfficeId"`, s.kvpOffices)}
       group by a."personId"
    ),
    meetings as (
      select a."personId", count(*)::int as n
        from activity a join scoped x on x.id = a."personId" and x."periodId" = a."periodId"
       where a.type = 'MEETING' and a.status <> 'CANCELLED' and a."fromDate" = ${today}
         and ${kvpVisible(sql`a."kvpOfficeId"`, s.kvpOffices)}
       group by a."personId"
    ),
    flagged as materialized (
      select x.id, x."givenName", x."familyName", x."nationalId", x."officeId", x."assignedAdvisorIdent", ad.name as "assignedAdvisorName",
             x."periodStartedAt", x."lastCitizenActionAt",
             coalesce(th.unread, 0) as "unreadMessages", coalesce(th.awaiting, false) as "awaitingNav",
             coalesce(pa.n, 0) as "pastEndDate", coalesce(no.n, 0) as "unreadAdvanceNotices", coalesce(me.n, 0) as "meetingsToday",
             (x."assignedAdvisorIdent" is null or x."assigneeOpenedAt" is null) as "new",
             coalesce(x."lastCitizenActionAt", x."periodStartedAt")
               < cast(${s.now} as timestamptz) - make_interval(days => coalesce(os."passiveAfterDays", cast(${s.defaultPassiveAfterDays} as int))) as "goingPassive"
        from scoped x
        left join threads th on th."personId" = x.id
        left join past pa on pa."personId" = x.id
        left join notices no on no."personId" = x.id
        left join meetings me on me."personId" = x.id
        left join office_setting os on os."officeId" = x."officeId"
        left join advisor_directory ad on ad.ident = x."assignedAdvisorIdent"
    ),
    counts as (select ${counts} from flagged),
    selected as (select * from flagged where ${filters})
    select c.*, (select count(*)::int from selected) as total, pg.*
      from counts c
      left join lateral (
        select sel.*,
               coalesce((select m.manual from manual_follow_up_log m where m."personId" = sel.id order by m.id desc limit 1), false) as "manualFollowUp"
          from selected sel
         order by ${sql.raw(SORT_SQL[s.sort](dir))}, sel.id
         limit ${s.limit} offset ${s.offset}
      ) pg on true`.execute(db);

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
