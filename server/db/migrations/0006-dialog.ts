/**
 * The dialog (product.md C2), live updates and notifications.
 *
 * - `thread`: current state of a conversation, general or about one activity (at most one thread
 *   per activity), bound to the follow-up period it was started in. Status is kept as timestamps
 *   ("awaiting NAV since"), read state as the last message id each side has read.
 * - `message`: the messages, append-only (refuses UPDATE, DELETE and TRUNCATE). Ids are a sequence
 *   so that order within a thread never depends on two messages having different clock times.
 * - `thread_status_log`: every status transition (awaiting NAV/citizen, handled, read), append-only.
 * - `draft`: unsent text per author and thread; changeable, removed when sent, after 24 hours or
 *   when the period ends.
 * - `escalation_warning`: a formal warning, at most one active per person (partial unique index).
 * - `live_event`: what a change tells open pages (ids only, never text), numbered so that a page
 *   that reconnects asks for everything after the last number it saw; pruned after a day.
 * - `notification`: e-mail/SMS to the citizen, a state machine fed by the outbox worker;
 *   `notification_delivery_log` records every delivery attempt, append-only.
 */
export const up = /* sql */ `
  create table thread (
    id uuid primary key default gen_random_uuid(),
    "personId" uuid not null references person (id),
    "periodId" uuid not null references follow_up_period (id),
    "activityId" uuid references activity (id),
    subject text not null,
    "kvpOfficeId" text,
    escalation boolean not null default false,
    "createdAt" timestamptz not null,
    "createdByRole" text not null check ("createdByRole" in ('CITIZEN', 'ADVISOR', 'SYSTEM')),
    "lastMessageAt" timestamptz not null,
    "lastMessageId" bigint not null default 0,
    "messageCount" integer not null default 0,
    "awaitingNavSince" timestamptz,
    "awaitingCitizenSince" timestamptz,
    -- Messages from the other side not yet read, per side; the id of the last message each side read.
    "unreadForCitizen" integer not null default 0,
    "unreadForNav" integer not null default 0,
    "citizenReadMessageId" bigint not null default 0,
    "citizenReadAt" timestamptz,
    "navReadMessageId" bigint not null default 0,
    "navReadAt" timestamptz,
    version integer not null default 1,
    "updatedAt" timestamptz not null
  );
  create unique index thread_activity_idx on thread ("activityId") where "activityId" is not null;
  create index thread_person_idx on thread ("personId", "lastMessageAt" desc);

  create table message (
    id bigserial primary key,
    "threadId" uuid not null references thread (id),
    "personId" uuid not null references person (id),
    "senderRole" text not null check ("senderRole" in ('CITIZEN', 'ADVISOR', 'SYSTEM')),
    "senderIdent" text,
    -- The office NAV wrote from (the person's office at the time); the citizen sees it, never the advisor.
    "officeId" text,
    text text not null,
    important boolean not null default false,
    "kvpOfficeId" text,
    "sentAt" timestamptz not null
  );
  create index message_thread_idx on message ("threadId", id);
  select make_append_only('message');

  create table thread_status_log (
    id bigserial primary key,
    "threadId" uuid not null references thread (id),
    "personId" uuid not null references person (id),
    event text not null check (event in (
      'CREATED', 'MESSAGE_FROM_CITIZEN', 'MESSAGE_FROM_NAV', 'AWAITING_NAV', 'ANSWERED_BY_NAV',
      'AWAITING_CITIZEN', 'ANSWERED_BY_CITIZEN', 'READ_BY_CITIZEN', 'READ_BY_NAV', 'CLOSED_WITH_PERIOD'
    )),
    "actorRole" text not null,
    "actorIdent" text,
    "createdAt" timestamptz not null
  );
  create index thread_status_log_thread_idx on thread_status_log ("threadId", id);
  select make_append_only('thread_status_log');

  create table draft (
    "personId" uuid not null references person (id),
    "periodId" uuid not null references follow_up_period (id),
    -- 'CITIZEN' for the citizen, the NAV-ident for an advisor: drafts are private to their author.
    author text not null,
    -- The thread id; 'activity:<id>' for a first message about an activity; 'new' for a new general thread.
    "threadKey" text not null,
    "threadId" uuid references thread (id),
    "activityId" uuid references activity (id),
    subject text,
    text text not null,
    "updatedAt" timestamptz not null,
    primary key ("personId", author, "threadKey")
  );
  create index draft_updated_idx on draft ("updatedAt");

  create table escalation_warning (
    id uuid primary key default gen_random_uuid(),
    "personId" uuid not null references person (id),
    "periodId" uuid not null references follow_up_period (id),
    "threadId" uuid not null references thread (id),
    -- NAV's internal reason; the citizen reads the message in the thread, not this.
    reason text not null,
    "startedAt" timestamptz not null,
    "startedByIdent" text not null,
    "stoppedAt" timestamptz,
    "stoppedByRole" text check ("stoppedByRole" in ('ADVISOR', 'SYSTEM')),
    "stoppedByIdent" text,
    "stopReason" text,
    check (("stoppedAt" is null) = ("stoppedByRole" is null))
  );
  create unique index escalation_warning_active_idx on escalation_warning ("personId") where "stoppedAt" is null;
  create index escalation_warning_person_idx on escalation_warning ("personId", "startedAt" desc);

  create table live_event (
    id bigserial primary key,
    "personId" uuid not null references person (id),
    kind text not null,
    -- Which side may see it: 'ALL', 'NAV' or 'CITIZEN'. Ids only; the page fetches what changed.
    audience text not null default 'ALL' check (audience in ('ALL', 'NAV', 'CITIZEN')),
    "actorSide" text check ("actorSide" in ('CITIZEN', 'NAV')),
    payload jsonb not null default '{}'::jsonb,
    "createdAt" timestamptz not null
  );
  create index live_event_person_idx on live_event ("personId", id);
  create index live_event_created_idx on live_event ("createdAt");

  create table notification (
    id uuid primary key default gen_random_uuid(),
    "personId" uuid not null references person (id),
    "periodId" uuid references follow_up_period (id),
    kind text not null check (kind in (
      'NAV_MESSAGE', 'ADVANCE_NOTICE', 'ADVANCE_NOTICE_REMINDER', 'MEETING_NEW', 'MEETING_CHANGED',
      'MEETING_REMINDER', 'SUMMARY_SHARED', 'ESCALATION_WARNING'
    )),
    -- The thread (messages, escalation) or the activity (notices, meetings, summaries) it is about.
    "subjectId" uuid not null,
    status text not null check (status in ('PENDING', 'HELD', 'SENT', 'CANCELLED')),
    "dueAt" timestamptz not null,
    -- Why a notification waits ('OUTDATED', 'REGISTER_DOWN', 'NOT_REGISTERED') or was cancelled.
    reason text,
    attempts integer not null default 0,
    "mergedCount" integer not null default 1,
    "sentAt" timestamptz,
    channels text[],
    "createdAt" timestamptz not null,
    "updatedAt" timestamptz not null
  );
  create index notification_due_idx on notification ("dueAt") where status in ('PENDING', 'HELD');
  create index notification_subject_idx on notification ("subjectId", kind);
  create index notification_person_idx on notification ("personId", "createdAt" desc);

  create table notification_delivery_log (
    id bigserial primary key,
    "notificationId" uuid not null references notification (id),
    -- No channel on a HELD try: it was held before an address was chosen (register down, …).
    channel text check (channel in ('EMAIL', 'SMS')),
    outcome text not null check (outcome in ('SENT', 'FAILED', 'HELD')),
    detail text,
    "createdAt" timestamptz not null,
    check (channel is not null or outcome = 'HELD')
  );
  create index notification_delivery_log_notification_idx on notification_delivery_log ("notificationId");
  select make_append_only('notification_delivery_log');
`;
