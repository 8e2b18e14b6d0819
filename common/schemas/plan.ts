import { z } from 'zod';
import { ActivitySchema, ActivityStatus, ActivityType, ApplicationStatus, ChangedBySchema } from './activity.ts';
import { optionalText, repeated, Uuid, Version } from './primitives.ts';
import { LIMITS } from '../limits.ts';

export const PeriodSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  current: z.boolean(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const GoalSchema = z.object({
  text: z.string(),
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: ChangedBySchema,
  unread: z.boolean(),
});
export type Goal = z.infer<typeof GoalSchema>;

export const GoalHistoryEntrySchema = z.object({
  version: z.number().int(),
  text: z.string(),
  changedAt: z.string(),
  changedBy: ChangedBySchema,
});

export const GoalUpdateSchema = z
  .object({
    /** The version read; 0 when there was no goal yet. */
    version: Version,
    text: optionalText(LIMITS.goal).transform((v) => v ?? ''),
  })
  .strict();
export type GoalUpdateInput = z.infer<typeof GoalUpdateSchema>;

export const PlanQuerySchema = z
  .object({
    periodId: Uuid.optional(),
    type: repeated(ActivityType),
    status: repeated(ActivityStatus),
    agreed: z.enum(['true', 'false']).optional(),
    label: repeated(ApplicationStatus),
  })
  .strict();
export type PlanQuery = z.infer<typeof PlanQuerySchema>;

export const PlanSchema = z.object({
  personId: z.string(),
  /** The period shown; null when the person has never been followed up. */
  period: PeriodSchema.nullable(),
  periods: z.array(PeriodSchema),
  goal: GoalSchema.nullable(),
  activities: z.array(ActivitySchema),
  /** Whether the caller can write to this plan now, and if not, why. */
  writable: z.boolean(),
  readOnlyReason: z.enum(['NO_CURRENT_PERIOD', 'PERIOD_ENDED', 'MANUAL_FOLLOW_UP', 'RESERVED']).nullable(),
});
export type Plan = z.infer<typeof PlanSchema>;
