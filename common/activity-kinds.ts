/**
 * The activity vocabulary as plain constants, without zod: the web app's board imports these
 * (zod loads only with the forms). common/schemas/activity-enums.ts wraps them in schemas.
 */
export const ACTIVITY_TYPES = [
  'JOB_APPLICATION',
  'CURRENT_JOB',
  'SELF_DIRECTED',
  'MEDICAL_TREATMENT',
  'JOB_SEARCH_AGREEMENT',
  'MEETING',
  'CONVERSATION_SUMMARY',
  'EXTERNAL',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Types a citizen may create; the rest are created by the advisor (or arrive from other systems). */
export const CITIZEN_CREATABLE: readonly ActivityType[] = ['JOB_APPLICATION', 'CURRENT_JOB', 'SELF_DIRECTED', 'MEDICAL_TREATMENT'];
export const ADVISOR_CREATABLE: readonly ActivityType[] = [...CITIZEN_CREATABLE, 'JOB_SEARCH_AGREEMENT', 'MEETING', 'CONVERSATION_SUMMARY'];
/** Types only the advisor moves between statuses or edits. */
export const ADVISOR_ONLY_TYPES: readonly ActivityType[] = ['MEETING', 'CONVERSATION_SUMMARY'];

/** Board columns, in order. */
export const ACTIVITY_STATUSES = ['SUGGESTED', 'PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const FINAL_STATUSES: readonly ActivityStatus[] = ['COMPLETED', 'CANCELLED'];

export const APPLICATION_STATUSES = ['APPLIED', 'INTERVIEW', 'REJECTED', 'JOB_OFFER'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const MEETING_CHANNELS = ['IN_PERSON', 'PHONE', 'VIDEO'] as const;
export const WORKING_HOURS = ['FULL_TIME', 'PART_TIME'] as const;
export const COUNT_PER = ['WEEK', 'MONTH'] as const;

export const ADVANCE_NOTICE_TYPES = ['STANDARD', 'AAP_11_9', 'NONE'] as const;
export type AdvanceNoticeType = (typeof ADVANCE_NOTICE_TYPES)[number];

export const ACTOR_ROLES = ['CITIZEN', 'ADVISOR', 'SYSTEM', 'EMPLOYER'] as const;

/** The kind of change a version records. */
export const CHANGE_KINDS = [
  'CREATED',
  'DETAILS_CHANGED',
  'STATUS_CHANGED',
  'END_DATE_CHANGED',
  'APPLICATION_STATUS_CHANGED',
  'AGREED',
  'SUMMARY_SAVED',
  'SUMMARY_SHARED',
  'NOTICE_READ',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Subtypes of cards from other systems (reference frontend-aktivitetsplan.md §4.10). */
export const EXTERNAL_SUBTYPES = [
  'ARENA_TILTAK',
  'MIDLERTIDIG_LONNSTILSKUDD',
  'VARIG_LONNSTILSKUDD',
  'ARBEIDSTRENING',
  'MENTOR',
  'INDOPPFAG',
  'ARBFORB',
  'AVKLARAG',
  'VASV',
  'JOBBK',
  'GRUPPEAMO',
  'ENKELAMO',
  'HOYEREUTD',
  'REKRUTTERINGSTREFF',
] as const;
