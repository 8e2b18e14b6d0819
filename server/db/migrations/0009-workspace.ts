/**
 * The advisor workspace: what needs attention, kept per person by the database (issue 5,
 * product.md C4; decision 0008). Reading it at list time means probing the activities and
 * threads of every person of an office (5,000 in the largest) for every request: too slow for a
 * list that must answer in 50 ms. Instead `person_attention` holds, for the current follow-up
 * period, the facts the filters need, and triggers keep it right whatever writes:
 *
 * - threads: how many have messages NAV has not read, whether any awaits NAV;
 * - activities: the end dates of those not completed or cancelled (sorted, so that "past its end
 *   date" is `openEndDates[1] < today` and the number is a count over a short array), how many
 *   agreed activities have an advance notice the citizen has not confirmed, and the Oslo dates of
 *   meetings not cancelled (their `fromDate`), for "meetings today";
 * - each fact twice: over content made outside KVP (`open*`) and over all content (`all*`), with
 *   the offices the KVP content was made at. An advisor sees the `all*` facts when every one of
 *   those offices is theirs, else the `open*` ones (KVP content is seen at its office only).
 *
 * - the person's own columns the list shows, sorts and searches by (name, national id, office,
 *   protection, assignment, the citizen's last action), copied from `person` by a trigger, so that
 *   an office's list is read from one covering index in name order and never visits the scattered
 *   rows of `person` (5,000 random page reads were most of the cost).
 *
 * The triggers are deferred constraint triggers: the refresh runs once the transaction's own
 * writes are done, at commit, after every lock the writer takes in its usual order, so it adds no
 * lock-order hazard. `refresh_all_person_attention()` rebuilds the whole table set-based (the
 * benchmark's bulk load calls it after loading with the triggers off).
 */
export const up = /* sql */ `
  create table person_attention (
    "personId" uuid primary key references person (id),
    "officeId" text not null,
    "givenName" text not null,
    "familyName" text not null,
    "nationalId" text not null,
    "protectedAddress" text,
    "navEmployee" boolean not null,
    "assignedAdvisorIdent" text,
    "assigneeOpenedAt" timestamptz,
    "lastCitizenActionAt" timestamptz,
    "periodId" uuid,
    "periodStartedAt" timestamptz,
    "openUnreadThreads" integer not null default 0,
    "allUnreadThreads" integer not null default 0,
    "openAwaitingNav" boolean not null default false,
    "allAwaitingNav" boolean not null default false,
    "threadKvpOffices" text[] not null default '{}',
    "openEndDates" date[] not null default '{}',
    "allEndDates" date[] not null default '{}',
    "openUnreadNotices" integer not null default 0,
    "allUnreadNotices" integer not null default 0,
    "openMeetingDates" date[] not null default '{}',
    "allMeetingDates" date[] not null default '{}',
    "activityKvpOffices" text[] not null default '{}'
  ) with (fillfactor = 80);
  -- An office's list reads its rows from this index alone, in name order, never the scattered heap.
  create index person_attention_office_idx on person_attention ("officeId", "familyName", "givenName", "personId") include (
    "nationalId", "protectedAddress", "navEmployee", "assignedAdvisorIdent", "assigneeOpenedAt", "lastCitizenActionAt", "periodId", "periodStartedAt",
    "openUnreadThreads", "allUnreadThreads", "openAwaitingNav", "allAwaitingNav", "threadKvpOffices", "openEndDates", "allEndDates",
    "openUnreadNotices", "allUnreadNotices", "openMeetingDates", "allMeetingDates", "activityKvpOffices");
  create index person_attention_assigned_idx on person_attention ("assignedAdvisorIdent") where "assignedAdvisorIdent" is not null;

  -- The facts of one person's threads in the current period.
  create view person_attention_threads as
    select per."personId", per.id as "periodId", per."startedAt" as "periodStartedAt",
           count(t.id) filter (where t."unreadForNav" > 0 and t."kvpOfficeId" is null)::int as "openUnreadThreads",
           count(t.id) filter (where t."unreadForNav" > 0)::int as "allUnreadThreads",
           coalesce(bool_or(t."awaitingNavSince" is not null) filter (where t."kvpOfficeId" is null), false) as "openAwaitingNav",
           coalesce(bool_or(t."awaitingNavSince" is not null), false) as "allAwaitingNav",
           coalesce(array_agg(distinct t."kvpOfficeId") filter (where t."kvpOfficeId" is not null), '{}') as "threadKvpOffices"
      from follow_up_period per
      left join thread t on t."personId" = per."personId" and t."periodId" = per.id
     where per."endedAt" is null
     group by per."personId", per.id, per."startedAt";

  -- The facts of one person's activities in the current period.
  create view person_attention_activities as
    select per."personId",
           coalesce(array_agg(a."toDate" order by a."toDate") filter (where a."kvpOfficeId" is null and a.status not in ('COMPLETED', 'CANCELLED') and a."toDate" is not null), '{}') as "openEndDates",
           coalesce(array_agg(a."toDate" order by a."toDate") filter (where a.status not in ('COMPLETED', 'CANCELLED') and a."toDate" is not null), '{}') as "allEndDates",
           count(a.id) filter (where a."kvpOfficeId" is null and a."agreedWithNav" and a.status not in ('COMPLETED', 'CANCELLED') and a."advanceNotice" is not null
                                 and a."advanceNotice"->>'type' <> 'NONE' and a."advanceNotice"->>'readAt' is null)::int as "openUnreadNotices",
           count(a.id) filter (where a."agreedWithNav" and a.status not in ('COMPLETED', 'CANCELLED') and a."advanceNotice" is not null
                                 and a."advanceNotice"->>'type' <> 'NONE' and a."advanceNotice"->>'readAt' is null)::int as "allUnreadNotices",
           coalesce(array_agg(a."fromDate" order by a."fromDate") filter (where a."kvpOfficeId" is null and a.type = 'MEETING' and a.status <> 'CANCELLED' and a."fromDate" is not null), '{}') as "openMeetingDates",
           coalesce(array_agg(a."fromDate" order by a."fromDate") filter (where a.type = 'MEETING' and a.status <> 'CANCELLED' and a."fromDate" is not null), '{}') as "allMeetingDates",
           coalesce(array_agg(distinct a."kvpOfficeId") filter (where a."kvpOfficeId" is not null), '{}') as "activityKvpOffices"
      from follow_up_period per
      left join activity a on a."personId" = per."personId" and a."periodId" = per.id
     where per."endedAt" is null
     group by per."personId";

  create function refresh_person_attention(person_id uuid) returns void language plpgsql as $$
  begin
    -- Without a current period the person is listed nowhere: no row.
    delete from person_attention where "personId" = person_id
       and not exists (select 1 from follow_up_period where "personId" = person_id and "endedAt" is null);
    insert into person_attention
    select t."personId", p."officeId", p."givenName", p."familyName", p."nationalId", p."protectedAddress", p."navEmployee", p."assignedAdvisorIdent", p."assigneeOpenedAt", p."lastCitizenActionAt", t."periodId", t."periodStartedAt", t."openUnreadThreads", t."allUnreadThreads", t."openAwaitingNav", t."allAwaitingNav", t."threadKvpOffices",
           a."openEndDates", a."allEndDates", a."openUnreadNotices", a."allUnreadNotices", a."openMeetingDates", a."allMeetingDates", a."activityKvpOffices"
      from person_attention_threads t join person_attention_activities a using ("personId") join person p on p.id = t."personId"
     where t."personId" = person_id
    on conflict ("personId") do update set
      "officeId" = excluded."officeId", "givenName" = excluded."givenName", "familyName" = excluded."familyName", "nationalId" = excluded."nationalId",
      "protectedAddress" = excluded."protectedAddress", "navEmployee" = excluded."navEmployee", "assignedAdvisorIdent" = excluded."assignedAdvisorIdent",
      "assigneeOpenedAt" = excluded."assigneeOpenedAt", "lastCitizenActionAt" = excluded."lastCitizenActionAt",
      "periodId" = excluded."periodId", "periodStartedAt" = excluded."periodStartedAt",
      "openUnreadThreads" = excluded."openUnreadThreads", "allUnreadThreads" = excluded."allUnreadThreads",
      "openAwaitingNav" = excluded."openAwaitingNav", "allAwaitingNav" = excluded."allAwaitingNav", "threadKvpOffices" = excluded."threadKvpOffices",
      "openEndDates" = excluded."openEndDates", "allEndDates" = excluded."allEndDates",
      "openUnreadNotices" = excluded."openUnreadNotices", "allUnreadNotices" = excluded."allUnreadNotices",
      "openMeetingDates" = excluded."openMeetingDates", "allMeetingDates" = excluded."allMeetingDates", "activityKvpOffices" = excluded."activityKvpOffices";
  end $$;

  create function refresh_all_person_attention() returns void language sql as $$
    truncate person_attention;
    insert into person_attention
    select t."personId", p."officeId", p."givenName", p."familyName", p."nationalId", p."protectedAddress", p."navEmployee", p."assignedAdvisorIdent", p."assigneeOpenedAt", p."lastCitizenActionAt", t."periodId", t."periodStartedAt", t."openUnreadThreads", t."allUnreadThreads", t."openAwaitingNav", t."allAwaitingNav", t."threadKvpOffices",
           a."openEndDates", a."allEndDates", a."openUnreadNotices", a."allUnreadNotices", a."openMeetingDates", a."allMeetingDates", a."activityKvpOffices"
      from person_attention_threads t join person_attention_activities a using ("personId") join person p on p.id = t."personId"
     order by p."officeId", p."familyName", p."givenName";
  $$;

  -- A thread or an activity changed: only its half of the facts is counted again (the row exists
  -- while the person has a current period; without one there is nothing to keep).
  create function person_attention_changed() returns trigger language plpgsql as $$
  begin
    if tg_table_name = 'thread' then
      update person_attention pa set "openUnreadThreads" = t."openUnreadThreads", "allUnreadThreads" = t."allUnreadThreads",
             "openAwaitingNav" = t."openAwaitingNav", "allAwaitingNav" = t."allAwaitingNav", "threadKvpOffices" = t."threadKvpOffices"
        from person_attention_threads t
       where pa."personId" = new."personId" and t."personId" = new."personId";
    elsif tg_table_name = 'activity' then
      update person_attention pa set "openEndDates" = a."openEndDates", "allEndDates" = a."allEndDates",
             "openUnreadNotices" = a."openUnreadNotices", "allUnreadNotices" = a."allUnreadNotices",
             "openMeetingDates" = a."openMeetingDates", "allMeetingDates" = a."allMeetingDates", "activityKvpOffices" = a."activityKvpOffices"
        from person_attention_activities a
       where pa."personId" = new."personId" and a."personId" = new."personId";
    else
      perform refresh_person_attention(new."personId");
    end if;
    return null;
  end $$;

  create constraint trigger thread_attention_insert after insert on thread
    deferrable initially deferred for each row execute function person_attention_changed();
  create constraint trigger thread_attention_update after update on thread
    deferrable initially deferred for each row
    when (old."unreadForNav" is distinct from new."unreadForNav" or old."awaitingNavSince" is distinct from new."awaitingNavSince"
          or old."periodId" is distinct from new."periodId" or old."kvpOfficeId" is distinct from new."kvpOfficeId")
    execute function person_attention_changed();
  create constraint trigger activity_attention_insert after insert on activity
    deferrable initially deferred for each row execute function person_attention_changed();
  -- Not for read markers and content that no filter looks at.
  create constraint trigger activity_attention_update after update on activity
    deferrable initially deferred for each row
    when (old.status is distinct from new.status or old."toDate" is distinct from new."toDate" or old."fromDate" is distinct from new."fromDate"
          or old."advanceNotice" is distinct from new."advanceNotice" or old."agreedWithNav" is distinct from new."agreedWithNav"
          or old."periodId" is distinct from new."periodId" or old."kvpOfficeId" is distinct from new."kvpOfficeId" or old.type is distinct from new.type)
    execute function person_attention_changed();
  -- The person's own columns the list shows, sorts and filters by.
  create function person_attention_person_changed() returns trigger language plpgsql as $$
  begin
    update person_attention set "officeId" = new."officeId", "givenName" = new."givenName", "familyName" = new."familyName",
           "nationalId" = new."nationalId", "protectedAddress" = new."protectedAddress", "navEmployee" = new."navEmployee",
           "assignedAdvisorIdent" = new."assignedAdvisorIdent", "assigneeOpenedAt" = new."assigneeOpenedAt", "lastCitizenActionAt" = new."lastCitizenActionAt"
     where "personId" = new.id;
    return null;
  end $$;
  create constraint trigger person_attention_person after update on person
    deferrable initially deferred for each row
    when (old."officeId" is distinct from new."officeId" or old."givenName" is distinct from new."givenName" or old."familyName" is distinct from new."familyName"
          or old."protectedAddress" is distinct from new."protectedAddress" or old."navEmployee" is distinct from new."navEmployee"
          or old."assignedAdvisorIdent" is distinct from new."assignedAdvisorIdent" or old."assigneeOpenedAt" is distinct from new."assigneeOpenedAt"
          or old."lastCitizenActionAt" is distinct from new."lastCitizenActionAt")
    execute function person_attention_person_changed();
  create constraint trigger follow_up_period_attention after insert or update on follow_up_period
    deferrable initially deferred for each row execute function person_attention_changed();

  select refresh_all_person_attention();
`;
