import { z } from 'zod';

/** The login as the page sees it (GET /api/session). */
export const SessionViewSchema = z.object({
  role: z.enum(['citizen', 'advisor', 'employer', 'system']),
  displayName: z.string().nullable(),
  via: z.enum(['session', 'bearer']),
  /** When the session ends unless the person does something (or presses "stay logged in"). */
  idleExpiresAt: z.iso.datetime().nullable(),
  /** When the session ends whatever the person does. */
  absoluteExpiresAt: z.iso.datetime().nullable(),
  /** Echo in `x-csrf-token` on every cookie-authenticated request that is not GET or HEAD. */
  csrfToken: z.string().nullable(),
  idleMinutes: z.number().int(),
  advisor: z.object({ ident: z.string(), offices: z.array(z.string()) }).optional(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;
