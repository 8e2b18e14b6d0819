import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PeriodSchema } from '#common/schemas/plan.ts';
import { requirePrincipal } from '#server/auth/plugin.ts';
import { ERROR_RESPONSES, PeriodParams, PersonParams, SECURITY } from '#server/http/schemas.ts';
import type { PeriodService } from './period.service.ts';

export function periodRoutes(app: FastifyInstance, periods: PeriodService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['follow-up periods'];

  r.get(
    '/api/persons/:personId/periods',
    { schema: { tags, summary: "A person's follow-up periods, newest first", security: SECURITY, params: PersonParams, response: { 200: z.array(PeriodSchema), ...ERROR_RESPONSES } } },
    async (request) => periods.list(requirePrincipal(request), request.params.personId),
  );

  r.post(
    '/api/persons/:personId/periods',
    { schema: { tags, summary: 'Start a follow-up period (advisor)', security: SECURITY, params: PersonParams, response: { 201: PeriodSchema, ...ERROR_RESPONSES } } },
    async (request, reply) => reply.code(201).send(await periods.start(requirePrincipal(request), request.params.personId)),
  );

  r.post(
    '/api/persons/:personId/periods/:periodId/end',
    { schema: { tags, summary: 'End the current follow-up period (advisor)', security: SECURITY, params: PeriodParams, response: { 200: PeriodSchema, ...ERROR_RESPONSES } } },
    async (request) => periods.end(requirePrincipal(request), request.params.personId, request.params.periodId),
  );
}
