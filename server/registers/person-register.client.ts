import { z } from 'zod';
import { postLookup } from './register-http.ts';
import type { PersonRecord, PersonRegister } from './types.ts';

/**
 * Adapter for the person register (Folkeregisteret or its local stand-in). Not cached here: the app
 * keeps its own snapshot per person and refreshes it on purpose (architecture.md, "Data").
 */
const PersonAnswerSchema = z.object({
  nationalId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  protectedAddress: z.enum(['STRICT', 'CONFIDENTIAL']).nullable(),
  navEmployee: z.boolean(),
  officeId: z.string().min(1),
});

export interface PersonRegisterClientOptions {
  /** Base URL of the register, e.g. http://127.0.0.1:4010 */
  url: string;
  timeoutMs: number;
}

export function createPersonRegisterClient(options: PersonRegisterClientOptions): PersonRegister {
  const lookupUrl = `${options.url.replace(/\/$/, '')}/persons/lookup`;
  return {
    async lookup(nationalId: string): Promise<PersonRecord | null> {
      const answer = await postLookup({
        register: 'person',
        url: lookupUrl,
        nationalId,
        timeoutMs: options.timeoutMs,
        answerSchema: PersonAnswerSchema,
      });
      // Copy field by field so that anything extra the register sends stays out of the app.
      return answer
        ? {
            nationalId: answer.nationalId,
            givenName: answer.givenName,
            familyName: answer.familyName,
            protectedAddress: answer.protectedAddress,
            navEmployee: answer.navEmployee,
            officeId: answer.officeId,
          }
        : null;
    },
  };
}
