import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/**
 * Kysely's view of the schema made by server/db/migrations. Column names are camelCase (quoted in
 * SQL) so that the SQL and the TypeScript read alike (docs/decisions/0003-database-naming.md).
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedTimestamp = ColumnType<Date, Date | string | undefined, never>;

export interface OfficeTable {
  id: string;
  name: string;
}

export interface PersonTable {
  id: Generated<string>;
  nationalId: string;
  givenName: string;
  familyName: string;
  protectedAddress: 'STRICT' | 'CONFIDENTIAL' | null;
  navEmployee: Generated<boolean>;
  officeId: string;
  language: Generated<'nb' | 'nn' | 'en'>;
  registerRefreshedAt: Timestamp;
  createdAt: CreatedTimestamp;
  /** Who follows the person up (latest row of advisor_assignment_log). */
  assignedAdvisorIdent: ColumnType<string | null, string | null | undefined, string | null>;
  assignedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the assigned advisor first opened the person after the assignment; null = new to them. */
  assigneeOpenedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Kept by database triggers: the citizen's latest change or message. */
  lastCitizenActionAt: ColumnType<Date | null, never, never>;
  /** Counted up by database triggers whenever the person's state changes (migration 0012). */
  stateVersion: ColumnType<number, never, never>;
}

export interface AdvisorPreferenceTable {
  ident: string;
  language: 'nb' | 'nn' | 'en';
  updatedAt: Timestamp;
}

export interface FollowUpPeriodTable {
  id: Generated<string>;
  personId: string;
  startedAt: Timestamp;
  startedByIdent: string | null;
  endedAt: Timestamp | null;
  endedByIdent: string | null;
}

export interface ManualFollowUpLogTable {
  id: Generated<number>;
  personId: string;
  manual: boolean;
  reason: string | null;
  actorRole: string;
  actorIdent: string | null;
  createdAt: CreatedTimestamp;
}

export interface KvpPeriodTable {
  id: Generated<string>;
  personId: string;
  officeId: string;
  startedAt: Timestamp;
  startedByIdent: string;
  startReason: string;
  endedAt: Timestamp | null;
  endedByIdent: string | null;
  endReason: string | null;
}

export interface GoalTable {
  periodId: string;
  personId: string;
  text: string;
  version: number;
  changedAt: Timestamp;
  actorRole: string;
  actorIdent: string | null;
  citizenReadVersion: Generated<number>;
  navReadVersion: Generated<number>;
}

export interface GoalVersionTable {
  periodId: string;
  version: number;
  text: string;
  changedAt: Timestamp;
  actorRole: string;
  actorIdent: string | null;
}

/** Columns that a version snapshot shares with the current activity row. */
export interface ActivityColumns {
  personId: string;
  periodId: string;
  type: string;
  status: string;
  title: string | null;
  description: string | null;
  fromDate: string | null;
  toDate: string | null;
  link: string | null;
  details: JSONColumnType<Record<string, unknown>, string, string>;
  applicationStatus: string | null;
  agreedWithNav: boolean;
  proposedBy: string | null;
  closingReason: string | null;
  advanceNotice: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  kvpOfficeId: string | null;
  version: number;
  changeKind: string;
  changedAt: Timestamp;
  changedByRole: string;
  changedByIdent: string | null;
}

export interface ActivityTable extends ActivityColumns {
  id: Generated<string>;
  createdAt: Timestamp;
  createdByRole: string;
  /** The version each side last read (unread markers); not history, never versioned. */
  citizenReadVersion: Generated<number>;
  navReadVersion: Generated<number>;
}

export interface ActivityVersionTable extends ActivityColumns {
  activityId: string;
}

export interface AdvanceNoticeVersionTable {
  activityId: string;
  version: number;
  type: 'STANDARD' | 'AAP_11_9' | 'NONE';
  legalBasis: string | null;
  text: string | null;
  language: string | null;
  channel: string | null;
  notifiedAt: Timestamp | null;
  readAt: Timestamp | null;
  readActivityVersion: number | null;
  createdAt: Timestamp;
  createdByIdent: string;
  changedAt: Timestamp;
  changedByRole: string;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  aggregateId: string;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  createdAt: CreatedTimestamp;
  availableAt: ColumnType<Date, Date | string | undefined, Date | string>;
  processedAt: Timestamp | null;
  attempts: Generated<number>;
  lastError: string | null;
}

export interface ThreadTable {
  id: Generated<string>;
  personId: string;
  periodId: string;
  activityId: string | null;
  subject: string;
  kvpOfficeId: string | null;
  escalation: Generated<boolean>;
  createdAt: Timestamp;
  createdByRole: 'CITIZEN' | 'ADVISOR' | 'SYSTEM';
  lastMessageAt: Timestamp;
  lastMessageId: Generated<number>;
  messageCount: Generated<number>;
  awaitingNavSince: Timestamp | null;
  awaitingCitizenSince: Timestamp | null;
  unreadForCitizen: Generated<number>;
  unreadForNav: Generated<number>;
  citizenReadMessageId: Generated<number>;
  citizenReadAt: Timestamp | null;
  navReadMessageId: Generated<number>;
  navReadAt: Timestamp | null;
  version: Generated<number>;
  updatedAt: Timestamp;
}

export interface MessageTable {
  id: Generated<number>;
  threadId: string;
  personId: string;
  senderRole: 'CITIZEN' | 'ADVISOR' | 'SYSTEM';
  senderIdent: string | null;
  officeId: string | null;
  text: string;
  important: Generated<boolean>;
  kvpOfficeId: string | null;
  sentAt: Timestamp;
}

export type ThreadStatusEvent =
  | 'CREATED'
  | 'MESSAGE_FROM_CITIZEN'
  | 'MESSAGE_FROM_NAV'
  | 'AWAITING_NAV'
  | 'ANSWERED_BY_NAV'
  | 'AWAITING_CITIZEN'
  | 'ANSWERED_BY_CITIZEN'
  | 'READ_BY_CITIZEN'
  | 'READ_BY_NAV'
  | 'CLOSED_WITH_PERIOD';

export interface ThreadStatusLogTable {
  id: Generated<number>;
  threadId: string;
  personId: string;
  event: ThreadStatusEvent;
  actorRole: string;
  actorIdent: string | null;
  createdAt: Timestamp;
}

export interface DraftTable {
  personId: string;
  periodId: string;
  author: string;
  threadKey: string;
  threadId: string | null;
  activityId: string | null;
  subject: string | null;
  text: string;
  updatedAt: Timestamp;
}

export interface EscalationWarningTable {
  id: Generated<string>;
  personId: string;
  periodId: string;
  threadId: string;
  reason: string;
  startedAt: Timestamp;
  startedByIdent: string;
  stoppedAt: Timestamp | null;
  stoppedByRole: 'ADVISOR' | 'SYSTEM' | null;
  stoppedByIdent: string | null;
  stopReason: string | null;
}

export interface LiveEventTable {
  id: Generated<number>;
  personId: string;
  kind: string;
  audience: Generated<'ALL' | 'NAV' | 'CITIZEN'>;
  actorSide: 'CITIZEN' | 'NAV' | null;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  createdAt: Timestamp;
  /** The KVP office of the content the event is about (migration 0008); null when it is no KVP content. */
  kvpOfficeId: ColumnType<string | null, string | null | undefined, string | null>;
}

export type NotificationKind =
  | 'NAV_MESSAGE'
  | 'ADVANCE_NOTICE'
  | 'ADVANCE_NOTICE_REMINDER'
  | 'MEETING_NEW'
  | 'MEETING_CHANGED'
  | 'MEETING_REMINDER'
  | 'SUMMARY_SHARED'
  | 'ESCALATION_WARNING';

export interface NotificationTable {
  id: Generated<string>;
  personId: string;
  periodId: string | null;
  kind: NotificationKind;
  subjectId: string;
  status: 'PENDING' | 'HELD' | 'SENT' | 'CANCELLED';
  dueAt: Timestamp;
  reason: string | null;
  attempts: Generated<number>;
  mergedCount: Generated<number>;
  sentAt: Timestamp | null;
  channels: string[] | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface NotificationDeliveryLogTable {
  id: Generated<number>;
  notificationId: string;
  /** Null on a HELD try made before an address was chosen. */
  channel: 'EMAIL' | 'SMS' | null;
  outcome: 'SENT' | 'FAILED' | 'HELD';
  detail: string | null;
  createdAt: Timestamp;
}

export interface SigningKeyTable {
  kid: string;
  privateJwk: JSONColumnType<Record<string, unknown>, string, string>;
  createdAt: CreatedTimestamp;
}

/** One stored object of the development identity provider (grant, code, interaction, its session). */
export interface OidcGrantStateTable {
  model: string;
  id: string;
  payload: JSONColumnType<Record<string, unknown>, string, string>;
  grantId: string | null;
  userCode: string | null;
  uid: string | null;
  expiresAt: Timestamp | null;
  consumedAt: Timestamp | null;
}

export interface OidcSecretTable {
  name: string;
  value: JSONColumnType<object, string, string>;
  createdAt: CreatedTimestamp;
}

export interface PendingAuthRequestTable {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Timestamp;
}

export interface WebSessionTable {
  id: string;
  principal: JSONColumnType<Record<string, unknown>, string, string>;
  displayName: string | null;
  csrfToken: string;
  idToken: string | null;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  idleExpiresAt: Timestamp;
  absoluteExpiresAt: Timestamp;
  endedAt: Timestamp | null;
  endReason: 'LOGOUT' | 'REPLACED' | null;
}

export interface AdvisorAssignmentLogTable {
  id: Generated<number>;
  personId: string;
  advisorIdent: string;
  assignedAt: Timestamp;
  actorIdent: string;
}

export interface AdvisorDirectoryTable {
  ident: string;
  name: string;
  offices: ColumnType<string[], string[], string[]>;
  seenAt: Timestamp;
}

export type AuditAction = 'READ' | 'WRITE' | 'LIST' | 'SEARCH' | 'SETTING';

export interface AuditRecordTable {
  id: Generated<number>;
  at: Timestamp;
  actorIdent: string;
  actorName: string;
  actorOfficeId: string | null;
  action: AuditAction;
  subject: string;
  personId: string | null;
  query: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface OfficeSettingTable {
  officeId: string;
  passiveAfterDays: number;
  updatedAt: Timestamp;
  updatedByIdent: string;
}

export interface DB {
  signing_key: SigningKeyTable;
  office: OfficeTable;
  person: PersonTable;
  advisor_preference: AdvisorPreferenceTable;
  follow_up_period: FollowUpPeriodTable;
  manual_follow_up_log: ManualFollowUpLogTable;
  kvp_period: KvpPeriodTable;
  goal: GoalTable;
  goal_version: GoalVersionTable;
  activity: ActivityTable;
  activity_version: ActivityVersionTable;
  advance_notice_version: AdvanceNoticeVersionTable;
  outbox: OutboxTable;
  thread: ThreadTable;
  message: MessageTable;
  thread_status_log: ThreadStatusLogTable;
  draft: DraftTable;
  escalation_warning: EscalationWarningTable;
  live_event: LiveEventTable;
  notification: NotificationTable;
  notification_delivery_log: NotificationDeliveryLogTable;
  oidc_grant_state: OidcGrantStateTable;
  oidc_secret: OidcSecretTable;
  pending_auth_request: PendingAuthRequestTable;
  web_session: WebSessionTable;
  advisor_assignment_log: AdvisorAssignmentLogTable;
  advisor_directory: AdvisorDirectoryTable;
  audit_record: AuditRecordTable;
  office_setting: OfficeSettingTable;
}
