import path from 'node:path';
import { z } from 'zod';
import type { PersonRecord } from '../types.ts';
import { createLocalRegisterService, NationalIdSchema, type LocalRegisterService } from './register-service.ts';

/**
 * Stand-in for the person register (Folkeregisteret): name, protected-address grade, NAV-employee
 * flag and the NAV office the address belongs to. Dev and tests run it as a real HTTP service.
 *
 *   POST /persons/lookup    {nationalId}          → 200 PersonRecord | 404
 *   PUT  /admin/persons     {persons: [...]}      bulk upsert (seeding)
 *   GET  /admin/persons/count, GET /admin/stats, PUT /admin/behaviour, GET /health
 */
export const PersonEntrySchema = z.object({
  nationalId: NationalIdSchema,
  givenName: z.string().min(1).max(200),
  familyName: z.string().min(1).max(200),
  protectedAddress: z.enum(['STRICT', 'CONFIDENTIAL']).nullable(),
  navEmployee: z.boolean(),
  officeId: z.string().regex(/^\d{4}$/, 'four digits'),
}) satisfies z.ZodType<PersonRecord>;

export const PERSONS_FILE = 'persons.jsonl';

/** `dataDir` undefined keeps the register in memory only. */
export function createPersonRegisterService(options: { dataDir?: string | undefined }): Promise<LocalRegisterService<PersonRecord>> {
  return createLocalRegisterService<PersonRecord>({
    resource: 'persons',
    recordSchema: PersonEntrySchema,
    file: options.dataDir ? path.join(options.dataDir, PERSONS_FILE) : undefined,
  });
}
