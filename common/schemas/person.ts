import { z } from 'zod';
import { NO_NUL, noNul } from './primitives.ts';

export const UiLanguage = z.enum(['nb', 'nn', 'en'], { message: 'must be nb, nn or en' });

export const NationalIdLookupSchema = z
  .object({ nationalId: z.string({ message: 'is required' }).regex(/^\d{11}$/, { message: 'must be 11 digits' }) })
  .strict();
export type NationalIdLookupInput = z.infer<typeof NationalIdLookupSchema>;

export const ContactStatusSchema = z.object({
  /** False when the contact register could not be asked; the other fields are then unknown (null). */
  available: z.boolean(),
  registered: z.boolean().nullable(),
  reserved: z.boolean().nullable(),
  outdated: z.boolean().nullable(),
});
export type ContactStatus = z.infer<typeof ContactStatusSchema>;

export const PersonSummarySchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  office: z.object({ id: z.string(), name: z.string().nullable() }),
  language: UiLanguage,
  currentPeriodId: z.string().nullable(),
  manualFollowUp: z.boolean(),
  inKvp: z.boolean(),
  contact: ContactStatusSchema,
  /** For advisors only: the national id of a person they have access to. */
  nationalId: z.string().optional(),
  protectedAddress: z.enum(['STRICT', 'CONFIDENTIAL']).nullable().optional(),
  /** Why NAV follows the person up manually (the latest switch's reason); null when digital. Sent to both sides. */
  manualReason: z.string().nullable().optional(),
  /** For advisors only: who follows the person up. */
  assignedAdvisor: z.object({ ident: z.string(), name: z.string().nullable() }).nullable().optional(),
  /** For advisors only: the open KVP period, if any. */
  kvp: z.object({ officeId: z.string(), startedAt: z.string() }).nullable().optional(),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

/** The language chosen in the page; a citizen's is also the language NAV writes to them in. */
export const LanguageChoiceSchema = z.object({ language: UiLanguage }).strict();
export type LanguageChoiceInput = z.infer<typeof LanguageChoiceSchema>;

/** An advisor's search among the persons they may reach: a national id or words of a name. */
export const PersonSearchSchema = z
  .object({
    query: z
      .string({ message: 'is required' })
      .trim()
      .min(2, { message: 'must be at least 2 characters' })
      .max(100, { message: 'must be at most 100 characters' })
      .refine(noNul, NO_NUL),
  })
  .strict();
export type PersonSearchInput = z.infer<typeof PersonSearchSchema>;

export const PersonSearchResultSchema = z.object({
  persons: z.array(
    z.object({
      id: z.string(),
      givenName: z.string(),
      familyName: z.string(),
      nationalId: z.string(),
      office: z.object({ id: z.string(), name: z.string().nullable() }),
    }),
  ),
  /** True when more persons matched than are listed: the advisor should type more. */
  truncated: z.boolean(),
});
export type PersonSearchResult = z.infer<typeof PersonSearchResultSchema>;

export const MeSchema = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('citizen'),
    personId: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    highAssurance: z.boolean(),
    language: UiLanguage,
  }),
  z.object({
    role: z.literal('advisor'),
    ident: z.string(),
    name: z.string(),
    offices: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
    /** Null until the advisor has chosen one. */
    language: UiLanguage.nullable(),
  }),
  z.object({ role: z.literal('employer'), organisations: z.array(z.string()) }),
  z.object({ role: z.literal('system'), clientId: z.string() }),
]);
export type Me = z.infer<typeof MeSchema>;
