import { z } from 'zod';
import { ERROR_CODES } from '#common/errors.ts';
import { Uuid } from '#common/schemas/primitives.ts';

export const ErrorResponseSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }),
});

/** The error answers every authenticated route may give (architecture.md, Errors). */
export const ERROR_RESPONSES = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
} as const;

export const PersonParams = z.object({ personId: Uuid }).strict();
export const ActivityParams = z.object({ activityId: Uuid }).strict();
export const PeriodParams = z.object({ personId: Uuid, periodId: Uuid }).strict();

export const SECURITY: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
