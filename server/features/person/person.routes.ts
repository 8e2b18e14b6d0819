import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MeSchema, NationalIdLookupSchema, PersonSummarySchema } from '#common/schemas/person.ts';
import { requirePrincipal } from '#server/auth/plugin.ts';
import { ERROR_RESPONSES, PersonParams, SECURITY } from '#server/http/schemas.ts';
import type { PersonService } from './person.service.ts';

export function personRoutes(app: FastifyInstance, persons: PersonService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['persons'];

  r.get(
    '/api/me',
    { schema: { tags, summary: 'Who is logged in', security: SECURITY, response: { 200: MeSchema, ...ERROR_RESPONSES } } },
    async (request) => persons.me(requirePrincipal(request)),
  );

  r.post(
    '/api/persons/lookup',
    {
      schema: {
        tags,
        summary: 'Find a person by national id (sent in the body, never in a URL)',
        security: SECURITY,
        body: NationalIdLookupSchema,
        response: { 200: PersonSummarySchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => persons.lookup(requirePrincipal(request), request.body.nationalId),
  );

  r.get(
    '/api/persons/:personId',
    {
      schema: {
        tags,
        summary: 'A person: office, follow-up state and contact-register status',
        security: SECURITY,
        params: PersonParams,
        response: { 200: PersonSummarySchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => persons.summary(requirePrincipal(request), request.params.personId),
  );
}
