import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AccessLogQuerySchema, AccessLogSchema } from '#common/schemas/follow-up.ts';
import { requirePrincipal } from '#server/auth/plugin.ts';
import { ERROR_RESPONSES, PersonParams, SECURITY } from '#server/http/schemas.ts';
import type { AccessLogService } from './audit.service.ts';

export function auditRoutes(app: FastifyInstance, accessLog: AccessLogService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/persons/:personId/access-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Citizen: who at NAV opened or changed my data, per advisor and half hour, newest first',
        security: SECURITY,
        params: PersonParams,
        querystring: AccessLogQuerySchema,
        response: { 200: AccessLogSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => accessLog.list(requirePrincipal(request), request.params.personId, request.query.before ? new Date(request.query.before) : null),
  );
}
