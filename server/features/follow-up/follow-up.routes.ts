import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentInputSchema,
  AssignmentSchema,
  FollowUpModeChangeSchema,
  FollowUpModeSchema,
  KvpEndSchema,
  KvpPeriodListSchema,
  KvpPeriodSchema,
  KvpStartSchema,
  OfficeAdvisorsSchema,
} from '#common/schemas/follow-up.ts';
import { Uuid } from '#common/schemas/primitives.ts';
import { OfficeParams } from '#common/schemas/workspace.ts';
import { requirePrincipal } from '#server/auth/plugin.ts';
import { ERROR_RESPONSES, ErrorResponseSchema, PersonParams, SECURITY } from '#server/http/schemas.ts';
import type { FollowUpService } from './follow-up.service.ts';

const KvpPeriodParams = z.object({ personId: Uuid, kvpPeriodId: Uuid }).strict();

export function followUpRoutes(app: FastifyInstance, followUp: FollowUpService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['follow-up'];
  const { modes, assignments, kvp } = followUp;

  r.get(
    '/api/persons/:personId/follow-up-mode',
    {
      schema: {
        tags,
        summary: 'Digital or manual follow-up, with every switch (newest first) and whether the citizen may switch to digital',
        security: SECURITY,
        params: PersonParams,
        response: { 200: FollowUpModeSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => modes.get(requirePrincipal(request), request.params.personId),
  );

  r.put(
    '/api/persons/:personId/follow-up-mode',
    {
      schema: {
        tags,
        summary: 'Switch between digital and manual follow-up (advisor either way, with a reason; the citizen only to digital)',
        security: SECURITY,
        params: PersonParams,
        body: FollowUpModeChangeSchema,
        response: { 200: FollowUpModeSchema, ...ERROR_RESPONSES, 503: ErrorResponseSchema },
      },
    },
    async (request) => modes.change(requirePrincipal(request), request.params.personId, request.body),
  );

  r.get(
    '/api/persons/:personId/assignment',
    { schema: { tags, summary: 'Advisor: who follows the person up', security: SECURITY, params: PersonParams, response: { 200: AssignmentSchema, ...ERROR_RESPONSES } } },
    async (request) => assignments.get(requirePrincipal(request), request.params.personId),
  );

  r.put(
    '/api/persons/:personId/assignment',
    {
      schema: {
        tags,
        summary: "Advisor: assign the person to an advisor at the person's office",
        security: SECURITY,
        params: PersonParams,
        body: AssignmentInputSchema,
        response: { 200: AssignmentSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => assignments.assign(requirePrincipal(request), request.params.personId, request.body),
  );

  r.get(
    '/api/offices/:officeId/advisors',
    { schema: { tags, summary: 'Advisor: the advisors seen at one of your offices', security: SECURITY, params: OfficeParams, response: { 200: OfficeAdvisorsSchema, ...ERROR_RESPONSES } } },
    async (request) => assignments.officeAdvisors(requirePrincipal(request), request.params.officeId),
  );

  r.get(
    '/api/persons/:personId/kvp-periods',
    { schema: { tags, summary: "Advisor: the person's KVP periods at your offices, newest first", security: SECURITY, params: PersonParams, response: { 200: KvpPeriodListSchema, ...ERROR_RESPONSES } } },
    async (request) => kvp.list(requirePrincipal(request), request.params.personId),
  );

  r.post(
    '/api/persons/:personId/kvp-periods',
    {
      schema: {
        tags,
        summary: "Advisor at the person's office: start a KVP period (its new activities and messages are seen only at that office)",
        security: SECURITY,
        params: PersonParams,
        body: KvpStartSchema,
        response: { 201: KvpPeriodSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(await kvp.start(requirePrincipal(request), request.params.personId, request.body)),
  );

  r.post(
    '/api/persons/:personId/kvp-periods/:kvpPeriodId/end',
    {
      schema: {
        tags,
        summary: 'Advisor at the KVP office: end the KVP period',
        security: SECURITY,
        params: KvpPeriodParams,
        body: KvpEndSchema,
        response: { 200: KvpPeriodSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => kvp.end(requirePrincipal(request), request.params.personId, request.params.kvpPeriodId, request.body),
  );
}
