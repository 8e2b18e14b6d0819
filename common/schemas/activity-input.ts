import { z } from 'zod';
import { LIMITS, MEETING_DURATIONS } from '../limits.ts';
import { AdvanceNoticeType, ApplicationStatus, ActivityStatus, CountPer, MeetingChannel, WorkingHours } from './activity-enums.ts';
import { CalendarDate, Instant, optionalText, requiredText, Version } from './primitives.ts';

/** Field sets per type; the same schemas serve the web forms and the server routes. */
const jobApplication = {
  title: requiredText(LIMITS.title),
  fromDate: CalendarDate,
  toDate: CalendarDate.nullish(),
  employer: optionalText(LIMITS.shortText),
  contactPerson: optionalText(LIMITS.shortText),
  workplace: optionalText(LIMITS.shortText),
  description: optionalText(LIMITS.description),
  link: optionalText(LIMITS.link),
};
const currentJob = {
  title: requiredText(LIMITS.title),
  fromDate: CalendarDate,
  toDate: CalendarDate.nullish(),
  workingHours: WorkingHours,
  employer: optionalText(LIMITS.shortText),
  employmentType: optionalText(LIMITS.shortText),
  description: optionalText(LIMITS.description),
};
const selfDirected = {
  title: requiredText(LIMITS.title),
  fromDate: CalendarDate,
  toDate: CalendarDate,
  purpose: optionalText(LIMITS.shortText),
  description: optionalText(LIMITS.description),
  checklist: optionalText(LIMITS.shortText),
  link: optionalText(LIMITS.link),
};
const medicalTreatment = {
  treatmentType: requiredText(LIMITS.title),
  treatmentPlace: requiredText(LIMITS.shortText),
  fromDate: CalendarDate,
  toDate: CalendarDate,
  expectedEffect: optionalText(LIMITS.shortText),
  navFollowUp: optionalText(LIMITS.shortText),
  description: optionalText(LIMITS.medicalDescription),
};
const jobSearchAgreement = {
  fromDate: CalendarDate,
  toDate: CalendarDate,
  applicationCount: z.number({ message: 'must be a whole number' }).int().min(1).max(LIMITS.applicationsPerPeriodMax),
  countPer: CountPer,
  navFollowUp: optionalText(LIMITS.shortText),
  description: optionalText(LIMITS.description),
};
const meeting = {
  title: requiredText(LIMITS.title),
  startsAt: Instant,
  durationMinutes: z.number().int().refine((n) => MEETING_DURATIONS.includes(n), { message: 'must be one of the offered durations' }),
  channel: MeetingChannel,
  place: requiredText(LIMITS.shortText),
  agenda: requiredText(LIMITS.description),
  preparations: optionalText(LIMITS.meetingPreparations),
};
const conversationSummary = {
  title: requiredText(LIMITS.title),
  fromDate: CalendarDate,
  channel: MeetingChannel,
};

/** Creation may start as a suggestion ("thinking about it"); otherwise PLANNED. */
const initialStatus = { status: z.enum(['SUGGESTED', 'PLANNED']).default('PLANNED') };

export const ActivityCreateSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('JOB_APPLICATION'), ...jobApplication, ...initialStatus }).strict(),
  z.object({ type: z.literal('CURRENT_JOB'), ...currentJob, ...initialStatus }).strict(),
  z.object({ type: z.literal('SELF_DIRECTED'), ...selfDirected, ...initialStatus }).strict(),
  z.object({ type: z.literal('MEDICAL_TREATMENT'), ...medicalTreatment, ...initialStatus }).strict(),
  z.object({ type: z.literal('JOB_SEARCH_AGREEMENT'), ...jobSearchAgreement, ...initialStatus }).strict(),
  z.object({ type: z.literal('MEETING'), ...meeting }).strict(),
  z
    .object({
      type: z.literal('CONVERSATION_SUMMARY'),
      ...conversationSummary,
      summary: requiredText(LIMITS.summary),
      share: z.boolean().default(false),
    })
    .strict(),
]);
export type ActivityCreateInput = z.infer<typeof ActivityCreateSchema>;

/** A full replacement of the editable fields, naming the version it read. */
export const ActivityEditSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('JOB_APPLICATION'), version: Version, ...jobApplication }).strict(),
  z.object({ type: z.literal('CURRENT_JOB'), version: Version, ...currentJob }).strict(),
  z.object({ type: z.literal('SELF_DIRECTED'), version: Version, ...selfDirected }).strict(),
  z.object({ type: z.literal('MEDICAL_TREATMENT'), version: Version, ...medicalTreatment }).strict(),
  z.object({ type: z.literal('JOB_SEARCH_AGREEMENT'), version: Version, ...jobSearchAgreement }).strict(),
  z.object({ type: z.literal('MEETING'), version: Version, ...meeting }).strict(),
  z.object({ type: z.literal('CONVERSATION_SUMMARY'), version: Version, ...conversationSummary }).strict(),
]);
export type ActivityEditInput = z.infer<typeof ActivityEditSchema>;

export const EndDateChangeSchema = z.object({ version: Version, toDate: CalendarDate }).strict();
export type EndDateChangeInput = z.infer<typeof EndDateChangeSchema>;

export const StatusChangeSchema = z
  .object({ version: Version, status: ActivityStatus, closingReason: optionalText(LIMITS.closingReason) })
  .strict();
export type StatusChangeInput = z.infer<typeof StatusChangeSchema>;

export const ApplicationStatusChangeSchema = z.object({ version: Version, applicationStatus: ApplicationStatus.nullable() }).strict();
export type ApplicationStatusChangeInput = z.infer<typeof ApplicationStatusChangeSchema>;

export const AgreementSchema = z
  .object({
    version: Version,
    advanceNotice: z
      .object({ type: AdvanceNoticeType, text: optionalText(LIMITS.advanceNoticeText) })
      .strict(),
  })
  .strict();
export type AgreementInput = z.infer<typeof AgreementSchema>;

export const SummarySchema = z.object({ version: Version, summary: requiredText(LIMITS.summary), share: z.boolean() }).strict();
export type SummaryInput = z.infer<typeof SummarySchema>;

export const VersionOnlySchema = z.object({ version: Version }).strict();
export type VersionOnlyInput = z.infer<typeof VersionOnlySchema>;
