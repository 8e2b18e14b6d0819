import { z } from 'zod';
import { ActivityStatus, ActivityType, ActorRole, AdvanceNoticeType, ApplicationStatus, ChangeKind } from './activity-enums.ts';

export * from './activity-enums.ts';
export * from './activity-input.ts';

/** Who made a change, as the audience may see it: the citizen sees "NAV" and the office, never an advisor. */
export const ChangedBySchema = z.object({
  role: ActorRole,
  /** The advisor's NAV-ident or the system's id; only ever sent to advisors. */
  ident: z.string().nullable(),
});

export const AdvanceNoticeSchema = z.object({
  type: AdvanceNoticeType,
  legalBasis: z.string().nullable(),
  text: z.string().nullable(),
  language: z.string().nullable(),
  channel: z.string().nullable(),
  createdAt: z.string(),
  notifiedAt: z.string().nullable(),
  readAt: z.string().nullable(),
});
export type AdvanceNotice = z.infer<typeof AdvanceNoticeSchema>;

export const ActivitySchema = z.object({
  id: z.string(),
  periodId: z.string(),
  type: ActivityType,
  status: ActivityStatus,
  title: z.string().nullable(),
  description: z.string().nullable(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  link: z.string().nullable(),
  /** Fields of the activity's own type (employer, treatmentPlace, startsAt, summary, …). */
  details: z.record(z.string(), z.unknown()),
  applicationStatus: ApplicationStatus.nullable(),
  agreedWithNav: z.boolean(),
  proposedBy: ActorRole.nullable(),
  closingReason: z.string().nullable(),
  advanceNotice: AdvanceNoticeSchema.nullable(),
  version: z.number().int(),
  lastChange: ChangeKind,
  createdAt: z.string(),
  changedAt: z.string(),
  changedBy: ChangedBySchema,
  /** Changed by the other party since this side last read it. */
  unread: z.boolean(),
  /** Whether the caller may change it at all now (period current, not final, not locked for them). */
  editable: z.boolean(),
});
export type Activity = z.infer<typeof ActivitySchema>;

export const HistoryEntrySchema = z.object({
  version: z.number().int(),
  at: z.string(),
  changedBy: ChangedBySchema,
  kind: ChangeKind,
  /** The fields that changed from the previous version. */
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  /** The change told as a sentence in the caller's language, worded for the caller's side. */
  sentence: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const ActivityDetailSchema = z.object({ activity: ActivitySchema, history: z.array(HistoryEntrySchema) });
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;

export const AgreementOptionsSchema = z.object({
  /** Advance-notice types the advisor may choose now. */
  allowed: z.array(AdvanceNoticeType),
  /** Why only NONE can be chosen, when that is so. */
  reasons: z.array(
    z.enum(['NO_END_DATE', 'END_DATE_TOO_SOON', 'MANUAL_FOLLOW_UP', 'RESERVED', 'CONTACT_DETAILS_OUTDATED', 'CONTACT_REGISTER_UNAVAILABLE', 'IN_KVP', 'NOT_IN_CONTACT_REGISTER']),
  ),
  /** The standard text in the citizen's language, as it would be stored. */
  standardText: z.string(),
  aapTemplate: z.string(),
  language: z.string(),
});
export type AgreementOptions = z.infer<typeof AgreementOptionsSchema>;
