/**
 * Follow-up, access and the advisor workspace (issue 5, product.md C3 and C4).
 *
 * - `person` gains the follow-up facts the workspace lists by: who follows the person up
 *   (`assignedAdvisorIdent`, since `assignedAt`, first opened by that advisor at
 *   `assigneeOpenedAt`) and when the citizen last changed something or wrote (`lastCitizenActionAt`,
 *   kept by triggers on the history tables, so no write path can forget it).
 * - `advisor_assignment_log`: every assignment with who made it, append-only. The columns on
 *   `person` are the latest row, written in the same transaction.
 * - `advisor_directory`: the advisors the app has seen (ident, name, offices), so that an assignment
 *   can name an advisor and a citizen can see who looked at their plan.
 * - `audit_record`: one row per read of a person's data by an advisor, per write, and per list or
 *   search query (with the query, not one per row), append-only.
 * - `office_setting`: per office, after how many days without a change or message from the citizen
 *   a person counts as going passive (30 when no row). Changes are audited.
 */
export const up = /* sql */ `
  alter table person
    add column "assignedAdvisorIdent" text,
    add column "assignedAt" timestamptz,
    add column "assigneeOpenedAt" timestamptz,
    add column "lastCitizenActionAt" timestamptz;
  create index person_assigned_idx on person ("assignedAdvisorIdent") where "assignedAdvisorIdent" is not null;

  create table advisor_assignment_log (
    id bigserial primary key,
    "personId" uuid not null references person (id),
    "advisorIdent" text not null,
    "assignedAt" timestamptz not null,
    "actorIdent" text not null
  );
  create index advisor_assignment_log_person_idx on advisor_assignment_log ("personId", id desc);
  select make_append_only('advisor_assignment_log');

  create table advisor_directory (
    ident text primary key,
    name text not null,
    offices text[] not null,
    "seenAt" timestamptz not null
  );

  create table audit_record (
    id bigserial primary key,
    at timestamptz not null,
    "actorIdent" text not null,
    "actorName" text not null,
    "actorOfficeId" text,
    action text not null check (action in ('READ', 'WRITE', 'LIST', 'SEARCH', 'SETTING')),
    subject text not null,
    "personId" uuid references person (id),
    query jsonb
  );
  create index audit_record_person_idx on audit_record ("personId", at desc) where "personId" is not null;
  create index audit_record_actor_idx on audit_record ("actorIdent", at desc);
  select make_append_only('audit_record');

  create table office_setting (
    "officeId" text primary key,
    "passiveAfterDays" integer not null check ("passiveAfterDays" between 1 and 365),
    "updatedAt" timestamptz not null,
    "updatedByIdent" text not null
  );

  -- The citizen's latest change or message, kept on the person by the tables that record them.
  create function note_citizen_action(p_person uuid, p_at timestamptz) returns void language sql as $$
    update person set "lastCitizenActionAt" = p_at
     where id = p_person and ("lastCitizenActionAt" is null or "lastCitizenActionAt" < p_at);
  $$;
  create function activity_version_citizen_action() returns trigger language plpgsql as $$
  begin
    if new."changedByRole" = 'CITIZEN' then
      perform note_citizen_action(new."personId", new."changedAt");
    end if;
    return null;
  end $$;
  create trigger activity_version_citizen_action after insert on activity_version
    for each row execute function activity_version_citizen_action();
  create function message_citizen_action() returns trigger language plpgsql as $$
  begin
    if new."senderRole" = 'CITIZEN' then
      perform note_citizen_action(new."personId", new."sentAt");
    end if;
    return null;
  end $$;
  create trigger message_citizen_action after insert on message
    for each row execute function message_citizen_action();
  create function goal_version_citizen_action() returns trigger language plpgsql as $$
  begin
    if new."actorRole" = 'CITIZEN' then
      perform note_citizen_action((select "personId" from follow_up_period where id = new."periodId"), new."changedAt");
    end if;
    return null;
  end $$;
  create trigger goal_version_citizen_action after insert on goal_version
    for each row execute function goal_version_citizen_action();

  update person p set "lastCitizenActionAt" = latest.at
    from (
      select "personId", max(at) as at from (
        select "personId", "changedAt" as at from activity_version where "changedByRole" = 'CITIZEN'
        union all
        select "personId", "sentAt" from message where "senderRole" = 'CITIZEN'
        union all
        select f."personId", g."changedAt" from goal_version g join follow_up_period f on f.id = g."periodId" where g."actorRole" = 'CITIZEN'
      ) actions group by "personId"
    ) latest
   where latest."personId" = p.id;
`;
