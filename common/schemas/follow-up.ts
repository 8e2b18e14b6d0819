import { z } from 'zod';
import { optionalText, requiredText } from './primitives.ts';

/** Limits of the follow-up texts (a reason is a sentence or two, never a case file). */
export const FOLLOW_UP_LIMITS = { reason: 500 } as const;

/** An advisor's NAV-ident: one capital letter and six digits. */
export const AdvisorIdent = z
  .string({ message: 'is required' })
  .regex(/^[A-Z]\d{6}$/, { message: 'must be a NAV-ident (a capital letter and six digits)' });

const Side = z.enum(['CITIZEN', 'NAV']);

/**
 * Digital ⇄ manual follow-up (product.md C3). An advisor switches either way and gives a reason;
 * the citizen may only switch themself to digital (and not while reserved in the contact register).
 */
export const FollowUpModeChangeSchema = z
  .object({
    manual: z.boolean({ message: 'must be true or false' }),
    reason: optionalText(FOLLOW_UP_LIMITS.reason),
  })
  .strict();
export type FollowUpModeChangeInput = z.infer<typeof FollowUpModeChangeSchema>;

export const FollowUpModeEntrySchema = z.object({
  manual: z.boolean(),
  reason: z.string().nullable(),
  changedAt: z.string(),
  /** Who switched: the citizen, or NAV (the advisor's ident only for advisors). */
  changedBy: z.object({ side: Side, ident: z.string().nullable() }),
});
export type FollowUpModeEntry = z.infer<typeof FollowUpModeEntrySchema>;

export const FollowUpModeSchema = z.object({
  manual: z.boolean(),
  /** The latest switch; null when the person was never switched (digital). */
  latest: FollowUpModeEntrySchema.nullable(),
  /** Whether the citizen may switch themself to digital now (manual, not reserved, register answered). */
  citizenMaySwitchToDigital: z.boolean(),
  /** Every switch, newest first (the log is never changed). */
  history: z.array(FollowUpModeEntrySchema),
});
export type FollowUpMode = z.infer<typeof FollowUpModeSchema>;

/** Who follows the person up; an advisor assigns themself or another advisor at the person's office. */
export const AssignmentInputSchema = z.object({ advisorIdent: AdvisorIdent }).strict();
export type AssignmentInput = z.infer<typeof AssignmentInputSchema>;

export const AdvisorRefSchema = z.object({ ident: z.string(), name: z.string().nullable() });
export type AdvisorRef = z.infer<typeof AdvisorRefSchema>;

export const AssignmentSchema = z.object({
  advisor: AdvisorRefSchema.nullable(),
  assignedAt: z.string().nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const OfficeAdvisorsSchema = z.object({ advisors: z.array(AdvisorRefSchema) });
export type OfficeAdvisors = z.infer<typeof OfficeAdvisorsSchema>;

/** KVP (the qualification programme): while open, new activities and messages are seen only at its office. */
export const KvpStartSchema = z.object({ reason: requiredText(FOLLOW_UP_LIMITS.reason) }).strict();
export const KvpEndSchema = KvpStartSchema;
export type KvpChangeInput = z.infer<typeof KvpStartSchema>;

export const KvpPeriodSchema = z.object({
  id: z.string(),
  officeId: z.string(),
  startedAt: z.string(),
  startedBy: z.string(),
  startReason: z.string(),
  endedAt: z.string().nullable(),
  /** The advisor's NAV-ident, or SYSTEM with endReason OFFICE_CHANGED when the person moved to another office. */
  endedBy: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type KvpPeriod = z.infer<typeof KvpPeriodSchema>;
export const KvpPeriodListSchema = z.object({ kvpPeriods: z.array(KvpPeriodSchema) });
export type KvpPeriodList = z.infer<typeof KvpPeriodListSchema>;

/** What an audit record says was opened or changed; the citizen's page names each in their language. */
export const AUDIT_SUBJECTS = [
  'PERSON',
  'PLAN',
  'ACTIVITY',
  'PERIODS',
  'GOAL',
  'DIALOG',
  'DRAFT',
  'ESCALATION',
  'AGREEMENT',
  'FOLLOW_UP',
  'ASSIGNMENT',
  'KVP',
  'WORKSPACE',
  'SEARCH',
  'OFFICE_SETTING',
] as const;
export const AuditSubject = z.enum(AUDIT_SUBJECTS);
export type AuditSubject = z.infer<typeof AuditSubject>;

/** "Who has looked at my plan": one row per advisor and half hour (product.md C3). */
export const AccessLogSchema = z.object({
  visits: z.array(
    z.object({
      advisor: z.object({ name: z.string() }),
      office: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
      /** The half hour the visit falls in, and the first and last record in it. */
      from: z.string(),
      to: z.string(),
      opened: z.array(AuditSubject),
      changed: z.array(AuditSubject),
    }),
  ),
  /** True when older visits exist than are listed; ask again with `before` set to the last `from`. */
  more: z.boolean(),
});
export type AccessLog = z.infer<typeof AccessLogSchema>;

export const AccessLogQuerySchema = z
  .object({ before: z.iso.datetime({ offset: true, message: 'must be a date and time with offset (ISO 8601)' }).optional() })
  .strict();
