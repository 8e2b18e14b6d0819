/**
 * What the workspace's read model (`person_attention`, migration 0009) and the citizen's last
 * action (migration 0007) cost each write, made smaller without changing what they hold
 * (measured with pg_stat_statements on the benchmark's database: a citizen's status change spent
 * about a third of its database time here).
 *
 * - A status change counts again only when it can change a fact: between open and finished
 *   (COMPLETED, CANCELLED) for end dates and advance notices, to or from CANCELLED for meetings.
 *   PLANNED → IN_PROGRESS, the usual move on the board, recounted a person's activities for nothing.
 * - The citizen's last action is one UPDATE in the trigger itself (a cached plan), and the trigger
 *   runs only for the citizen's rows; it called an SQL function that was planned on every call.
 * - An activity's or a thread's refresh also copies the person's last action, which those writes
 *   are what moves; the person's own refresh that follows finds nothing left to change and writes
 *   nothing, so a citizen's write updates the row once instead of twice. Every refresh writes only
 *   when a value differs (a row written for nothing is a new tuple and its index entries).
 * - A new activity adds its own facts to the row instead of counting all the person's activities
 *   again (reading every one of them was most of a create's refresh). The facts are a function of
 *   the set of activities, so adding one is exact; but a row this transaction has already
 *   written may have been refreshed from a state that holds the new activity (a refresh counts
 *   what is there at commit), so then everything is counted again instead.
 */
export const up = /* sql */ `
  -- The activity half of the facts counted again from the person's activities (only when a value differs).
  create function person_attention_count_activities(person_id uuid) returns void language plpgsql as $$
  begin
    update person_attention pa set "openEndDates" = a."openEndDates", "allEndDates" = a."allEndDates",
           "openUnreadNotices" = a."openUnreadNotices", "allUnreadNotices" = a."allUnreadNotices",
           "openMeetingDates" = a."openMeetingDates", "allMeetingDates" = a."allMeetingDates", "activityKvpOffices" = a."activityKvpOffices",
           "lastCitizenActionAt" = p."lastCitizenActionAt"
      from person_attention_activities a, person p
     where pa."personId" = person_id and a."personId" = person_id and p.id = person_id
       and (pa."openEndDates", pa."allEndDates", pa."openUnreadNotices", pa."allUnreadNotices", pa."openMeetingDates", pa."allMeetingDates",
            pa."activityKvpOffices", pa."lastCitizenActionAt")
           is distinct from (a."openEndDates", a."allEndDates", a."openUnreadNotices", a."allUnreadNotices", a."openMeetingDates", a."allMeetingDates",
            a."activityKvpOffices", p."lastCitizenActionAt");
  end $$;

  -- A new activity's own facts added to its person's row: the same conditions as the view
  -- person_attention_activities (migration 0009), for one activity.
  create function person_attention_activity_added() returns trigger language plpgsql as $$
  declare
    is_open boolean := new.status not in ('COMPLETED', 'CANCELLED');
    outside boolean := new."kvpOfficeId" is null;
    end_date date := case when is_open then new."toDate" end;
    notice boolean := coalesce(new."agreedWithNav" and is_open and new."advanceNotice" is not null
                               and new."advanceNotice"->>'type' <> 'NONE' and new."advanceNotice"->>'readAt' is null, false);
    meeting date := case when new.type = 'MEETING' and new.status <> 'CANCELLED' then new."fromDate" end;
  begin
    if exists (select 1 from person_attention where "personId" = new."personId" and xmin = pg_current_xact_id()::xid) then
      perform person_attention_count_activities(new."personId");
      return null;
    end if;
    update person_attention pa set
           "openEndDates" = case when outside and end_date is not null then array(select d from unnest(pa."openEndDates" || end_date) d order by d) else pa."openEndDates" end,
           "allEndDates" = case when end_date is not null then array(select d from unnest(pa."allEndDates" || end_date) d order by d) else pa."allEndDates" end,
           "openUnreadNotices" = pa."openUnreadNotices" + (outside and notice)::int,
           "allUnreadNotices" = pa."allUnreadNotices" + notice::int,
           "openMeetingDates" = case when outside and meeting is not null then array(select d from unnest(pa."openMeetingDates" || meeting) d order by d) else pa."openMeetingDates" end,
           "allMeetingDates" = case when meeting is not null then array(select d from unnest(pa."allMeetingDates" || meeting) d order by d) else pa."allMeetingDates" end,
           "activityKvpOffices" = case when outside then pa."activityKvpOffices"
                                       else array(select distinct o from unnest(pa."activityKvpOffices" || new."kvpOfficeId") o order by o) end,
           "lastCitizenActionAt" = p."lastCitizenActionAt"
      from person p
     where pa."personId" = new."personId" and pa."periodId" = new."periodId" and p.id = new."personId"
       and (end_date is not null or notice or meeting is not null or not outside or pa."lastCitizenActionAt" is distinct from p."lastCitizenActionAt");
    return null;
  end $$;
  drop trigger activity_attention_insert on activity;
  create constraint trigger activity_attention_insert after insert on activity
    deferrable initially deferred for each row execute function person_attention_activity_added();

  create or replace function person_attention_changed() returns trigger language plpgsql as $$
  begin
    if tg_table_name = 'thread' then
      update person_attention pa set "openUnreadThreads" = t."openUnreadThreads", "allUnreadThreads" = t."allUnreadThreads",
             "openAwaitingNav" = t."openAwaitingNav", "allAwaitingNav" = t."allAwaitingNav", "threadKvpOffices" = t."threadKvpOffices",
             "lastCitizenActionAt" = p."lastCitizenActionAt"
        from person_attention_threads t, person p
       where pa."personId" = new."personId" and t."personId" = new."personId" and p.id = new."personId"
         and (pa."openUnreadThreads", pa."allUnreadThreads", pa."openAwaitingNav", pa."allAwaitingNav", pa."threadKvpOffices", pa."lastCitizenActionAt")
             is distinct from (t."openUnreadThreads", t."allUnreadThreads", t."openAwaitingNav", t."allAwaitingNav", t."threadKvpOffices", p."lastCitizenActionAt");
    elsif tg_table_name = 'activity' then
      perform person_attention_count_activities(new."personId");
    else
      perform refresh_person_attention(new."personId");
    end if;
    return null;
  end $$;

  create or replace function person_attention_person_changed() returns trigger language plpgsql as $$
  begin
    update person_attention set "officeId" = new."officeId", "givenName" = new."givenName", "familyName" = new."familyName",
           "nationalId" = new."nationalId", "protectedAddress" = new."protectedAddress", "navEmployee" = new."navEmployee",
           "assignedAdvisorIdent" = new."assignedAdvisorIdent", "assigneeOpenedAt" = new."assigneeOpenedAt", "lastCitizenActionAt" = new."lastCitizenActionAt"
     where "personId" = new.id
       and ("officeId", "givenName", "familyName", "nationalId", "protectedAddress", "navEmployee", "assignedAdvisorIdent", "assigneeOpenedAt", "lastCitizenActionAt")
           is distinct from (new."officeId", new."givenName", new."familyName", new."nationalId", new."protectedAddress", new."navEmployee",
                             new."assignedAdvisorIdent", new."assigneeOpenedAt", new."lastCitizenActionAt");
    return null;
  end $$;

  drop trigger activity_attention_update on activity;
  create constraint trigger activity_attention_update after update on activity
    deferrable initially deferred for each row
    when ((old.status in ('COMPLETED', 'CANCELLED')) is distinct from (new.status in ('COMPLETED', 'CANCELLED'))
          or (old.status = 'CANCELLED') is distinct from (new.status = 'CANCELLED')
          or old."toDate" is distinct from new."toDate" or old."fromDate" is distinct from new."fromDate"
          or old."advanceNotice" is distinct from new."advanceNotice" or old."agreedWithNav" is distinct from new."agreedWithNav"
          or old."periodId" is distinct from new."periodId" or old."kvpOfficeId" is distinct from new."kvpOfficeId" or old.type is distinct from new.type)
    execute function person_attention_changed();

  create or replace function activity_version_citizen_action() returns trigger language plpgsql as $$
  begin
    update person set "lastCitizenActionAt" = new."changedAt"
     where id = new."personId" and ("lastCitizenActionAt" is null or "lastCitizenActionAt" < new."changedAt");
    return null;
  end $$;
  drop trigger activity_version_citizen_action on activity_version;
  create trigger activity_version_citizen_action after insert on activity_version
    for each row when (new."changedByRole" = 'CITIZEN') execute function activity_version_citizen_action();

  create or replace function message_citizen_action() returns trigger language plpgsql as $$
  begin
    update person set "lastCitizenActionAt" = new."sentAt"
     where id = new."personId" and ("lastCitizenActionAt" is null or "lastCitizenActionAt" < new."sentAt");
    return null;
  end $$;
  drop trigger message_citizen_action on message;
  create trigger message_citizen_action after insert on message
    for each row when (new."senderRole" = 'CITIZEN') execute function message_citizen_action();

  create or replace function goal_version_citizen_action() returns trigger language plpgsql as $$
  begin
    update person set "lastCitizenActionAt" = new."changedAt"
     where id = (select "personId" from follow_up_period where id = new."periodId")
       and ("lastCitizenActionAt" is null or "lastCitizenActionAt" < new."changedAt");
    return null;
  end $$;
  drop trigger goal_version_citizen_action on goal_version;
  create trigger goal_version_citizen_action after insert on goal_version
    for each row when (new."actorRole" = 'CITIZEN') execute function goal_version_citizen_action();

  drop function note_citizen_action(uuid, timestamptz);
`;
