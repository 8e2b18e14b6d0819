import path from 'node:path';
import { z } from 'zod';
import { createLocalRegisterService, NationalIdSchema, type LocalRegisterService } from './register-service.ts';

/**
 * Stand-in for the contact and reservation register (KRR). Like the real one it answers when the
 * details were last confirmed, not whether they are outdated: that rule (18 months) is the app's,
 * and the adapter derives it with the app's clock.
 *
 *   POST /contacts/lookup   {nationalId}          → 200 ContactEntry | 404
 *   PUT  /admin/contacts    {contacts: [...]}     bulk upsert (seeding)
 *   GET  /admin/contacts/count, GET /admin/stats, PUT /admin/behaviour, GET /health
 */
export const ContactEntrySchema = z.object({
  nationalId: NationalIdSchema,
  reserved: z.boolean(),
  email: z.string().min(3).max(320).nullable(),
  mobile: z.string().min(3).max(32).nullable(),
  /** When the person last confirmed the details: an ISO 8601 date or date-time. */
  confirmedAt: z.union([z.iso.datetime({ offset: true }), z.iso.date()]),
});
export type ContactEntry = z.infer<typeof ContactEntrySchema>;

export const CONTACTS_FILE = 'contacts.jsonl';

/** `dataDir` undefined keeps the register in memory only. */
export function createContactRegisterService(options: { dataDir?: string | undefined }): Promise<LocalRegisterService<ContactEntry>> {
  return createLocalRegisterService<ContactEntry>({
    resource: 'contacts',
    recordSchema: ContactEntrySchema,
    file: options.dataDir ? path.join(options.dataDir, CONTACTS_FILE) : undefined,
  });
}
