import { z } from 'zod';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  ACTOR_ROLES,
  ADVANCE_NOTICE_TYPES,
  APPLICATION_STATUSES,
  CHANGE_KINDS,
  COUNT_PER,
  EXTERNAL_SUBTYPES,
  MEETING_CHANNELS,
  WORKING_HOURS,
} from '../activity-kinds.ts';

export * from '../activity-kinds.ts';

export type ActivityType = z.infer<typeof ActivityType>;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityStatus = z.infer<typeof ActivityStatus>;
export const ActivityStatus = z.enum(ACTIVITY_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export const MeetingChannel = z.enum(MEETING_CHANNELS);
export type MeetingChannel = z.infer<typeof MeetingChannel>;
export const WorkingHours = z.enum(WORKING_HOURS);
export const CountPer = z.enum(COUNT_PER);
export type AdvanceNoticeType = z.infer<typeof AdvanceNoticeType>;
export const AdvanceNoticeType = z.enum(ADVANCE_NOTICE_TYPES);
export const ActorRole = z.enum(ACTOR_ROLES);
export type ActorRole = z.infer<typeof ActorRole>;
export type ChangeKind = z.infer<typeof ChangeKind>;
export const ChangeKind = z.enum(CHANGE_KINDS);
export const ExternalSubtype = z.enum(EXTERNAL_SUBTYPES);
