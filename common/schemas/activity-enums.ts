import { z } from 'zod';

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
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

/** Types a citizen may create; the rest are created by the advisor (or arrive from other systems). */
export const CITIZEN_CREATABLE: readonly ActivityType[] = ['JOB_APPLICATION', 'CURRENT_JOB', 'SELF_DIRECTED', 'MEDICAL_TREATMENT'];
export const ADVISOR_CREATABLE: readonly ActivityType[] = [...CITIZEN_CREATABLE, 'JOB_SEARCH_AGREEMENT', 'MEETING', 'CONVERSATION_SUMMARY'];
/** Types only the advisor moves between statuses or edits. */
export const ADVISOR_ONLY_TYPES: readonly ActivityType[] = ['MEETING', 'CONVERSATION_SUMMARY'];

/** Board columns, in order. */
export const ACTIVITY_STATUSES = ['SUGGESTED', 'PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export const ActivityStatus = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof ActivityStatus>;
export const FINAL_STATUSES: readonly ActivityStatus[] = ['COMPLETED', 'CANCELLED'];

export const APPLICATION_STATUSES = ['APPLIED', 'INTERVIEW', 'REJECTED', 'JOB_OFFER'] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const MeetingChannel = z.enum(['IN_PERSON', 'PHONE', 'VIDEO']);
export type MeetingChannel = z.infer<typeof MeetingChannel>;

export const WorkingHours = z.enum(['FULL_TIME', 'PART_TIME']);
export const CountPer = z.enum(['WEEK', 'MONTH']);

export const ADVANCE_NOTICE_TYPES = ['STANDARD', 'AAP_11_9', 'NONE'] as const;
export const AdvanceNoticeType = z.enum(ADVANCE_NOTICE_TYPES);
export type AdvanceNoticeType = z.infer<typeof AdvanceNoticeType>;

export const ActorRole = z.enum(['CITIZEN', 'ADVISOR', 'SYSTEM', 'EMPLOYER']);
export type ActorRole = z.infer<typeof ActorRole>;

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
export const ChangeKind = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof ChangeKind>;

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
export const ExternalSubtype = z.enum(EXTERNAL_SUBTYPES);
