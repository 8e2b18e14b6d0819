import { z } from 'zod';

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
  language: z.enum(['nb', 'nn', 'en']),
  currentPeriodId: z.string().nullable(),
  manualFollowUp: z.boolean(),
  inKvp: z.boolean(),
  contact: ContactStatusSchema,
  /** For advisors only: the national id of a person they have access to. */
  nationalId: z.string().optional(),
  protectedAddress: z.enum(['STRICT', 'CONFIDENTIAL']).nullable().optional(),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const MeSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('citizen'), personId: z.string(), givenName: z.string(), familyName: z.string(), highAssurance: z.boolean() }),
  z.object({
    role: z.literal('advisor'),
    ident: z.string(),
    name: z.string(),
    offices: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
  }),
  z.object({ role: z.literal('employer'), organisations: z.array(z.string()) }),
  z.object({ role: z.literal('system'), clientId: z.string() }),
]);
export type Me = z.infer<typeof MeSchema>;
