/**
 * The plan core: persons (register snapshot), follow-up periods, the digital/manual log, KVP
 * periods, goals and activities with their append-only versions, advance notices, read state and
 * the outbox. Append-only tables get `make_append_only`, which refuses UPDATE, DELETE and TRUNCATE.
 */
export const up = /* sql */ `
    create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'append-only table %: % refused', TG_TABLE_NAME, TG_OP
        using errcode = 'P0001', hint = 'history is never changed or deleted';
    end $$;

    create function make_append_only(tbl regclass) returns void language plpgsql as $$
    begin
      execute format('create trigger %I before update or delete on %s for each row execute function refuse_change()',
        'refuse_change_row', tbl);
      execute format('create trigger %I before truncate on %s for each statement execute function refuse_change()',
        'refuse_change_truncate', tbl);
    end $$;

    create table office (
      id text primary key,
      name text not null
    );

    create table person (
      id uuid primary key default gen_random_uuid(),
      "nationalId" text not null unique,
      "givenName" text not null,
      "familyName" text not null,
      "protectedAddress" text check ("protectedAddress" in ('STRICT', 'CONFIDENTIAL')),
      "navEmployee" boolean not null default false,
      "officeId" text not null,
      "language" text not null default 'nb' check ("language" in ('nb', 'nn', 'en')),
      "registerRefreshedAt" timestamptz not null,
      "createdAt" timestamptz not null default now()
    );
    create index person_office_idx on person ("officeId");

    create table follow_up_period (
      id uuid primary key default gen_random_uuid(),
      "personId" uuid not null references person (id),
      "startedAt" timestamptz not null,
      "startedByIdent" text,
      "endedAt" timestamptz,
      "endedByIdent" text,
      check ("endedAt" is null or "endedAt" >= "startedAt")
    );
    create index follow_up_period_person_idx on follow_up_period ("personId", "startedAt" desc);
    -- At most one current period per person.
    create unique index follow_up_period_current_idx on follow_up_period ("personId") where "endedAt" is null;

    create table manual_follow_up_log (
      id bigserial primary key,
      "personId" uuid not null references person (id),
      manual boolean not null,
      reason text,
      "actorRole" text not null,
      "actorIdent" text,
      "createdAt" timestamptz not null default now()
    );
    create index manual_follow_up_log_person_idx on manual_follow_up_log ("personId", id desc);
    select make_append_only('manual_follow_up_log');

    create table kvp_period (
      id uuid primary key default gen_random_uuid(),
      "personId" uuid not null references person (id),
      "officeId" text not null,
      "startedAt" timestamptz not null,
      "startedByIdent" text not null,
      "startReason" text not null,
      "endedAt" timestamptz,
      "endedByIdent" text,
      "endReason" text
    );
    create index kvp_period_person_idx on kvp_period ("personId", "startedAt" desc);
    create unique index kvp_period_current_idx on kvp_period ("personId") where "endedAt" is null;

    create table goal (
      "periodId" uuid primary key references follow_up_period (id),
      "personId" uuid not null references person (id),
      text text not null,
      version integer not null,
      "changedAt" timestamptz not null,
      "actorRole" text not null,
      "actorIdent" text
    );

    create table goal_version (
      "periodId" uuid not null references follow_up_period (id),
      version integer not null,
      text text not null,
      "changedAt" timestamptz not null,
      "actorRole" text not null,
      "actorIdent" text,
      primary key ("periodId", version)
    );
    select make_append_only('goal_version');

    create table activity (
      id uuid primary key default gen_random_uuid(),
      "personId" uuid not null references person (id),
      "periodId" uuid not null references follow_up_period (id),
      type text not null,
      status text not null,
      title text,
      description text,
      "fromDate" date,
      "toDate" date,
      link text,
      details jsonb not null default '{}'::jsonb,
      "applicationStatus" text,
      "agreedWithNav" boolean not null default false,
      "proposedBy" text,
      "closingReason" text,
      "advanceNotice" jsonb,
      "kvpOfficeId" text,
      version integer not null,
      "changeKind" text not null,
      "createdAt" timestamptz not null,
      "createdByRole" text not null,
      "changedAt" timestamptz not null,
      "changedByRole" text not null,
      "changedByIdent" text
    );
    create index activity_person_period_idx on activity ("personId", "periodId");

    create table activity_version (
      "activityId" uuid not null references activity (id),
      version integer not null,
      "personId" uuid not null,
      "periodId" uuid not null,
      type text not null,
      status text not null,
      title text,
      description text,
      "fromDate" date,
      "toDate" date,
      link text,
      details jsonb not null,
      "applicationStatus" text,
      "agreedWithNav" boolean not null,
      "proposedBy" text,
      "closingReason" text,
      "advanceNotice" jsonb,
      "kvpOfficeId" text,
      "changeKind" text not null,
      "changedAt" timestamptz not null,
      "changedByRole" text not null,
      "changedByIdent" text,
      primary key ("activityId", version)
    );
    select make_append_only('activity_version');

    create table advance_notice_version (
      "activityId" uuid not null references activity (id),
      version integer not null,
      type text not null check (type in ('STANDARD', 'AAP_11_9', 'NONE')),
      "legalBasis" text,
      text text,
      "language" text,
      channel text,
      "notifiedAt" timestamptz,
      "readAt" timestamptz,
      "readActivityVersion" integer,
      "createdAt" timestamptz not null,
      "createdByIdent" text not null,
      "changedAt" timestamptz not null,
      "changedByRole" text not null,
      primary key ("activityId", version)
    );
    select make_append_only('advance_notice_version');

    -- Which version of an activity (or a goal) each side last read; changeable by design.
    create table read_state (
      "subjectId" uuid not null,
      side text not null check (side in ('CITIZEN', 'NAV')),
      "readVersion" integer not null,
      "readAt" timestamptz not null,
      primary key ("subjectId", side)
    );

    create table outbox (
      id bigserial primary key,
      topic text not null,
      "aggregateId" text not null,
      payload jsonb not null,
      "createdAt" timestamptz not null default now(),
      "availableAt" timestamptz not null default now(),
      "processedAt" timestamptz,
      attempts integer not null default 0,
      "lastError" text
    );
    create index outbox_pending_idx on outbox ("availableAt") where "processedAt" is null;
  `;
