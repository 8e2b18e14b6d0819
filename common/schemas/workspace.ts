import { z } from 'zod';
import { NO_NUL, noNul } from './primitives.ts';
import { AdvisorRefSchema } from './follow-up.ts';

/** What needs attention in the advisor workspace (product.md C4); each is a filter with a count. */
export const WORKSPACE_FILTERS = [
  'UNREAD_MESSAGES',
  'AWAITING_NAV',
  'PAST_END_DATE',
  'UNREAD_ADVANCE_NOTICES',
  'MEETINGS_TODAY',
  'NEW',
  'GOING_PASSIVE',
  'UNASSIGNED',
] as const;
export const WorkspaceFilter = z.enum(WORKSPACE_FILTERS, { message: `must be one of ${WORKSPACE_FILTERS.join(', ')}` });
export type WorkspaceFilter = z.infer<typeof WorkspaceFilter>;

export const WORKSPACE_SORTS = ['NAME', 'NATIONAL_ID', 'LAST_CITIZEN_ACTION', 'PERIOD_START', 'ASSIGNED_ADVISOR'] as const;

/**
 * The list query: sent in a POST body because a search may hold a name or a national id, which
 * never go in a URL. "MINE" lists the persons assigned to the advisor; "OFFICE" one of their offices.
 */
export const WorkspaceQuerySchema = z
  .object({
    scope: z.enum(['MINE', 'OFFICE'], { message: 'must be MINE or OFFICE' }),
    officeId: z.string().regex(/^\d{4}$/, { message: 'must be a four-digit office number' }).optional(),
    filters: z.array(WorkspaceFilter).max(WORKSPACE_FILTERS.length).default([]),
    search: z.string().trim().max(100, { message: 'must be at most 100 characters' }).refine(noNul, NO_NUL).optional(),
    sort: z.enum(WORKSPACE_SORTS, { message: `must be one of ${WORKSPACE_SORTS.join(', ')}` }).default('NAME'),
    order: z.enum(['ASC', 'DESC'], { message: 'must be ASC or DESC' }).default('ASC'),
    page: z.number({ message: 'must be a whole number' }).int().min(1).max(10_000).default(1),
    pageSize: z.number({ message: 'must be a whole number' }).int().min(1).max(100).default(50),
  })
  .strict();
export type WorkspaceQueryInput = z.input<typeof WorkspaceQuerySchema>;
export type WorkspaceQuery = z.infer<typeof WorkspaceQuerySchema>;

export const WorkspacePersonSchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  nationalId: z.string(),
  officeId: z.string(),
  assignedAdvisor: AdvisorRefSchema.nullable(),
  periodStartedAt: z.string().nullable(),
  lastCitizenActionAt: z.string().nullable(),
  manualFollowUp: z.boolean(),
  attention: z.object({
    unreadMessages: z.number().int(),
    awaitingNav: z.boolean(),
    pastEndDate: z.number().int(),
    unreadAdvanceNotices: z.number().int(),
    meetingsToday: z.number().int(),
    new: z.boolean(),
    goingPassive: z.boolean(),
  }),
});
export type WorkspacePerson = z.infer<typeof WorkspacePersonSchema>;

export const WorkspaceResultSchema = z.object({
  persons: z.array(WorkspacePersonSchema),
  /** Persons matching the scope, search and filters. */
  total: z.number().int(),
  /** For each filter: how many persons in the scope and search match it (the other filters aside). */
  counts: z.record(WorkspaceFilter, z.number().int()),
  page: z.number().int(),
  pageSize: z.number().int(),
  passiveAfterDays: z.number().int(),
});
export type WorkspaceResult = z.infer<typeof WorkspaceResultSchema>;

export const OfficeSettingsSchema = z.object({
  officeId: z.string(),
  officeName: z.string().nullable(),
  passiveAfterDays: z.number().int(),
  /** Null while the office uses the default. */
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type OfficeSettings = z.infer<typeof OfficeSettingsSchema>;

export const OfficeSettingsInputSchema = z
  .object({ passiveAfterDays: z.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' }).min(1, { message: 'must be at least 1' }).max(365, { message: 'must be at most 365' }) })
  .strict();
export type OfficeSettingsInput = z.infer<typeof OfficeSettingsInputSchema>;

export const OfficeParams = z.object({ officeId: z.string().regex(/^\d{4}$/, { message: 'must be a four-digit office number' }) }).strict();
