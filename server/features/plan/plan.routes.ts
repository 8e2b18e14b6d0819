import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GoalHistoryEntrySchema, GoalSchema, GoalUpdateSchema, PlanQuerySchema, PlanSchema } from '#common/schemas/plan.ts';
import { Uuid, Version } from '#common/schemas/primitives.ts';
import { requirePrincipal } from '#server/auth/plugin.ts';
import { ERROR_RESPONSES, PersonParams, SECURITY } from '#server/http/schemas.ts';
import type { PlanService } from './plan.service.ts';

export function planRoutes(app: FastifyInstance, plans: PlanService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['plan'];

  r.get(
    '/api/persons/:personId/plan',
    {
      schema: {
        tags,
        summary: 'The board: goal and activities of a period (the current one unless periodId is given), with filters',
        security: SECURITY,
        params: PersonParams,
        querystring: PlanQuerySchema,
        response: { 200: PlanSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => plans.read(requirePrincipal(request), request.params.personId, request.query),
  );

  r.put(
    '/api/persons/:personId/goal',
    {
      schema: {
        tags,
        summary: "Write the goal of the current period (naming the version read; 0 when there was none)",
        security: SECURITY,
        params: PersonParams,
        body: GoalUpdateSchema,
        response: { 200: GoalSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => plans.updateGoal(requirePrincipal(request), request.params.personId, request.body),
  );

  r.get(
    '/api/persons/:personId/goal/history',
    {
      schema: {
        tags,
        summary: 'Every version of the goal, newest first',
        security: SECURITY,
        params: PersonParams,
        querystring: z.object({ periodId: Uuid.optional() }).strict(),
        response: { 200: z.array(GoalHistoryEntrySchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => plans.goalHistory(requirePrincipal(request), request.params.personId, request.query.periodId),
  );

  r.post(
    '/api/persons/:personId/goal/read',
    {
      schema: {
        tags,
        summary: "Mark the goal as read by the caller's side",
        security: SECURITY,
        params: PersonParams,
        body: z.object({ version: Version }).strict(),
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await plans.markGoalRead(requirePrincipal(request), request.params.personId, request.body.version);
      return reply.code(204).send(null);
    },
  );
}
