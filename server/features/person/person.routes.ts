import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LanguageChoiceSchema, MeSchema, NationalIdLookupSchema, PersonSearchResultSchema, PersonSearchSchema, PersonSummarySchema } from '#common/schemas/person.ts';
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

  r.put(
    '/api/me/language',
    {
      schema: {
        tags,
        summary: 'Choose the language of the pages (for a citizen also the language NAV writes to them in)',
        security: SECURITY,
        body: LanguageChoiceSchema,
        response: { 200: LanguageChoiceSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => persons.setLanguage(requirePrincipal(request), request.body.language),
  );

  r.post(
    '/api/persons/search',
    {
      schema: {
        tags,
        summary: 'Advisor: find persons by national id or name (sent in the body, never in a URL)',
        security: SECURITY,
        body: PersonSearchSchema,
        response: { 200: PersonSearchResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => persons.search(requirePrincipal(request), request.body.query),
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
